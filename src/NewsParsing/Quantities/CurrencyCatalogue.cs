using System.Collections.Frozen;
using System.Text.Json;

namespace NewsParsing.Quantities;

/// <summary>A way of writing money: the ISO 4217 code and what one of it is worth in that currency.</summary>
/// <param name="Code">The ISO 4217 code.</param>
/// <param name="Factor">1 for the currency, 0.01 for its minor unit ("cents"), a million for "MUSD".</param>
internal readonly record struct Money(string Code, decimal Factor);

/// <summary>
/// The currencies of <c>currencies.data.json</c>, frozen: ISO 4217 codes (in capitals before or after a number, in lower
/// case when the code is no English word), symbols as written ("$", "US$", "€", "₼"), names ("manats", "Canadian dlrs")
/// and the names of minor units ("cents", "pence").
/// </summary>
internal sealed class CurrencyCatalogue
{
    private CurrencyCatalogue()
    {
    }

    /// <summary>Names and lower-case codes, case-insensitive, with minor units (divisor 100).</summary>
    public PhraseTable<Money> Names { get; private init; } = null!;

    /// <summary>Symbols and codes as written (case-sensitive), before or after the number.</summary>
    public PhraseTable<Money> Symbols { get; private init; } = null!;

    /// <summary>Codes that are also English words ("ALL", "TOP", "CUP"): in capitals, and only after a number.</summary>
    public PhraseTable<Money> WordCodes { get; private init; } = null!;

    /// <summary>Lower-case names that may come before the number ("rmb 10", "usd 200", "c $ 16.4 million", "mxn$ 15").</summary>
    public PhraseTable<Money> PrefixNames { get; private init; } = null!;

    /// <summary>Every ISO 4217 code the catalogue knows.</summary>
    public FrozenSet<string> Codes { get; private init; } = null!;

    public static CurrencyCatalogue Load(JsonElement root)
    {
        var names = new List<KeyValuePair<string, Money>>();
        var symbols = new List<KeyValuePair<string, Money>>();
        var wordCodes = new List<KeyValuePair<string, Money>>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var defaults = new List<KeyValuePair<string, Money>>();
        var prefixNames = new List<KeyValuePair<string, Money>>();
        var millionPrefix = root.GetProperty("millionCodePrefix").GetString()!;
        foreach (var c in root.GetProperty("currencies").EnumerateArray())
        {
            var code = c.GetProperty("code").GetString()!;
            var money = new Money(code, 1m);
            codes.Add(code);
            var isWord = c.TryGetProperty("wordCode", out var w) && w.GetBoolean();
            (isWord ? wordCodes : symbols).Add(KeyValuePair.Create(code, money));
            if (c.TryGetProperty("lowercaseCode", out var lc) && lc.GetBoolean())
            {
                names.Add(KeyValuePair.Create(code.ToLowerInvariant(), money));
            }

            var shared = Strings(c, "default").ToHashSet(StringComparer.Ordinal);
            foreach (var n in Strings(c, "names"))
            {
                (shared.Contains(n) ? defaults : names).Add(KeyValuePair.Create(n, money));
            }

            symbols.AddRange(Strings(c, "symbols").Select(s => KeyValuePair.Create(s, money)));
            names.AddRange(Strings(c, "minor").Select(n => KeyValuePair.Create(n, money with { Factor = 0.01m })));
            if (!isWord)
            {
                symbols.Add(KeyValuePair.Create(millionPrefix + code, money with { Factor = 1_000_000m })); // "30 MUSD", "MAUD 60"
            }

            prefixNames.AddRange(Strings(c, "prefixNames").Select(n => KeyValuePair.Create(n, money)));
        }

        // A name several currencies share ("dollars", "dinars") means its default one: listed first, it wins the key.
        defaults.AddRange(names);
        return new CurrencyCatalogue
        {
            Names = new PhraseTable<Money>(defaults),
            Symbols = new PhraseTable<Money>(symbols, caseSensitive: true),
            WordCodes = new PhraseTable<Money>(wordCodes, caseSensitive: true),
            PrefixNames = new PhraseTable<Money>(prefixNames),
            Codes = codes.ToFrozenSet(StringComparer.Ordinal),
        };
    }

    private static string[] Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) ? [.. p.EnumerateArray().Select(x => x.GetString()!)] : [];
}
