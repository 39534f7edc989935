using System.IO.Compression;
using System.Text;
using NewsParsing.Model;
using NewsParsing.Tests.Infrastructure;

namespace NewsParsing.Tests.Html;

public class HtmlTests
{
    private const string Page = """
        <!doctype html><html><head><meta charset="utf-8"><title>Site | Ignored</title>
        <meta property="og:site_name" content="Reuters">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
          {"@type":"NewsArticle","headline":"Nepal disputes bird strike","datePublished":"2023-04-25T12:26:15+05:45",
           "author":[{"@type":"Person","name":"Gopal Sharma"}],"publisher":{"@type":"Organization","name":"Reuters"}}]}</script>
        </head><body><nav><a href="/">Home</a><p>Menu entry that is long enough to look like a paragraph</p></nav>
        <article class="story-body"><h1>Nepal disputes bird strike</h1><p class="byline">By Gopal Sharma</p>
        <p>KATHMANDU, April 25 (Reuters) - Nepal's civil aviation authority disputed on Tuesday whether a plane was hit by a bird.</p>
        <figure><figcaption>A plane takes off from Kathmandu airport in this picture.</figcaption></figure>
        <p>The aircraft landed safely in Dubai with 169 passengers on board, the airline said.</p>
        <div class="share-bar"><p>Share this article on your favourite social network today</p></div></article>
        <footer><p>Copyright Reuters 2023. All rights reserved by the publisher of this page.</p></footer></body></html>
        """;

    [Fact]
    public void A_page_becomes_the_same_article_model_with_metadata_and_a_source_map()
    {
        var article = NewsParser.ParseHtml(Page, "https://www.reuters.com/world/asia-pacific/nepal-2023-04-25/");
        ArticleInvariants.Check(article);
        article.Headline.Should().Be("Nepal disputes bird strike");
        article.Authors.Select(a => a.Name).Should().Equal("Gopal Sharma");
        article.PublishedAt!.Value.Offset.ToTimeSpan().Should().Be(TimeSpan.FromMinutes(345));
        article.PublicationDate.Should().Be(new NodaTime.LocalDate(2023, 4, 25));
        article.PublicationDateSource.Should().Be(PublicationDateSource.Html);
        article.Agency!.Id.Should().Be("reuters");
        article.Dateline!.Place.Should().Be("Kathmandu");
        article.Body.Paragraphs.Should().HaveCount(2);
        article.Body.Text.Should().NotContain("Share this").And.NotContain("Menu entry").And.NotContain("Copyright").And.NotContain("picture");
        var html = article.Html!;
        var second = article.Body.Paragraphs[1];
        var at = html.MapToHtml(second.Span.Start);
        at.Should().BeGreaterThan(0);
        Page[at..].Should().StartWith("<p>The aircraft landed");
        html.MapToHtml(second.Span)!.Value.Start.Should().Be(at);
    }

    [Fact]
    public void AzerNews_times_keep_their_offset()
    {
        var page = """<html><body><article><h1>Title</h1><time datetime="21 July 2025 14:01 (UTC+04:00)">x</time><p>Baku hosted the forum on Monday, the ministry of culture reported in a statement.</p></article></body></html>""";
        var article = NewsParser.ParseHtml(page, "https://www.azernews.az/nation/244986.html");
        article.PublishedAt.Should().NotBeNull();
        article.PublishedAt!.Value.Offset.ToTimeSpan().Should().Be(TimeSpan.FromHours(4));
        article.PublicationDate.Should().Be(new NodaTime.LocalDate(2025, 7, 21));
        article.Agency!.Id.Should().Be("azernews");
    }

    public static TheoryData<string, string> BadPages() => new()
    {
        { "malformed", "<html><body><p>Unclosed <b>bold <i>italic</p></div></span><p>Another paragraph that is long enough to count here" },
        { "no article", "<html><head><title>Login</title></head><body><form><input></form></body></html>" },
        { "scripts only", "<html><head><script>var a = 1;</script></head><body><script>document.write('x')</script></body></html>" },
        { "empty", "" },
        { "not html", "\0\u0001\u0002 binary junk \u0003" },
        { "nested", string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>Deep text inside one hundred thousand nested elements of a page.</p>" },
    };

    [Theory]
    [MemberData(nameof(BadPages))]
    public void Bad_pages_give_a_result_with_diagnostics(string name, string page)
    {
        var article = NewsParser.ParseHtml(page);
        ArticleInvariants.Check(article);
        if (name is "nested")
        {
            article.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.LimitReached, "the depth limit bounds the work");
            article.Body.Text.Should().Contain("Deep text", "the text under the limit is kept");
        }

        if (name is "no article" or "scripts only" or "empty" or "not html")
        {
            article.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.HtmlNoArticle, name);
        }
    }

    [Fact]
    public void A_large_page_is_read_whole()
    {
        // 2 MB of paragraphs, under every limit; larger pages are the same code path (docs/html.md gives the time per MB).
        var sb = new StringBuilder("<html><body><article>");
        var paragraphs = 0;
        while (sb.Length < 2_000_000)
        {
            sb.Append("<p>The committee met again on Tuesday and said that 2,500 troops from fifteen countries would join the drills.</p>");
            paragraphs++;
        }

        sb.Append("</article></body></html>");
        var page = sb.ToString();
        var pipeline = new NewsPipelineBuilder().WithTimeProvider(new SteppingClock(TimeSpan.Zero)).Build(); // no wall clock
        var article = pipeline.ParseHtml(page);
        article.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.LimitReached || d.Code == DiagnosticCodes.HtmlTimeBudget);
        article.Body.Paragraphs.Length.Should().Be(paragraphs, "every paragraph is kept");
    }

    [Fact]
    public void A_wrong_charset_declaration_does_not_fail()
    {
        var bytes = Encoding.Latin1.GetBytes("<html><head><meta charset=\"utf-8\"></head><body><article><p>Caf\u00e9 owners in S\u00e3o Paulo said prices rose sharply this year.</p></article></body></html>");
        var article = NewsParser.ParseHtml(new MemoryStream(bytes));
        article.Body.Text.Should().Contain("Café");
    }

    [Fact]
    public void The_cli_reads_html_gz_pages()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            using (var file = File.Create(Path.Combine(dir.FullName, "page.html.gz")))
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            {
                gzip.Write(Encoding.UTF8.GetBytes(Page));
            }

            var json = Segmentation.GoldenTests.RunCli("parse", dir.FullName);
            json.Should().Contain("\"publishedAt\":\"2023-04-25T12:26:15+05:45\"").And.Contain("\"headline\":\"Nepal disputes bird strike\"");
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
