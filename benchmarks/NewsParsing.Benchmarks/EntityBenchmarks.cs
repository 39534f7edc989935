using BenchmarkDotNet.Attributes;

namespace NewsParsing.Benchmarks;

/// <summary>
/// The entity stage over the corpus: segmentation + entities beside segmentation alone. Tokens/s = corpus tokens
/// (printed in the setup line) / (stage time = difference of the means).
/// </summary>
[MemoryDiagnoser]
public class EntityBenchmarks
{
    private readonly NewsPipeline _segmentationOnly = new NewsPipelineBuilder().WithStages(NewsStages.None).Build();
    private readonly NewsPipeline _entities = new NewsPipelineBuilder().WithStages(NewsStages.Entities).Build();
    private IReadOnlyList<string> _articles = [];

    [GlobalSetup]
    public void Setup()
    {
        _articles = Corpus.All;
        var tokens = 0;
        var list = new List<NewsParsing.Entities.NerToken>();
        foreach (var a in _articles)
        {
            list.Clear();
            NewsParsing.Entities.NerTokenizer.Tokenize(a, 0, a.Length, list);
            tokens += list.Count;
        }

        Console.WriteLine($"// corpus: {_articles.Count} articles, {Corpus.Characters(_articles)} characters, {tokens} tokens");
    }

    [Benchmark(Baseline = true, Description = "segmentation only")]
    public int Segmentation()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += _segmentationOnly.Parse(a).Body.Paragraphs.Length;
        }

        return n;
    }

    [Benchmark(Description = "segmentation + entities")]
    public int Entities()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += _entities.Parse(a).Entities.Length;
        }

        return n;
    }
}
