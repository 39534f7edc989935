using System.Diagnostics;
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
        // About 1.4 MB of real articles: long enough that a full parse takes far longer than a small budget.
        var seeds = Directory.EnumerateFiles(Paths.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        return string.Join("\n\n", Enumerable.Repeat(string.Join("\n\n", seeds), 300));
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
        var full = new NewsPipelineBuilder().Build();
        full.Parse(text[..20_000]); // warm up
        var watch = Stopwatch.StartNew();
        var whole = full.Parse(text);
        var fullTime = watch.Elapsed;
        whole.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.TimeBudgetExceeded);

        var budgeted = new NewsPipelineBuilder().WithTimeBudget(TimeSpan.FromMilliseconds(10)).Build();
        budgeted.Parse(text[..20_000]);
        watch.Restart();
        var cut = budgeted.Parse(text);
        var cutTime = watch.Elapsed;

        cut.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.TimeBudgetExceeded);
        cut.Body.Paragraphs.Length.Should().Be(whole.Body.Paragraphs.Length, "segmentation always completes");
        (cut.Entities.Length + cut.Dates.Length + cut.Quantities.Length)
            .Should().BeLessThan(whole.Entities.Length + whole.Dates.Length + whole.Quantities.Length);
        cutTime.Should().BeLessThan(fullTime / 2, $"a 10 ms budget stops a parse that takes {fullTime.TotalMilliseconds:F0} ms");
        ArticleInvariants.Check(cut);

        var generous = new NewsPipelineBuilder().WithTimeBudget(TimeSpan.FromHours(1)).Build().Parse(text[..50_000]);
        generous.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.TimeBudgetExceeded);
        generous.Entities.Length.Should().Be(full.Parse(text[..50_000]).Entities.Length);
    }

    [Fact]
    public void A_cancelled_parse_throws_and_leaves_the_pipeline_usable()
    {
        var pipeline = new NewsPipelineBuilder().Build();
        var text = Big.Value;
        var small = File.ReadAllText(Path.Combine(Paths.Seeds, "003_79742d6c168d962d.txt"));
        var before = Render(pipeline.Parse(small));

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        FluentActions.Invoking(() => pipeline.Parse(small, cancelled.Token)).Should().Throw<OperationCanceledException>();
        FluentActions.Invoking(() => pipeline.ParseHtml("<p>x</p>", null, null, cancelled.Token)).Should().Throw<OperationCanceledException>();

        pipeline.Parse(text[..20_000]);
        var watch = Stopwatch.StartNew();
        pipeline.Parse(text, CancellationToken.None);
        var fullTime = watch.Elapsed;

        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(10));
        watch.Restart();
        FluentActions.Invoking(() => pipeline.Parse(text, null, soon.Token)).Should().Throw<OperationCanceledException>();
        watch.Elapsed.Should().BeLessThan(fullTime / 2, $"cancellation is observed inside the stages (a full parse takes {fullTime.TotalMilliseconds:F0} ms)");

        Render(pipeline.Parse(small)).Should().Be(before, "a cancelled parse leaves nothing behind in the pooled workspace");
    }

    private static string Render(NewsArticle a) =>
        Dumps.Segmentation(a) + Dumps.Dates(a) + Dumps.Quantities(a) + Dumps.Entities(a) + string.Join(",", a.Diagnostics.Select(d => d.Code));
}
