using System.Text;
using BenchmarkDotNet.Attributes;

namespace NewsParsing.Benchmarks;

/// <summary>
/// Linear time in the size of one document: the corpus repeated to 10 MB, parsed once as ten megabytes of ordinary
/// articles (one call each, the baseline) and once as a single 10 MB document made of the same text. Both process
/// the same characters, so the Ratio column is the single document's per-MB cost over the articles' (target ≤ 1.3).
/// Item limits are raised so the big document is fully extracted rather than cut short by a diagnostic.
/// </summary>
[MemoryDiagnoser]
public class LinearityBenchmarks
{
    private const int TargetCharacters = 10 * 1024 * 1024;
    private readonly NewsPipeline _parser = new NewsPipelineBuilder().WithMaxItemsPerStage(10_000_000).Build();
    private readonly NodaTime.LocalDate _published = new(2021, 10, 5);
    private List<string> _articles = [];
    private string _document = "";

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Corpus.All;
        var builder = new StringBuilder(TargetCharacters + 16_384);
        _articles = [];
        for (var i = 0; builder.Length < TargetCharacters; i++)
        {
            var article = corpus[i % corpus.Count];
            _articles.Add(article + "\n\n");
            builder.Append(article).Append("\n\n");
        }

        _document = builder.ToString();
        Console.WriteLine($"// {_articles.Count} articles, {_document.Length:N0} characters either way");
    }

    [Benchmark(Baseline = true, Description = "10 MB as ordinary articles")]
    public int Articles() => Corpus.ParseAll(_parser, _articles, _published);

    [Benchmark(Description = "10 MB as one document")]
    public int OneDocument() => Corpus.Items(_parser.Parse(_document, _published));
}
