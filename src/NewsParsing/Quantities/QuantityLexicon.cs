using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NewsParsing.Temporal;

using NewsParsing.Text;

namespace NewsParsing.Quantities;

/// <summary>The phrases of <c>quantities.data.json</c>, keyed by their lower-cased text as tokens join it.</summary>
internal sealed class QuantityLexicon
{
    private static readonly Lazy<QuantityLexicon> Instance = new(Load);

    public static QuantityLexicon Default => Instance.Value;

    public FrozenDictionary<string, decimal> NumberWords { get; private init; } = null!;

    public PhraseTable<decimal> Fractions { get; private init; } = null!;

    public FrozenDictionary<string, decimal> Scales { get; private init; } = null!;

    /// <summary>Plural ordinals that make a fraction after a number word ("two thirds").</summary>
    public FrozenDictionary<string, int> FractionDenominators { get; private init; } = null!;

    public FrozenDictionary<string, int> Ordinals { get; private init; } = null!;

    public PhraseTable<decimal> Vague { get; private init; } = null!;

    public PhraseTable<QuantityModifier> Hedges { get; private init; } = null!;

    public FrozenSet<string> ChangeWords { get; private init; } = null!;

    public PhraseTable<string> Currencies { get; private init; } = null!;

    public PhraseTable<(string Unit, QuantityKind Kind)> Units { get; private init; } = null!;

    public FrozenSet<string> StopWords { get; private init; } = null!;

    /// <summary>The most tokens any phrase spans ("u . s . dollars" is five).</summary>
    public int MaxPhraseTokens { get; private init; }

    private static QuantityLexicon Load()
    {
        using var stream = EmbeddedData.Open("Quantities.quantities.data.json");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var currencies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in root.GetProperty("currencies").EnumerateArray())
        {
            foreach (var n in c.GetProperty("names").EnumerateArray())
            {
                currencies[n.GetString()!] = c.GetProperty("code").GetString()!;
            }
        }

        var units = new Dictionary<string, (string, QuantityKind)>(StringComparer.Ordinal);
        foreach (var u in root.GetProperty("units").EnumerateArray())
        {
            var kind = Enum.Parse<QuantityKind>(u.GetProperty("kind").GetString()!);
            foreach (var n in u.GetProperty("names").EnumerateArray())
            {
                units[n.GetString()!] = (u.GetProperty("unit").GetString()!, kind);
            }
        }

        var hedges = root.GetProperty("hedges").EnumerateObject()
            .ToFrozenDictionary(p => p.Name, p => Enum.Parse<QuantityModifier>(p.Value.GetString()!), StringComparer.Ordinal);
        var all = currencies.Keys.Concat(units.Keys).Concat(hedges.Keys);
        var maxTokens = 1;
        foreach (var phrase in all)
        {
            var tokens = new List<Token>();
            Tokenizer.Tokenize(phrase, 0, phrase.Length, tokens, null);
            maxTokens = Math.Max(maxTokens, tokens.Count);
        }

        return new QuantityLexicon
        {
            NumberWords = Decimals(root.GetProperty("numberWords")),
            Fractions = new PhraseTable<decimal>(Decimals(root.GetProperty("fractions"))),
            Scales = Decimals(root.GetProperty("scales")),
            FractionDenominators = root.GetProperty("fractionDenominators").EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal),
            Ordinals = root.GetProperty("ordinals").EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal),
            Vague = new PhraseTable<decimal>(Decimals(root.GetProperty("vague"))),
            Hedges = new PhraseTable<QuantityModifier>(hedges),
            ChangeWords = root.GetProperty("changeWords").EnumerateArray().Select(x => x.GetString()!).ToFrozenSet(StringComparer.Ordinal),
            Currencies = new PhraseTable<string>(currencies),
            Units = new PhraseTable<(string Unit, QuantityKind Kind)>(units),
            StopWords = root.GetProperty("stopWords").EnumerateArray().Select(x => x.GetString()!).ToFrozenSet(StringComparer.Ordinal),
            MaxPhraseTokens = maxTokens,
        };
    }

    private static FrozenDictionary<string, decimal> Decimals(JsonElement e) =>
        e.EnumerateObject().ToFrozenDictionary(p => p.Name, p => decimal.Parse(p.Value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
