using System.Diagnostics;
using System.Globalization;

namespace NewsParsing.Benchmarks;

/// <summary>
/// What a fresh process pays before its first article: the time to load each stage's data, then the first parse.
/// Usage: <c>dotnet run -c Release --project benchmarks/NewsParsing.Benchmarks -- startup</c> (run it as a new process
/// each time: the loads happen once per process).
/// </summary>
public static class StartupTimes
{
    public static void Run()
    {
        var total = Stopwatch.StartNew();
        Time("agency registry", () => Agencies.AgencyRegistry.Default.Agencies.Length);
        Time("temporal lexicon", () => Temporal.TemporalLexicon.Default.Starters.Count);
        Time("quantity lexicon", () => Quantities.QuantityLexicon.Default.GetHashCode());
        Time("gazetteer", () => Entities.Gazetteer.Default.Names.Count);
        Time("word clusters", () => Entities.WordClusters.Default.Count);
        Time("large gazetteer", () => Entities.LargeGazetteer.Default.Count);
        Time("NER tagger", () => Entities.NerTagger.Default?.First.Rows ?? 0);
        Time("language detector", () => Text.LanguageDetector.Default.Languages.Count);
        Time("credit lexicon", () => Agencies.CreditLexicon.Default.Outlets.Count);
        Time("pipeline build", () => new NewsPipelineBuilder().Build().GetHashCode());
        Time("first parse (JIT)", () => NewsParser.Parse("BAKU, March 3 (Reuters) - President Ilham Aliyev met 2,500 troops on March 5, Trend reports.").Entities.Length);
        Time("second parse", () => NewsParser.Parse("LONDON, Jan 2 (Reuters) - Cocoa prices eased 3 pct on Friday, dealers said.").Entities.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"total",-20} {total.Elapsed.TotalMilliseconds,8:F1} ms"));
    }

    private static void Time(string name, Func<int> load)
    {
        var watch = Stopwatch.StartNew();
        var n = load();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-20} {watch.Elapsed.TotalMilliseconds,8:F1} ms ({n})"));
    }
}
