using System.Reflection;
using System.Runtime.CompilerServices;
using NewsParsing.Tests.Infrastructure;

namespace NewsParsing.Tests.Robustness;

/// <summary>
/// Per-parse state lives in the pipeline's workspaces and nowhere else: nothing of an input stays reachable once its
/// article is dropped, the library has no thread-static or static mutable state, and the caches are bounded options.
/// </summary>
public class WorkspaceTests
{
    [Fact]
    public void A_parsed_input_is_collectible_once_its_article_is_dropped()
    {
        var pipeline = new NewsPipelineBuilder().Build();
        var plain = ParseAndForget(pipeline, html: false);
        var page = ParseAndForget(pipeline, html: true);
        for (var i = 0; i < 3 && (plain.IsAlive || page.IsAlive); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        plain.IsAlive.Should().BeFalse("the pipeline (or its workspaces) must not keep the input of a finished parse");
        page.IsAlive.Should().BeFalse("the HTML path must not keep the page of a finished parse");
        GC.KeepAlive(pipeline);
    }

    [Fact]
    public void The_library_has_no_thread_static_or_static_mutable_collections()
    {
        var offenders = new List<string>();
        foreach (var type in typeof(NewsParser).Assembly.GetTypes())
        {
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.IsDefined(typeof(ThreadStaticAttribute)))
                {
                    offenders.Add($"{type.FullName}.{field.Name} is [ThreadStatic]");
                }
                else if (!field.IsInitOnly && !field.IsLiteral && !type.IsDefined(typeof(CompilerGeneratedAttribute)) && !field.Name.Contains('<', StringComparison.Ordinal))
                {
                    offenders.Add($"{type.FullName}.{field.Name} is a static field that is not readonly");
                }
            }
        }

        offenders.Should().BeEmpty("per-parse state belongs in the ParseWorkspace a pipeline rents for each parse");
    }

    [Fact]
    public void The_shared_word_cache_is_bounded_by_its_option()
    {
        var pipeline = new NewsPipelineBuilder().WithWordCache(50).Build();
        var words = string.Join(' ', Enumerable.Range(0, 2000).Select(i => "word" + ToLetters(i)));
        pipeline.Parse("Headline\n\n" + words + " on March 3, 2021.");
        pipeline.WordCache.Count.Should().BeLessThanOrEqualTo(50);

        var off = new NewsPipelineBuilder().WithWordCache(0).WithNameTable(0).Build();
        var text = File.ReadAllText(Path.Combine(Paths.Seeds, "003_79742d6c168d962d.txt"));
        Render(off.Parse(text)).Should().Be(Render(NewsParser.Parse(text)), "the caches change allocation, never results");
        off.WordCache.Count.Should().Be(0);
    }

    [Fact]
    public void Options_are_checked_where_they_are_set()
    {
        var options = NewsPipelineOptions.Default;
        FluentActions.Invoking(() => options with { MaxInputLength = 0 }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => options with { MaxItemsPerStage = -1 }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => options with { WordCacheCapacity = -1 }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => options with { NameTableSize = -1 }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => options with { Stages = (NewsStages)1024 }).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => options with { Agencies = null! }).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new NewsPipelineBuilder().WithMaxInputLength(-5)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Stages_are_added_and_removed_by_flag()
    {
        var text = File.ReadAllText(Path.Combine(Paths.Seeds, "000_d415100d04d07eeb.txt"));
        var all = NewsParser.Parse(text);
        all.Dates.Should().NotBeEmpty();
        all.Quantities.Should().NotBeEmpty();
        all.Entities.Should().NotBeEmpty();

        var noEntities = new NewsPipelineBuilder().WithoutStages(NewsStages.Entities).Build().Parse(text);
        noEntities.Entities.Should().BeEmpty();
        noEntities.Dates.Select(d => d.Value).Should().Equal(all.Dates.Select(d => d.Value));

        var segmentationOnly = new NewsPipelineBuilder().WithStages(NewsStages.None).Build().Parse(text);
        segmentationOnly.Dates.Should().BeEmpty();
        segmentationOnly.Quantities.Should().BeEmpty();
        segmentationOnly.Body.Paragraphs.Length.Should().Be(all.Body.Paragraphs.Length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference ParseAndForget(NewsPipeline pipeline, bool html)
    {
        // A fresh string (not interned, not a literal) with names, dates and numbers so every stage keeps something.
        var seed = File.ReadAllText(Path.Combine(Paths.Seeds, "000_d415100d04d07eeb.txt"));
        var text = new string(seed.AsSpan()) + "\n\nPresident Ilham Aliyev met Zakir Hasanov on March 5 in Baku; 2,500 troops took part.";
        if (html)
        {
            text = "<html><head><title>Drills</title></head><body><article><h1>Drills</h1>"
                + string.Concat(text.Split("\n\n").Select(p => "<p>" + p + "</p>")) + "</article></body></html>";
            var page = pipeline.ParseHtml(text, "https://www.azernews.az/nation/1.html");
            page.Entities.Should().NotBeEmpty();
        }
        else
        {
            var article = pipeline.Parse(text);
            article.Entities.Should().NotBeEmpty();
            article.Dates.Should().NotBeEmpty();
            article.Quantities.Should().NotBeEmpty();
        }

        return new WeakReference(text);
    }

    private static string ToLetters(int i) => new(i.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)('a' + (c - '0'))).ToArray());

    private static string Render(Model.NewsArticle a) =>
        Dumps.Segmentation(a)
        + string.Join('|', a.Dates.Select(d => $"{d.Span}{d.Value}"))
        + string.Join('|', a.Quantities.Select(q => $"{q.Span}{q.Value}{q.Unit}"))
        + string.Join('|', a.Entities.Select(e => $"{e.Span}{e.Type}{e.Canonical}{e.Id}{e.Title}"));
}
