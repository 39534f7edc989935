using System.Collections.Concurrent;
using System.Globalization;
using NewsParsing.Model;

namespace NewsParsing.Cli;

/// <summary>Counts of a run, for <c>--stats</c> and the progress line.</summary>
internal sealed class RunStats
{
    private readonly ConcurrentDictionary<string, int> _agencies = new(StringComparer.Ordinal);
    private long _articles;
    private long _failures;
    private long _characters;

    public long Articles => Interlocked.Read(ref _articles);

    public long Failures => Interlocked.Read(ref _failures);

    public long Characters => Interlocked.Read(ref _characters);

    /// <summary>Files written under <c>--output</c> (set at the end of the run), or null when writing to standard output.</summary>
    public int? FilesWritten { get; set; }

    public void Add(NewsArticle article)
    {
        Interlocked.Increment(ref _articles);
        Interlocked.Add(ref _characters, article.Text.Length);
        _agencies.AddOrUpdate(article.Agency?.Id ?? "(none)", 1, static (_, n) => n + 1);
    }

    public void AddFailure() => Interlocked.Increment(ref _failures);

    public string ProgressLine(TimeSpan elapsed, int done, int total)
    {
        var mb = Characters / 1e6;
        var rate = elapsed.TotalSeconds > 0 ? mb / elapsed.TotalSeconds : 0;
        var remaining = done > 0 && total > done ? TimeSpan.FromSeconds(elapsed.TotalSeconds / done * (total - done)) : TimeSpan.Zero;
        var of = total > 0 ? "/" + total.ToString(CultureInfo.InvariantCulture) : "";
        return string.Create(CultureInfo.InvariantCulture, $"\r{done}{of} articles, {rate:F1} MB/s, {elapsed:hh\\:mm\\:ss} elapsed, {remaining:hh\\:mm\\:ss} remaining ");
    }

    public void Print(TextWriter writer, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-9);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"articles: {Articles}, failures: {Failures}, characters: {Characters}, elapsed: {elapsed.TotalSeconds:F2} s, {Articles / seconds:F0} articles/s, {Characters / 1e6 / seconds:F2} MB/s"));
        foreach (var (agency, count) in _agencies.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  agency {agency}: {count}"));
        }
    }
}
