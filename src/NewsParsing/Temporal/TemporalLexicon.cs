using System.Collections.Frozen;
using System.Text.Json;

using NewsParsing.Text;

namespace NewsParsing.Temporal;

/// <summary>The words of <c>temporal.data.json</c>, frozen once for lookups by lower-case word.</summary>
internal sealed class TemporalLexicon
{
    private static readonly Lazy<TemporalLexicon> Instance = new(Load);

    private TemporalLexicon(
        FrozenDictionary<string, int> numbers,
        FrozenSet<string> vague,
        FrozenDictionary<string, int> ordinals,
        FrozenDictionary<string, string> units,
        FrozenDictionary<string, int> weekdays,
        FrozenSet<string> future,
        FrozenSet<string> past,
        FrozenDictionary<string, string> sets,
        FrozenDictionary<string, string> references,
        FrozenDictionary<string, string> seasons)
    {
        Seasons = seasons;
        Numbers = numbers;
        VagueNumbers = vague;
        Ordinals = ordinals;
        Units = units;
        Weekdays = weekdays;
        FutureCues = future;
        PastCues = past;
        Sets = sets;
        References = references;
    }

    public static TemporalLexicon Default => Instance.Value;

    public FrozenDictionary<string, int> Numbers { get; }

    public FrozenSet<string> VagueNumbers { get; }

    public FrozenDictionary<string, int> Ordinals { get; }

    /// <summary>Unit words to TIMEX unit codes: D, W, WE, M, Q, Y, DE, CE, H, MIN, S.</summary>
    public FrozenDictionary<string, string> Units { get; }

    /// <summary>Weekday names to ISO day numbers (Monday = 1).</summary>
    public FrozenDictionary<string, int> Weekdays { get; }

    public FrozenSet<string> FutureCues { get; }

    public FrozenSet<string> PastCues { get; }

    public FrozenDictionary<string, string> Sets { get; }

    public FrozenDictionary<string, string> References { get; }

    /// <summary>
    /// Every lower-case word that can open a time expression. The scanner rejects any other word with one lookup,
    /// so ordinary text costs a hash probe per token instead of a try of every pattern.
    /// </summary>
    public FrozenSet<string> Starters { get; private set; } = FrozenSet<string>.Empty;

    /// <summary>Season words to TIMEX codes (SP, SU, FA, WI).</summary>
    public FrozenDictionary<string, string> Seasons { get; }

    private static TemporalLexicon Load()
    {
        using var stream = EmbeddedData.Open("Temporal.temporal.data.json");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var weekdays = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 1;
        foreach (var w in root.GetProperty("weekdays").EnumerateArray())
        {
            weekdays[w.GetString()!] = i++;
        }

        var lexicon = new TemporalLexicon(
            IntMap(root.GetProperty("numbers")),
            Set(root.GetProperty("vagueNumbers")),
            IntMap(root.GetProperty("ordinals")),
            StringMap(root.GetProperty("units")),
            weekdays.ToFrozenDictionary(StringComparer.Ordinal),
            Set(root.GetProperty("futureCues")),
            Set(root.GetProperty("pastCues")),
            StringMap(root.GetProperty("sets")),
            StringMap(root.GetProperty("references")),
            StringMap(root.GetProperty("seasons")));
        var starters = new HashSet<string>(StringComparer.Ordinal)
        {
            "from", "between", "early", "late", "mid", "the", "this", "last", "next", "past", "previous", "coming", "current", "on",
            "today", "yesterday", "tomorrow", "tonight", "earlier", "later", "about", "around", "roughly", "approximately", "nearly",
            "almost", "some", "over", "more", "less", "fewer", "for", "within", "in", "after", "every", "each", "recent", "year",
            "noon", "a", "an", "once", "twice",
        };
        starters.UnionWith(lexicon.Numbers.Keys);
        starters.UnionWith(lexicon.VagueNumbers);
        starters.UnionWith(lexicon.Ordinals.Keys);
        starters.UnionWith(lexicon.Weekdays.Keys);
        starters.UnionWith(lexicon.Sets.Keys);
        starters.UnionWith(lexicon.References.Keys);
        for (var m = 1; m <= 12; m++)
        {
            var name = NewsParsing.Text.Months.Name(m).ToLowerInvariant();
            starters.Add(name);
            starters.Add(name[..3]);
            if (m == 9)
            {
                starters.Add("sept");
            }
        }

        lexicon.Starters = starters.ToFrozenSet(StringComparer.Ordinal);
        return lexicon;
    }

    private static FrozenDictionary<string, int> IntMap(JsonElement e) =>
        e.EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);

    private static FrozenDictionary<string, string> StringMap(JsonElement e) =>
        e.EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    private static FrozenSet<string> Set(JsonElement e) =>
        e.EnumerateArray().Select(x => x.GetString()!).ToFrozenSet(StringComparer.Ordinal);
}
