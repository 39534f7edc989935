using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using AngleSharp.Html.Parser;

namespace NewsParsing.Benchmarks;

/// <summary>
/// HTML pages per second on one thread, for the "pages/s per core" figure: the article-extraction benchmark's
/// pages (held in memory as bytes, as a crawler has them), parsed by <c>ParseHtml</c> with all stages, with no stages,
/// and by AngleSharp alone as the floor, alternating configurations round by round in one process so the machine's load
/// falls on all of them alike. Reports pages per wall second and per CPU second of the process (other processes'
/// load counts less in the latter). Usage: <c>... -- html-throughput [ROUNDS]</c>.
/// </summary>
public static class HtmlThroughput
{
    public static void Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var folder = Path.Combine(Corpus.EvalRoot(), "html", "article-extraction-benchmark", "html");
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"no {folder}: nothing to measure");
            return;
        }

        var pages = new List<byte[]>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.html.gz").Order(StringComparer.Ordinal))
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var bytes = new MemoryStream();
            gzip.CopyTo(bytes);
            pages.Add(bytes.ToArray());
        }

        var all = new NewsPipelineBuilder().Build();
        var none = new NewsPipelineBuilder().WithStages(NewsStages.None).Build();
        (string Name, Func<byte[], int> Parse)[] configs =
        [
            ("AngleSharp parse only (floor)", page =>
            {
                using var doc = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }).ParseDocument(new MemoryStream(page));
                return doc.All.Length;
            }),
            ("ParseHtml, no stages", page => none.ParseHtml(new MemoryStream(page)).Body.Paragraphs.Length),
            ("ParseHtml, all stages", page => all.ParseHtml(new MemoryStream(page)).Body.Paragraphs.Length),
        ];

        long sink = 0;
        foreach (var (_, parse) in configs)
        {
            foreach (var page in pages)
            {
                sink += parse(page); // warm-up round
            }
        }

        var wall = new double[configs.Length];
        var cpu = new double[configs.Length];
        var process = Process.GetCurrentProcess();
        for (var r = 0; r < rounds; r++)
        {
            for (var c = 0; c < configs.Length; c++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                foreach (var page in pages)
                {
                    sink += configs[c].Parse(page);
                }

                wall[c] += watch.Elapsed.TotalSeconds;
                process.Refresh();
                cpu[c] += (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            }
        }

        Console.WriteLine($"{pages.Count} pages x {rounds} rounds, one thread (sink {sink})");
        Console.WriteLine("| configuration | pages per wall s | pages per CPU s | ms per page (CPU) |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (var c = 0; c < configs.Length; c++)
        {
            double n = pages.Count * rounds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {configs[c].Name} | {n / wall[c]:F1} | {n / cpu[c]:F1} | {1000 * cpu[c] / n:F2} |"));
        }
    }
}
