using System.Globalization;
using NewsParsing.Model;
using NewsParsing.Quantities;
using NewsParsing.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NewsParsing.Tests.Quantities;

/// <summary>
/// Recall and precision by value on the hand-annotated numeric facts (<c>Data/quantities-*.gold.tsv</c>): the 20
/// AzerNews stories and 200 real sentences rebuilt from <c>../shared</c>. A gold fact is found when a quantity overlaps
/// its span with the same value (a range: the same two ends); a quantity is right when it finds some gold fact. Unit
/// accuracy is over the found facts that have a unit. Tuning is on AzerNews and the dev sentences; the held-out
/// sentences are only measured (their misses are not printed).
/// </summary>
public class QuantityGoldTests(ITestOutputHelper output)
{
    private static readonly NewsPipeline Pipeline = new NewsPipelineBuilder().WithStages(NewsStages.Dates | NewsStages.Quantities).Build();

    [SentenceGoldFact]
    public void The_sentence_locators_rebuild_the_annotated_sentences()
    {
        var locators = QuantityGold.ReadLocators();
        locators.Should().HaveCount(200);
        var sentences = QuantityGold.Sentences().ToDictionary(d => d.Name);
        foreach (var l in locators)
        {
            var text = sentences["sentences/" + l.Id].Text;
            text.Length.Should().Be(l.Length, $"sentence {l.Id} rebuilt from {l.File}");
            QuantityGold.Hash(text).Should().Be(l.Sha256, $"sentence {l.Id} rebuilt from {l.File}");
        }

        foreach (var f in QuantityGold.ReadFacts("quantities-sentences.gold.tsv"))
        {
            sentences[f.Doc].Text[f.Start..f.End].Should().Be(f.Surface, $"{f.Doc} {f.Start}..{f.End} holds the annotated surface");
        }
    }

    [EvalFact]
    public void The_azernews_facts_match_their_texts()
    {
        var docs = NewsGold.Documents().Where(d => d.Name.StartsWith("azernews/", StringComparison.Ordinal)).ToDictionary(d => d.Name);
        var facts = QuantityGold.ReadFacts("quantities-azernews.gold.tsv");
        facts.Should().HaveCountGreaterThan(100);
        foreach (var f in facts)
        {
            docs.Should().ContainKey(f.Doc);
            docs[f.Doc].Text[f.Start..f.End].Should().Be(f.Surface, $"{f.Doc} {f.Start}..{f.End} holds the annotated surface");
        }
    }

    [EvalFact]
    public void Recall_and_precision_by_value_on_the_azernews_stories()
    {
        var docs = NewsGold.Documents().Where(d => d.Name.StartsWith("azernews/", StringComparison.Ordinal)).ToList();
        var score = Score(docs, QuantityGold.ReadFacts("quantities-azernews.gold.tsv"), details: true);
        output.WriteLine(score.ToString("azernews"));
        score.Recall.Should().BeGreaterThan(RecallFloorAzerNews);
        score.Precision.Should().BeGreaterThan(PrecisionFloorAzerNews);
    }

    [SentenceGoldFact]
    public void Recall_and_precision_by_value_on_the_sentences()
    {
        var docs = QuantityGold.Sentences();
        var facts = QuantityGold.ReadFacts("quantities-sentences.gold.tsv");
        var dev = Score([.. docs.Where(d => d.Split == "dev")], facts, details: true);
        var heldout = Score([.. docs.Where(d => d.Split == "heldout")], facts, details: false);
        var all = Score(docs, facts, details: false);
        output.WriteLine(dev.ToString("sentences dev"));
        output.WriteLine(heldout.ToString("sentences heldout"));
        output.WriteLine(all.ToString("sentences all"));
        dev.Recall.Should().BeGreaterThan(RecallFloorSentences);
        dev.Precision.Should().BeGreaterThan(PrecisionFloorSentences);
        heldout.Recall.Should().BeGreaterThan(RecallFloorSentences);
        heldout.Precision.Should().BeGreaterThan(PrecisionFloorSentences);
    }

    // Floors a little under the measured figures (docs/quantities.md has them), so a regression fails: AzerNews 0.991 and
    // 1.000; the sentences' targets (recall 0.92, precision 0.85) on each half (dev 0.991 / 0.966, held out 0.943 / 0.899).
    private const double RecallFloorAzerNews = 0.95;
    private const double PrecisionFloorAzerNews = 0.95;
    private const double RecallFloorSentences = 0.92;
    private const double PrecisionFloorSentences = 0.85;

    private static Result Score(List<GoldDocument> docs, List<GoldFact> allFacts, bool details)
    {
        var byDoc = allFacts.ToLookup(f => f.Doc);
        var r = new Result();
        foreach (var doc in docs)
        {
            var facts = byDoc[doc.Name].ToList();
            var quantities = Pipeline.Parse(doc.Text, doc.Published).Quantities;
            r.Gold += facts.Count;
            r.Predicted += quantities.Length;
            foreach (var f in facts)
            {
                var match = quantities.FirstOrDefault(q => Overlaps(q.Span, f) && SameValue(q, f));
                if (match is null)
                {
                    if (details)
                    {
                        var near = string.Join("; ", quantities.Where(q => Overlaps(q.Span, f)).Select(Show));
                        r.Lines.Add($"  miss {doc.Name} '{f.Surface}' {f.Kind} {Num(f.Value)}{(f.IsRange ? $" [{Num(f.Min!.Value)}..{Num(f.Max!.Value)}]" : "")}{(near.Length > 0 ? " ← got " + near : "")}");
                    }

                    continue;
                }

                r.Found++;
                if (f.Unit is { } unit)
                {
                    r.WithUnit++;
                    var got = f.Kind == "currency" ? match.Currency : match.Unit;
                    if (got == unit)
                    {
                        r.UnitRight++;
                    }
                    else if (details)
                    {
                        r.Lines.Add($"  unit {doc.Name} '{f.Surface}' {unit} ← got {got ?? "-"}");
                    }
                }
            }

            foreach (var q in quantities)
            {
                if (facts.Any(f => Overlaps(q.Span, f) && SameValue(q, f)))
                {
                    r.Right++;
                }
                else if (details)
                {
                    r.Lines.Add($"  extra {doc.Name} {Show(q)}");
                }
            }
        }

        return r;
    }

    private static bool Overlaps(SourceSpan s, GoldFact f) => s.Start < f.End && f.Start < s.End;

    private static bool SameValue(Quantity q, GoldFact f) =>
        f.IsRange ? q.Min is { } min && q.Max is { } max && Close(min, f.Min!.Value) && Close(max, f.Max!.Value) : Close(q.Value, f.Value);

    private static bool Close(decimal a, decimal b) => Math.Abs(a - b) <= 0.000001m * Math.Max(1m, Math.Abs(b));

    private static string Show(Quantity q) =>
        $"'{q.Text}' {q.Kind.ToString().ToLowerInvariant()} {Num(q.Value)}{(q.Min is { } a && q.Max is { } b ? $" [{Num(a)}..{Num(b)}]" : "")}{(q.Unit is null ? "" : " " + q.Unit)}";

    private static string Num(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private sealed class Result
    {
        public int Gold { get; set; }

        public int Found { get; set; }

        public int Predicted { get; set; }

        public int Right { get; set; }

        public int WithUnit { get; set; }

        public int UnitRight { get; set; }

        public List<string> Lines { get; } = [];

        public double Recall => Gold == 0 ? 0 : (double)Found / Gold;

        public double Precision => Predicted == 0 ? 0 : (double)Right / Predicted;

        public string ToString(string name) => string.Create(CultureInfo.InvariantCulture,
            $"{name}: recall {Recall:F3} ({Found}/{Gold}), precision {Precision:F3} ({Right}/{Predicted}), unit accuracy {(WithUnit == 0 ? 0 : (double)UnitRight / WithUnit):F3} ({UnitRight}/{WithUnit})")
            + (Lines.Count > 0 ? "\n" + string.Join("\n", Lines) : "");
    }
}

/// <summary>A fact that needs the sentence set's sources in <c>../shared</c> (eval and nerdata); skipped, with a
/// message, when they are absent.</summary>
public sealed class SentenceGoldFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public SentenceGoldFactAttribute()
    {
        if (!Directory.Exists(Paths.Shared) || !QuantityGold.SourcesAvailable())
        {
            Skip = $"The sentence set's sources were not found under {Paths.Shared}: clone the project beside its shared/ folder to run this evaluation.";
        }
    }
}
