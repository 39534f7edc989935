using BenchmarkDotNet.Attributes;

namespace NewsParsing.Benchmarks;

/// <summary>All text stages end to end over the corpus, beside a naive floor (a plain IndexOf scan of the same text).</summary>
[MemoryDiagnoser]
public class EndToEndBenchmarks
{
    private readonly NewsPipeline _all = new NewsPipelineBuilder().Build();
    private readonly NodaTime.LocalDate _published = new(2021, 10, 5);
    private IReadOnlyList<string> _articles = [];

    [GlobalSetup]
    public void Setup()
    {
        _articles = Corpus.All;
        Console.WriteLine($"// corpus: {_articles.Count} articles, {Corpus.Characters(_articles)} characters");
    }

    [Benchmark(Baseline = true, Description = "naive floor: IndexOf scan")]
    public int Naive()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            var i = 0;
            while ((i = a.IndexOf(' ', i)) >= 0)
            {
                n++;
                i++;
            }
        }

        return n;
    }

    [Benchmark(Description = "NewsParser end to end")]
    public int All() => Corpus.ParseAll(_all, _articles, _published);
}
