using BenchmarkDotNet.Attributes;
using NewsParsing.Model;
using NewsParsing.Segmentation;

namespace NewsParsing.Benchmarks;

/// <summary>
/// Segmentation only (header, dateline, body, trailer) over the corpus, beside a naive floor that just finds the
/// paragraph breaks with <c>IndexOf</c>. MB/s = corpus characters × 2 bytes / mean time.
/// </summary>
[MemoryDiagnoser]
public class SegmentationBenchmarks
{
    private readonly Segmenter _segmenter = new(Agencies.AgencyRegistry.Default);
    private readonly ParseWorkspace _workspace = new(new Text.WordCache(0), 0);
    private IReadOnlyList<string> _articles = [];

    /// <summary>Which corpus to run.</summary>
    [Params("seeds", "reuters")]
    public string Set { get; set; } = "seeds";

    [GlobalSetup]
    public void Setup()
    {
        _articles = Set == "seeds" ? Corpus.Seeds : Corpus.Reuters;
        Console.WriteLine($"// {Set}: {_articles.Count} articles, {Corpus.Characters(_articles)} characters");
    }

    [Benchmark(Baseline = true, Description = "naive floor: IndexOf blank lines")]
    public int NaiveParagraphs()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            var i = 0;
            while ((i = a.IndexOf("\n\n", i, StringComparison.Ordinal)) >= 0)
            {
                n++;
                i += 2;
            }
        }

        return n;
    }

    [Benchmark(Description = "Segmenter.Segment")]
    public int Segment()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += _segmenter.Segment(a, null, PublicationDateSource.Caller, _workspace).Body.Paragraphs.Length;
            _workspace.Reset();
        }

        return n;
    }
}
