using BenchmarkDotNet.Attributes;

namespace NewsParsing.Benchmarks;

/// <summary>
/// The temporal stage over the corpus: the pipeline with dates only, beside segmentation alone (its floor). The stage's
/// own cost is the difference. MB/s = corpus characters / mean time.
/// </summary>
[MemoryDiagnoser]
public class TemporalBenchmarks
{
    private readonly NewsPipeline _segmentationOnly = new NewsPipelineBuilder().WithStages(NewsStages.None).Build();
    private readonly NewsPipeline _dates = new NewsPipelineBuilder().WithStages(NewsStages.Dates).Build();
    private readonly NodaTime.LocalDate _published = new(2021, 10, 5);
    private IReadOnlyList<string> _articles = [];

    [GlobalSetup]
    public void Setup()
    {
        _articles = Corpus.All;
        Console.WriteLine($"// corpus: {_articles.Count} articles, {Corpus.Characters(_articles)} characters");
    }

    [Benchmark(Baseline = true, Description = "segmentation only")]
    public int Segmentation()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += _segmentationOnly.Parse(a, _published).Body.Paragraphs.Length;
        }

        return n;
    }

    [Benchmark(Description = "segmentation + dates")]
    public int Dates()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += _dates.Parse(a, _published).Dates.Length;
        }

        return n;
    }
}
