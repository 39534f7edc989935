using System.Text.Json;
using NewsParsing.Model;
using NewsParsing.Tests.Infrastructure;
using NodaTime;
using NodaTime.Text;

namespace NewsParsing.Tests.Temporal;

/// <summary>One document of a real corpus with the reference date it is read against.</summary>
/// <param name="Corpus">The corpus: <c>reuters21578</c>, <c>reuters21578-more</c>, <c>azernews</c>, <c>tempeval3</c>.</param>
/// <param name="Id">The document within its corpus.</param>
/// <param name="Text">The plain text.</param>
/// <param name="Reference">The publication date (Reuters' wire date, AzerNews' gold date, TimeML's DCT).</param>
public sealed record CorpusDocument(string Corpus, string Id, string Text, LocalDate Reference);

/// <summary>The real corpora of <c>../shared/eval</c> that the date tests run over, each document with its reference date.</summary>
public static class DateCorpora
{
    private static readonly NewsPipeline DatesOnly = new NewsPipelineBuilder().WithStages(NewsStages.Dates).Build();

    /// <summary>Reuters-21578 (reut2-000, reut2-001) and its 19 more files.</summary>
    public static IEnumerable<CorpusDocument> Reuters()
    {
        foreach (var (name, stories) in new[] { ("reuters21578", ReutersCorpus.WithDateline), ("reuters21578-more", ReutersCorpus.More) })
        {
            foreach (var s in stories)
            {
                yield return new CorpusDocument(name, s.Id, s.Text, LocalDate.FromDateOnly(s.Date));
            }
        }
    }

    /// <summary>The 20 AzerNews articles, read against their gold publication dates.</summary>
    public static IEnumerable<CorpusDocument> AzerNews()
    {
        var folder = Path.Combine(Paths.Eval, "azernews");
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "gold.json")));
        foreach (var entry in gold.RootElement.EnumerateObject())
        {
            var published = LocalDatePattern.Iso.Parse(entry.Value.GetProperty("published").GetString()!).Value;
            yield return new CorpusDocument("azernews", entry.Name, File.ReadAllText(Path.Combine(folder, entry.Name + ".txt")), published);
        }
    }

    /// <summary>The TempEval-3 TimeBank and AQUAINT documents, read against their DCT.</summary>
    public static IEnumerable<CorpusDocument> TempEval()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Paths.Eval, "tempeval3", "TBAQ-cleaned"), "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var doc = TimeMl.Read(file);
            yield return new CorpusDocument("tempeval3", Path.GetFileName(file), doc.Text, doc.Dct);
        }
    }

    /// <summary>Every document of every corpus.</summary>
    public static IEnumerable<CorpusDocument> All() => Reuters().Concat(AzerNews()).Concat(TempEval());

    /// <summary>The dates found in <paramref name="doc"/> by the dates-only pipeline.</summary>
    public static NewsArticle Parse(CorpusDocument doc) => DatesOnly.Parse(doc.Text, doc.Reference);
}
