using System.Runtime.CompilerServices;
using NewsParsing.Agencies;
using NewsParsing.Model;
using NewsParsing.TestKit;
using NewsParsing.Tests.Infrastructure;

namespace NewsParsing.Tests.Robustness;

/// <summary>
/// Issue 20, items 5, 9 and 10 (library parts): limits counted per item, options checked however they were made,
/// entity spans that never split a surrogate pair, cancellation and the per-parse time budget.
/// </summary>
public class LimitsAndCancellationTests
{
    private static readonly Lazy<string> Big = new(() =>
    {
        // About 230 KB of real articles: thousands of budget checks in a full parse.
        var seeds = Directory.EnumerateFiles(Paths.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        return string.Join("\n\n", Enumerable.Repeat(string.Join("\n\n", seeds), 50));
    });

    [Fact]
    public void The_entity_limit_is_counted_per_mention_not_per_sentence()
    {
        // One sentence with ten places against a limit of three: the limit used to be checked after each sentence.
        var pipeline = new NewsPipelineBuilder().WithMaxItemsPerStage(3).Build();
        var article = pipeline.Parse("Leaders from Baku, London, Paris, Moscow, Berlin, Tokyo, Rome, Madrid, Ankara and Tehran met on Monday.");
        new NewsPipelineBuilder().Build().Parse(article.Text).Entities.Length.Should().BeGreaterThan(3, "the sentence has more entities than the limit");
        article.Entities.Length.Should().BeLessThanOrEqualTo(3);
        article.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.LimitReached);
    }

    [Fact]
    public void Options_made_without_the_builder_are_checked_when_the_pipeline_is_built()
    {
        // An uninitialised record (as a careless deserialiser makes it) has no registry and zero limits.
        var raw = (NewsPipelineOptions)RuntimeHelpers.GetUninitializedObject(typeof(NewsPipelineOptions));
        FluentActions.Invoking(() => new NewsPipelineBuilder(raw)).Should().Throw<ArgumentException>();

        // An agency made with `Aliases = default` used to give a NullReferenceException when the registry was built.
        FluentActions.Invoking(() => NewsPipelineOptions.Default with { Agencies = new AgencyRegistry([new Agency("x", "X") { Aliases = default }]) })
            .Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new NewsPipelineBuilder().AddAgency(new Agency("x", "X") { Domains = default }).Build())
            .Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new NewsPipelineBuilder().AddAgency(new Agency("x", "X") { Aliases = [null!] }).Build())
            .Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new AgencyRegistry([])).Should().NotThrow("an empty registry is valid");

        FluentActions.Invoking(() => NewsPipelineOptions.Default with { TimeBudget = TimeSpan.Zero }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new NewsPipelineBuilder().WithTimeBudget(TimeSpan.FromSeconds(-1))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("Zakir \ud835\udcb3asanov met Ilham Aliyev in Baku.")]
    [InlineData("Talks in \ud835\udcb3Baku\ud835\udcb3 and Paris\ud83c\udf0d ended.")]
    [InlineData("President Ilham Aliyev\ud83c\uddff\ud83c\udde6 received NATO\ud835\udcb3 officials.")]
    public void Entity_spans_never_split_a_surrogate_pair(string text)
    {
        ArticleInvariants.Check(NewsParser.Parse(text));
        SourceSpan.WholeCharacters("a\ud835\udcb3b", new SourceSpan(2, 1)).Should().Be(new SourceSpan(1, 2));
        SourceSpan.WholeCharacters("a\ud835\udcb3b", new SourceSpan(0, 2)).Should().Be(new SourceSpan(0, 3));
        SourceSpan.WholeCharacters("a\ud835\udcb3b", new SourceSpan(1, 2)).Should().Be(new SourceSpan(1, 2));
    }

    [Fact]
    public void A_time_budget_returns_the_article_so_far_with_a_diagnostic()
    {
        var text = Big.Value;
        var plain = new NewsPipelineBuilder().Build().Parse(text);

        // A clock that never moves: the budget is never spent, and the parse is the plain one.
        var still = new SteppingClock(TimeSpan.Zero);
        var whole = new NewsPipelineBuilder().WithTimeProvider(still).WithTimeBudget(TimeSpan.FromMilliseconds(10)).Build().Parse(text);
        whole.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.TimeBudgetExceeded);
        Render(whole).Should().Be(Render(plain), "a budget that is not spent changes nothing");
        still.Reads.Should().BeGreaterThan(1_000, "the stages look at the clock throughout the parse");

        // Each look at the clock moves it 1 ms: a 10 ms budget is spent at the 12th look (the start, then 11 checks).
        var clock = new SteppingClock(TimeSpan.FromMilliseconds(1));
        var cut = new NewsPipelineBuilder().WithTimeProvider(clock).WithTimeBudget(TimeSpan.FromMilliseconds(10)).Build().Parse(text);
        cut.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.TimeBudgetExceeded);
        clock.Reads.Should().Be(12, "the stages stop at the first check past the budget and look at the clock no more");
        cut.Body.Paragraphs.Length.Should().Be(whole.Body.Paragraphs.Length, "segmentation always completes");
        (cut.Entities.Length + cut.Dates.Length + cut.Quantities.Length)
            .Should().BeLessThan((whole.Entities.Length + whole.Dates.Length + whole.Quantities.Length) / 10, "the stages stopped early");
        ArticleInvariants.Check(cut);
    }

    [Fact]
    public void A_cancelled_parse_throws_at_the_next_check_and_leaves_the_pipeline_usable()
    {
        var text = Big.Value;
        var small = File.ReadAllText(Path.Combine(Paths.Seeds, "003_79742d6c168d962d.txt"));

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var plain = new NewsPipelineBuilder().Build();
        FluentActions.Invoking(() => plain.Parse(small, cancelled.Token)).Should().Throw<OperationCanceledException>();
        FluentActions.Invoking(() => plain.ParseHtml("<p>x</p>", null, null, cancelled.Token)).Should().Throw<OperationCanceledException>();

        // How many times a whole parse checks its token and clock (the clock is looked at right after each token check).
        var counter = new SteppingClock(TimeSpan.Zero);
        new NewsPipelineBuilder().WithTimeProvider(counter).WithTimeBudget(TimeSpan.FromHours(1)).Build().Parse(text);
        var looks = counter.Reads;
        looks.Should().BeGreaterThan(1_000);

        // The token is cancelled half way through the parse, from inside it: the very next check throws.
        using var midway = new CancellationTokenSource();
        var clock = new SteppingClock(TimeSpan.Zero) { ActAt = looks / 2, OnRead = midway.Cancel };
        var pipeline = new NewsPipelineBuilder().WithTimeProvider(clock).WithTimeBudget(TimeSpan.FromHours(1)).Build();
        var before = Render(pipeline.Parse(small));
        var readsBefore = clock.Reads;
        clock.ActAt.Should().BeGreaterThan(readsBefore, "the cancellation falls in the big parse, not the small one");
        FluentActions.Invoking(() => pipeline.Parse(text, null, midway.Token)).Should().Throw<OperationCanceledException>();
        clock.Reads.Should().Be(looks / 2, "the check after the cancellation throws before the clock is read again");

        Render(pipeline.Parse(small)).Should().Be(before, "a cancelled parse leaves nothing behind in the pooled workspace");
    }

    [Theory]
    [InlineData(long.MaxValue - 5)]
    [InlineData(long.MinValue + 5)]
    public void A_clock_near_the_ends_of_its_range_does_not_spend_a_budget_at_once(long start)
    {
        var clock = new SteppingClock(TimeSpan.Zero) { Start = start };
        var pipeline = new NewsPipelineBuilder().WithTimeProvider(clock).WithTimeBudget(TimeSpan.FromHours(1)).Build();
        var text = pipeline.Parse(File.ReadAllText(Path.Combine(Paths.Seeds, "003_79742d6c168d962d.txt")));
        text.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.TimeBudgetExceeded);
        text.Entities.Should().NotBeEmpty();
        // 1,500 paragraphs: the page budget reads the clock every 1,024 elements the tree builder creates
        var page = pipeline.ParseHtml("<html><body><article>" + string.Concat(Enumerable.Repeat("<p>The committee met again on Tuesday in Baku.</p>", 1_500)) + "</article></body></html>");
        page.Body.Paragraphs.Length.Should().Be(1_500);
        page.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.HtmlTimeBudget || d.Code == DiagnosticCodes.TimeBudgetExceeded);
        clock.Reads.Should().BeGreaterThan(2, "both budgets read the clock");
    }

    private static string Render(NewsArticle a) =>
        Dumps.Segmentation(a) + Dumps.Dates(a) + Dumps.Quantities(a) + Dumps.Entities(a) + string.Join(",", a.Diagnostics.Select(d => d.Code));
}
