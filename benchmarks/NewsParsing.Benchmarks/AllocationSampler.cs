using System.Diagnostics.Tracing;
using System.Globalization;

namespace NewsParsing.Benchmarks;

/// <summary>
/// Which types the end-to-end parse allocates, from the runtime's sampled allocation events (one event per ~100 KB
/// allocated, naming the type that crossed the threshold). A profiling aid for the allocation target, not a benchmark.
/// Usage: <c>dotnet run -c Release --project benchmarks/NewsParsing.Benchmarks -- allocations [N] [STAGES] [corpus|reuters-archive]</c>
/// (STAGES: any of <c>d</c> dates, <c>q</c> quantities, <c>e</c> entities; default all).
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);

    public static void Run(string[] args)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        var texts = args.Length > 2 && args[2] == "reuters-archive" ? Corpus.ReutersAll : Corpus.All; // the archive: each story once when N is at most its size
        var stages = args.Length > 1 ? args[1] : "dqe"; // d = dates, q = quantities, e = entities; segmentation always runs
        var pipeline = new NewsPipelineBuilder().WithStages((stages.Contains('d') ? NewsStages.Dates : 0) | (stages.Contains('q') ? NewsStages.Quantities : 0) | (stages.Contains('e') ? NewsStages.Entities : 0)).Build();
        var published = new NodaTime.LocalDate(2021, 10, 5);
        for (var i = 0; i < 50; i++)
        {
            pipeline.Parse(texts[i % texts.Count], published);
        }

        using var sampler = new AllocationSampler();
        for (var i = 0; i < n; i++)
        {
            pipeline.Parse(texts[i % texts.Count], published);
        }

        long total;
        List<KeyValuePair<string, long>> rows;
        lock (sampler._bytes)
        {
            total = sampler._bytes.Values.Sum();
            rows = [.. sampler._bytes.OrderByDescending(kv => kv.Value).Take(40)];
        }

        foreach (var (type, bytes) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * bytes / total,6:F1} %  {type}"));
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        var type = eventData.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount") is var a and >= 0 ? Convert.ToInt64(eventData.Payload[a], CultureInfo.InvariantCulture) : 0;
        lock (_bytes)
        {
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }
}
