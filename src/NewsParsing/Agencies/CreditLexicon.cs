using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;

namespace NewsParsing.Agencies;

/// <summary>One word of a credit form: a lower-case word, or a punctuation mark (<c>,</c>, <c>'</c>).</summary>
internal readonly record struct FormWord(string Word, bool IsPunct);

/// <summary>
/// A credit or citation form of <c>credits.data.json</c> split at its slot: the words written before the agency or
/// outlet (<see cref="Before"/>, in text order) and after it (<see cref="After"/>). <c>{agency} reports</c> has no words
/// before and <c>reports</c> after; <c>as reported by {agency}</c> the reverse. Forms are matched only around a name,
/// so a form's start words are its slot's neighbours: no scan of the text for cue words.
/// </summary>
internal sealed record CreditForm(ImmutableArray<FormWord> Before, ImmutableArray<FormWord> After, string Cue, bool Strong);

/// <summary>The self-credit and citation forms, outlets and guards of <c>credits.data.json</c>, frozen once.</summary>
internal sealed class CreditLexicon
{
    private static readonly Lazy<CreditLexicon> Instance = new(Load);

    private CreditLexicon()
    {
    }

    public static CreditLexicon Default => Instance.Value;

    /// <summary>Self-credit forms: strong (<c>{agency} reports</c>) and weak (<c>according to {agency}</c>).</summary>
    public ImmutableArray<CreditForm> SelfForms { get; private init; }

    /// <summary>Forms that add a second, cited source after a self credit (<c>via</c>, <c>, citing</c>).</summary>
    public ImmutableArray<CreditForm> Extensions { get; private init; }

    /// <summary>Citation forms (<c>via {source}</c>, <c>{source} reported</c>).</summary>
    public ImmutableArray<CreditForm> Citations { get; private init; }

    /// <summary>Lower-case head words that make a capitalised name an outlet (<c>Armenian media</c>).</summary>
    public FrozenSet<string> OutletHeads { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Words that end outlet names (<c>Middle East Eye</c>, <c>Washington Post</c>).</summary>
    public FrozenSet<string> OutletWords { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Known outlets that are not registered agencies, as written (<c>Yonhap</c>).</summary>
    public FrozenSet<string> Outlets { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>The most words in an outlet name of <see cref="Outlets"/>.</summary>
    public int MaxOutletWords { get; private init; }

    /// <summary>Words that may stand between a cue and the name ("according to the state-run Xinhua").</summary>
    public FrozenSet<string> Descriptors { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Words that may stand between the name and its cue ("the official Tass news agency reported").</summary>
    public FrozenSet<string> HeadWords { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Aliases that are also ordinary words or short acronyms: trusted only standing alone, not inside a
    /// longer capitalised name (<c>U.N. Report</c>, <c>Daily Trend</c>).</summary>
    public FrozenSet<string> AmbiguousAliases { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Words before a name that make it a common noun or an employer, not a credit (<c>the trend</c>).</summary>
    public FrozenSet<string> BlockedBefore { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>Words after a name that make it a mention, not a credit (<c>Reuters shares</c>, <c>AFP photographer</c>).</summary>
    public FrozenSet<string> BlockedAfter { get; private init; } = FrozenSet<string>.Empty;

    private static CreditLexicon Load()
    {
        using var stream = EmbeddedData.Open("Agencies.credits.data.json");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var self = new List<CreditForm>();
        foreach (var f in root.GetProperty("selfCredit").GetProperty("strong").EnumerateArray())
        {
            self.Add(Parse(f.GetString()!, "{agency}", SelfCue(f.GetString()!), strong: true));
        }

        foreach (var f in root.GetProperty("selfCredit").GetProperty("weak").EnumerateArray())
        {
            self.Add(Parse(f.GetString()!, "{agency}", SelfCue(f.GetString()!), strong: false));
        }

        var extensions = new List<CreditForm>();
        foreach (var f in root.GetProperty("sourceExtensions").EnumerateArray())
        {
            var form = f.GetString()!;
            extensions.Add(Parse(form + " {source}", "{source}", form.TrimStart(',', ' '), strong: true));
        }

        var citations = new List<CreditForm>();
        foreach (var c in root.GetProperty("citations").EnumerateArray())
        {
            citations.Add(Parse(c.GetProperty("form").GetString()!, "{source}", c.GetProperty("cue").GetString()!, strong: true));
        }

        var outlets = Strings(root, "outlets");
        return new CreditLexicon
        {
            // Longer forms first, so "{agency} correspondent reports" is tried before "{agency} reports".
            SelfForms = [.. self.OrderByDescending(f => f.Before.Length + f.After.Length)],
            Extensions = [.. extensions.OrderByDescending(f => f.Before.Length)],
            Citations = [.. citations.OrderByDescending(f => f.Before.Length + f.After.Length)],
            OutletHeads = Strings(root, "outletHeads").ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            OutletWords = Strings(root, "outletWords").ToFrozenSet(StringComparer.Ordinal),
            Outlets = outlets.ToFrozenSet(StringComparer.Ordinal),
            MaxOutletWords = outlets.Max(o => o.Split(' ').Length),
            Descriptors = Strings(root, "descriptors").ToFrozenSet(StringComparer.Ordinal),
            HeadWords = Strings(root, "headWords").ToFrozenSet(StringComparer.Ordinal),
            AmbiguousAliases = Strings(root, "ambiguousAliases").ToFrozenSet(StringComparer.Ordinal),
            BlockedBefore = Strings(root, "blockedBefore").ToFrozenSet(StringComparer.Ordinal),
            BlockedAfter = Strings(root, "blockedAfter").ToFrozenSet(StringComparer.Ordinal),
        };
    }

    /// <summary>Splits a form at its slot into lower-case words and punctuation marks.</summary>
    internal static CreditForm Parse(string form, string slot, string cue, bool strong)
    {
        var at = form.IndexOf(slot, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidDataException($"credits.data.json: the form '{form}' has no {slot}.");
        }

        return new CreditForm(Words(form[..at]), Words(form[(at + slot.Length)..]), cue, strong);
    }

    private static ImmutableArray<FormWord> Words(string part)
    {
        var words = ImmutableArray.CreateBuilder<FormWord>();
        foreach (var raw in part.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = raw;
            while (w.Length > 0 && w[0] is ',' or '\'' or '^')
            {
                words.Add(new FormWord(w[..1], true));
                w = w[1..];
            }

            if (w.Length > 0)
            {
                words.Add(new FormWord(w.ToLowerInvariant(), false));
            }
        }

        return words.ToImmutable();
    }

    /// <summary>The cue of a self-credit form, kept when the credit turns out to be another agency's: its words
    /// without the slot, "as" and a possessive ("as reported by {agency}" → "reported by").</summary>
    private static string SelfCue(string form) => string.Join(' ', form.Replace("{agency}", "", StringComparison.Ordinal)
        .Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("as" or "'s" or "," or "^")));

    private static string[] Strings(JsonElement root, string name) => [.. root.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}
