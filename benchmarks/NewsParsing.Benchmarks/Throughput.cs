using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NewsParsing.Benchmarks;

/// <summary>
/// A plain throughput loop with the same method as <c>../shared/peers/bench.mjs</c> (articles round-robin, one call
/// per article, warm-up first, stop at N articles or a time cap), so <c>compare-peers.sh</c> can put our figures
/// beside the peers'. The committed figures come from the BenchmarkDotNet classes; this is for the side-by-side.
/// Usage: <c>dotnet run -c Release --project benchmarks/NewsParsing.Benchmarks -- throughput [N] [CAP_SECONDS] FILE...</c>
/// (the single file name <c>corpus</c> stands for the benchmark corpus: seeds, AzerNews and Reuters; <c>reuters-archive</c>
/// for every Reuters-21578 story with a dateline, so that with N at most their number each is parsed once).
/// </summary>
public static class Throughput
{
    public static void Run(string[] args)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        var cap = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 30;
        var files = args.Skip(2).ToList();
        var texts = files switch
        {
            ["corpus"] => [.. Corpus.All],
            ["reuters-archive"] => [.. Corpus.ReutersAll],
            { Count: > 0 } => files.Select(File.ReadAllText).ToList(),
            _ => [.. Corpus.Seeds],
        };
        var published = new NodaTime.LocalDate(2021, 10, 5);

        (string Name, NewsPipeline Pipeline)[] runs =
        [
            ("newsparsing segmentation only", new NewsPipelineBuilder().WithStages(NewsStages.None).Build()),
            ("newsparsing segmentation+dates", new NewsPipelineBuilder().WithStages(NewsStages.Dates).Build()),
            ("newsparsing segmentation+dates+quantities", new NewsPipelineBuilder().WithStages(NewsStages.Dates | NewsStages.Quantities).Build()),
            ("newsparsing segmentation+entities", new NewsPipelineBuilder().WithStages(NewsStages.Entities).Build()),
            ("newsparsing end to end (all stages)", new NewsPipelineBuilder().Build()),
        ];
        var only = Environment.GetEnvironmentVariable("THROUGHPUT_ONLY"); // e.g. "segmentation only", for profiling one configuration
        foreach (var (name, pipeline) in runs)
        {
            if (only is { Length: > 0 } && !name.Contains(only, StringComparison.Ordinal))
            {
                continue;
            }

            long sink = 0;
            for (var i = 0; i < 20; i++)
            {
                sink += pipeline.Parse(texts[i % texts.Count], published).Body.Paragraphs.Length;
            }

            long bytes = 0;
            long utf16 = 0;
            var k = 0;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            for (; k < n; k++)
            {
                var text = texts[k % texts.Count];
                var a = pipeline.Parse(text, published);
                sink += Corpus.Items(a);
                bytes += Encoding.UTF8.GetByteCount(text);
                utf16 += text.Length * 2L;
                if (watch.Elapsed.TotalSeconds > cap)
                {
                    k++;
                    break;
                }
            }

            var s = watch.Elapsed.TotalSeconds;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"name\":\"{name}\",\"articles\":{k},\"seconds\":{s:F3},\"art_per_s\":{k / s:F2},\"kb_per_s\":{bytes / 1024.0 / s:F1},\"ms_per_art\":{1000 * s / k:F3},\"alloc_per_utf16_byte\":{(double)allocated / utf16:F2},\"sink\":{sink}}}"));
        }
    }
}
