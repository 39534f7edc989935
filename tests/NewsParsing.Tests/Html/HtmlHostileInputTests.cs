using System.Text;
using NewsParsing.Html;
using NewsParsing.Model;
using NewsParsing.Tests.Infrastructure;

namespace NewsParsing.Tests.Html;

/// <summary>Hostile and damaged pages (issue 20), generated here at sizes the suite can afford: each gives a result
/// with a diagnostic of a stable code, in bounded time, with the text read so far kept; none throws or overflows the
/// stack. Larger versions run in tests/fuzz-long.sh.</summary>
public class HtmlHostileInputTests
{
    private const string Story = "The committee met again on Tuesday and said that troops from fifteen countries would join the drills.";

    /// <summary>Parses and checks the article's invariants. The work a page may cost is bounded by the element limit and
    /// the time budget, which these tests see as diagnostics; wall-clock bounds are measured by tests/robustness-cases.sh,
    /// never asserted here.</summary>
    private static NewsArticle Checked(Func<NewsArticle> parse)
    {
        var article = parse();
        ArticleInvariants.Check(article);
        return article;
    }

    private static MemoryStream Bytes(string s) => new(Encoding.UTF8.GetBytes(s));

    [Fact]
    public void Thousands_of_nested_pre_tags_are_read_without_recursion()
    {
        // 3,000 <pre> (15 KB) overflowed the stack; <pre> is not void, so the depth pre-scan must count it
        var page = "<html><body>" + string.Concat(Enumerable.Repeat("<pre>", 3_000)) + Story + "</body></html>";
        foreach (var article in new[] { Checked(() => NewsParser.ParseHtml(page)), Checked(() => NewsParser.ParseHtml(Bytes(page))) })
        {
            article.Body.Text.Should().Contain("fifteen countries");
        }

        Checked(() => NewsParser.ParseHtml(page)).Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.LimitReached);

        // just under the depth limit the tree is built, and nothing walks it recursively
        var deep = "<html><body>" + string.Concat(Enumerable.Repeat("<pre>", HtmlExtractor.MaxDepth - 10)) + Story + "</body></html>";
        Checked(() => NewsParser.ParseHtml(Bytes(deep))).Text.Should().Contain("fifteen countries");
    }

    [Theory]
    [InlineData("<div/>")]
    [InlineData("<div></x>")]
    [InlineData("<span/>")]
    public void Self_closing_and_unmatched_tag_floods_count_as_nesting(string tag)
    {
        // HTML ignores "/>" on a <div> and an end tag of no open element: 20,000 of these nest 20,000 deep
        var page = "<html><body>" + string.Concat(Enumerable.Repeat(tag, 20_000)) + "<p>" + Story + "</p></body></html>";
        HtmlExtractorDepth(page).Should().BeGreaterThan(2_000);
        var article = Checked(() => NewsParser.ParseHtml(page));
        article.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.LimitReached);
        article.Body.Text.Should().Contain("fifteen countries");
        Checked(() => NewsParser.ParseHtml(Bytes(page))).Body.Text.Should().Contain("fifteen countries");
    }

    [Fact]
    public void The_depth_prescan_does_not_count_what_html_closes_by_itself()
    {
        var page = "<html><body><div>" + string.Concat(Enumerable.Repeat("<p>para<li>item<br><img src=x><td>cell", 5_000)) + "</div></body></html>";
        HtmlExtractorDepth(page).Should().BeLessThan(10);
    }

    [Fact]
    public void Reconstructed_formatting_elements_are_counted_as_the_tree_builder_creates_them()
    {
        // '<b id=xN>' x 1,990 then 10,000 <p>: each <p> reconstructs the open <b>s, about 20 million elements (61 s and
        // 8.3 GB before); the element limit stops the build and the page's text is kept. Here 600 x 1,000 = 600,000.
        var sb = new StringBuilder("<html><body><div>");
        for (var i = 0; i < 600; i++)
        {
            sb.Append("<b id=x").Append(i).Append('>');
        }

        sb.Append("</div>");
        for (var i = 0; i < 1_000; i++)
        {
            sb.Append("<p>").Append(i == 999 ? Story : "y").Append("</p>");
        }

        var page = sb.ToString();
        var article = Checked(() => NewsParser.ParseHtml(page));
        article.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.LimitReached);
        article.Text.Should().Contain("fifteen countries");
    }

    [Fact]
    public void A_page_over_the_byte_limit_is_cut_with_a_diagnostic_and_its_first_part_kept()
    {
        var page = "<html><body><article><p>" + Story + "</p><p>Caf\u00e9 owners were not consulted, they said.</p>" + new string('x', 5_000) + "</article></body></html>";
        var bytes = Encoding.UTF8.GetBytes(page);
        var cut = page.IndexOf("Caf", StringComparison.Ordinal) + 4; // inside the two bytes of "é"
        var article = Checked(() => NewsParser.Default.ParseHtml(new MemoryStream(bytes), new HtmlReadOptions { MaxBytes = cut }));
        article.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.HtmlTooLarge);
        article.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.HtmlInvalidBytes, "a cut inside a character is not a bad byte");
        article.Body.Text.Should().Contain("fifteen countries");
    }

    [Fact]
    public void A_spent_time_budget_keeps_the_text_with_a_diagnostic_and_a_cancelled_token_throws()
    {
        var sb = new StringBuilder("<html><body><article>");
        for (var i = 0; i < 3_000; i++)
        {
            sb.Append("<p>").Append(Story).Append("</p>");
        }

        var page = sb.Append("</article></body></html>").ToString();
        // each look at the clock moves it 1 ms: the page's 10 ms are spent after a few thousand elements
        var clock = new SteppingClock(TimeSpan.FromMilliseconds(1));
        var pipeline = new NewsPipelineBuilder().WithTimeProvider(clock).Build();
        var slow = Checked(() => pipeline.ParseHtml(page, new HtmlReadOptions { TimeBudget = TimeSpan.FromMilliseconds(10) }));
        slow.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.HtmlTimeBudget);
        slow.Body.Text.Should().Contain("fifteen countries");
        slow.Body.Paragraphs.Length.Should().BeLessThan(3_000, "the walk stopped when the budget was spent");
        var whole = Checked(() => new NewsPipelineBuilder().WithTimeProvider(new SteppingClock(TimeSpan.Zero)).Build()
            .ParseHtml(page, new HtmlReadOptions { TimeBudget = TimeSpan.FromMilliseconds(10) }));
        whole.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.HtmlTimeBudget, "a clock that does not move never spends the budget");
        whole.Body.Paragraphs.Length.Should().Be(3_000);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        // A cancelled token is the caller's decision, not bad input: it throws, as everywhere in .NET (docs/robustness.md).
        var stopped = () => NewsParser.Default.ParseHtml(page, HtmlReadOptions.Default, cancelled.Token);
        stopped.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void One_invalid_byte_in_a_utf8_page_is_reported_and_the_rest_stays_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("<html><head><meta charset=\"utf-8\"></head><body><article><p>Caf\u00e9 owners in S\u00e3o Paulo said prices rose ").ToList();
        bytes.Add(0xFF); // never valid in UTF-8
        bytes.AddRange(Encoding.UTF8.GetBytes(" sharply this year.</p></article></body></html>"));
        var article = NewsParser.ParseHtml(new MemoryStream(bytes.ToArray()));
        article.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.HtmlInvalidBytes);
        article.Body.Text.Should().Contain("Café").And.Contain("São Paulo");
    }

    [Fact]
    public void A_latin1_page_declared_utf8_is_read_as_windows_1252_with_a_diagnostic()
    {
        var bytes = Encoding.Latin1.GetBytes("<html><head><meta charset=\"utf-8\"></head><body><article><p>Caf\u00e9 owners in S\u00e3o Paulo said prices rose sharply this year.</p></article></body></html>");
        var article = NewsParser.ParseHtml(new MemoryStream(bytes));
        article.Body.Text.Should().Contain("Café");
        article.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.HtmlInvalidBytes);
    }

    [Theory]
    [InlineData("x-unheard-of")]
    [InlineData("utf-7")]
    public void An_unknown_charset_is_reported_and_the_page_read_as_utf8(string charset)
    {
        var page = $"<html><head><meta charset=\"{charset}\"></head><body><article><p>{Story}</p></article></body></html>";
        var article = NewsParser.ParseHtml(Bytes(page));
        article.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.HtmlUnknownCharset);
        article.Body.Text.Should().Contain("fifteen countries");
    }

    [Fact]
    public void Legacy_code_pages_are_decoded_from_the_meta_or_the_caller_charset()
    {
        var cyrillic = "Правительство заявило во вторник, что учения начнутся в следующем месяце.";
        var windows1251 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1251)!;
        var page = $"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body><article><p>{cyrillic}</p></article></body></html>";
        NewsParser.ParseHtml(new MemoryStream(windows1251.GetBytes(page))).Body.Text.Should().Contain(cyrillic);

        // the transport's charset wins over the page's declaration, as in browsers
        var latin2 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding("iso-8859-2")!;
        var polish = "Rząd ogłosił we wtorek, że ćwiczenia rozpoczną się w przyszłym miesiącu, podała agencja.";
        var mislabelled = $"<html><head><meta charset=\"utf-8\"></head><body><article><p>{polish}</p></article></body></html>";
        var article = NewsParser.Default.ParseHtml(new MemoryStream(latin2.GetBytes(mislabelled)), new HtmlReadOptions { Charset = "iso-8859-2" });
        article.Body.Text.Should().Contain(polish);
    }

    private static int HtmlExtractorDepth(string page) => HtmlExtractor.ApproximateDepth(page);
}
