using BenchmarkDotNet.Running;
using NewsParsing.Benchmarks;

// BenchmarkDotNet suite: dotnet run -c Release --project benchmarks/NewsParsing.Benchmarks -- --filter '*'
// Side-by-side loop for compare-peers.sh: ... -- throughput [N] [CAP_SECONDS] FILE...
// Allocation types of the end-to-end parse (sampled): ... -- allocations [N]
// What a fresh process pays before its first article: ... -- startup
// HTML pages per wall and CPU second, one thread, AEB pages: ... -- html-throughput [ROUNDS]
if (args.Length > 0 && args[0] == "throughput")
{
    Throughput.Run(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "startup")
{
    StartupTimes.Run();
    return;
}

if (args.Length > 0 && args[0] == "html-throughput")
{
    HtmlThroughput.Run(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "allocations")
{
    AllocationSampler.Run(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Corpus).Assembly).Run(args);
