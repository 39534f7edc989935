using BenchmarkDotNet.Attributes;

namespace NewsParsing.Benchmarks;

/// <summary>
/// The quantity stage over the corpus: dates + quantities beside dates alone (the floor it builds on, since quantities
/// skip the dates' spans). The stage's own cost is the difference. MB/s = corpus characters / mean time.
/// </summary>
[MemoryDiagnoser]
public class QuantityBenchmarks
{
    private readonly NewsPipeline _dates = new NewsPipelineBuilder().WithStages(NewsStages.Dates).Build();
    private readonly NewsPipeline _quantities = new NewsPipelineBuilder().WithStages(NewsStages.Dates | NewsStages.Quantities).Build();
    private readonly NodaTime.LocalDate _published = new(2021, 10, 5);
    private IReadOnlyList<string> _articles = [];

    [GlobalSetup]
    public void Setup()
    {
        _articles = Corpus.All;
        Console.WriteLine($"// corpus: {_articles.Count} articles, {Corpus.Characters(_articles)} characters");
    }

    [Benchmark(Baseline = true, Description = "segmentation + dates")]
    public int Dates()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += _dates.Parse(a, _published).Dates.Length;
        }

        return n;
    }

    [Benchmark(Description = "segmentation + dates + quantities")]
    public int Quantities()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += _quantities.Parse(a, _published).Quantities.Length;
        }

        return n;
    }
}
