using System.IO.Compression;
using BenchmarkDotNet.Attributes;

namespace NewsParsing.Benchmarks;

/// <summary>HTML pages to articles over the fundus pages (loaded once), beside AngleSharp parsing alone as the floor.</summary>
[MemoryDiagnoser]
public class HtmlBenchmarks
{
    private readonly NewsPipeline _pipeline = new NewsPipelineBuilder().Build();
    private readonly List<string> _pages = [];

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(Corpus.EvalRoot(), "html", "fundus");
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.html.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
                _pages.Add(new StreamReader(gzip).ReadToEnd());
            }
        }

        Console.WriteLine($"// pages: {_pages.Count}, {_pages.Sum(p => (long)p.Length)} characters");
    }

    [Benchmark(Baseline = true, Description = "floor: AngleSharp parse only")]
    public int AngleSharpOnly()
    {
        var n = 0;
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        foreach (var page in _pages)
        {
            using var doc = parser.ParseDocument(page);
            n += doc.All.Length;
        }

        return n;
    }

    [Benchmark(Description = "ParseHtml (all stages)")]
    public int ParseHtml()
    {
        var n = 0;
        foreach (var page in _pages)
        {
            n += _pipeline.ParseHtml(page).Body.Paragraphs.Length;
        }

        return n;
    }
}
