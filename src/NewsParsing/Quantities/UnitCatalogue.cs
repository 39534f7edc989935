using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace NewsParsing.Quantities;

/// <summary>
/// The exponents of a unit's dimension over the SI base dimensions L, M, T, I, K (temperature), N, J and two more the
/// catalogue needs, B (information) and A (plane angle), packed seven bits each into one <see cref="long"/>: a value
/// that compounds add and subtract without allocating.
/// </summary>
internal readonly record struct Dimension(long Packed)
{
    private const int Bits = 7;
    private const int Bias = 64;
    private const string Letters = "LMTIKNJBA";

    public static readonly Dimension None = Of(new int[Letters.Length]);

    /// <summary>Parses "L T-2", "M L2 T-3", "1" (dimensionless).</summary>
    public static Dimension Parse(string s)
    {
        Span<int> e = stackalloc int[Letters.Length];
        foreach (var part in s.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "1")
            {
                continue;
            }

            var at = Letters.IndexOf(part[0], StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidDataException($"Unknown dimension letter in '{s}'.");
            }

            e[at] += part.Length > 1 ? int.Parse(part.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 1;
        }

        return Of(e);
    }

    /// <summary>This dimension raised to <paramref name="power"/> and multiplied by <paramref name="other"/>.</summary>
    public Dimension Times(Dimension other, int power)
    {
        Span<int> e = stackalloc int[Letters.Length];
        for (var i = 0; i < e.Length; i++)
        {
            e[i] = Exponent(i) + (power * other.Exponent(i));
        }

        return Of(e);
    }

    /// <summary>Whether the dimension is something per unit of time ("per hour": time to the power -1).</summary>
    public bool PerTime => Exponent(2) == -1;

    private int Exponent(int i) => (int)((Packed >> (i * Bits)) & ((1 << Bits) - 1)) - Bias;

    private static Dimension Of(ReadOnlySpan<int> e)
    {
        long packed = 0;
        for (var i = 0; i < e.Length; i++)
        {
            packed |= (long)(Math.Clamp(e[i], -Bias, Bias - 1) + Bias) << (i * Bits);
        }

        return new Dimension(packed);
    }
}

/// <summary>A unit of the catalogue: its canonical symbol, dimension and what it measures.</summary>
internal sealed class UnitDef
{
    public required string Symbol { get; init; }

    /// <summary>The symbol after a slash in a compound ("d" for day: bbl/d).</summary>
    public required string PerSymbol { get; init; }

    public required Dimension Dimension { get; init; }

    /// <summary>The kind the dimension gives, or the catalogue's explicit one (percentages).</summary>
    public required QuantityKind Kind { get; init; }

    /// <summary>Also a common word or letter: counts only with context (glued, compound, before punctuation or a lower-case word).</summary>
    public bool Ambiguous { get; init; }

    /// <summary>A calendar unit (day, week, month, year…): durations in them belong to the temporal stage.</summary>
    public bool Calendar { get; init; }

    /// <summary>Words near the number that give another kind ("rotate 90 degrees" is an angle, not a temperature).</summary>
    public FrozenDictionary<string, QuantityKind>? ContextKinds { get; init; }

    public override string ToString() => Symbol;
}

/// <summary>
/// The unit catalogue of <c>units.data.json</c>, frozen: SI units with their prefixes (symbols and names), units outside
/// the SI, news units, and the words that build compounds (per, square, cubic). Names match case-insensitively, symbols as
/// written.
/// </summary>
internal sealed class UnitCatalogue
{
    private UnitCatalogue()
    {
    }

    /// <summary>Names, one or more words, lower-cased ("kilometres", "degrees celsius", "barrels per day").</summary>
    public PhraseTable<UnitDef> Names { get; private init; } = null!;

    /// <summary>Symbols as written ("km", "MW", "µg", "kWh").</summary>
    public PhraseTable<UnitDef> Symbols { get; private init; } = null!;

    /// <summary>Symbols that count only glued to the number ("40C", "90F").</summary>
    public PhraseTable<UnitDef> Glued { get; private init; } = null!;

    /// <summary>Names that are a unit only with context words near ("pounds" is money unless the text weighs something).</summary>
    public PhraseTable<UnitDef> ContextNames { get; private init; } = null!;

    /// <summary>Mixed units: "31 feet 5 inches" is 31 + 5/12 ft (major symbol → minor symbol and how many make one major).</summary>
    public FrozenDictionary<string, (string Minor, int Per)> Compounds { get; private init; } = null!;

    /// <summary>Words that raise the next unit to a power ("square" 2, "cubic" 3).</summary>
    public FrozenDictionary<string, int> PowerWords { get; private init; } = null!;

    /// <summary>Words that raise the previous unit to a power ("squared", "cubed").</summary>
    public FrozenDictionary<string, int> PowerSuffixWords { get; private init; } = null!;

    /// <summary>Words and signs that open a denominator ("per", "/", "a", "an").</summary>
    public FrozenSet<string> PerWords { get; private init; } = null!;

    /// <summary>Dimensions an article may open a denominator before ("dollars a barrel", "miles an hour").</summary>
    public FrozenSet<Dimension> PerArticleDimensions { get; private init; } = null!;

    /// <summary>Signs of a product of units ("N·m").</summary>
    public string ProductSigns { get; private init; } = null!;

    /// <summary>The dimension of length, which "square" and "cubic" take.</summary>
    public Dimension Length { get; } = Dimension.Parse("L");

    /// <summary>The kind each dimension gives.</summary>
    public FrozenDictionary<Dimension, QuantityKind> Kinds { get; private init; } = null!;

    /// <summary>Every unit by its canonical symbol.</summary>
    public FrozenDictionary<string, UnitDef> BySymbol { get; private init; } = null!;

    /// <summary>How many distinct units (with prefixes) the catalogue holds.</summary>
    public int Count => BySymbol.Count;

    /// <summary>The kind of a dimension: the catalogue's map, else a rate when per time, else <see cref="QuantityKind.Other"/>.</summary>
    public QuantityKind KindOf(Dimension d) => Kinds.TryGetValue(d, out var k) ? k : d.PerTime ? QuantityKind.Rate : QuantityKind.Other;

    public static UnitCatalogue Load(JsonElement root)
    {
        var kinds = new Dictionary<Dimension, QuantityKind>();
        foreach (var p in root.GetProperty("kinds").EnumerateObject())
        {
            kinds[Dimension.Parse(p.Name)] = Enum.Parse<QuantityKind>(p.Value.GetString()!);
        }

        var prefixes = new Dictionary<string, (string Name, string[] Symbols)>(StringComparer.Ordinal);
        foreach (var p in root.GetProperty("prefixes").EnumerateObject())
        {
            var symbols = new List<string> { p.Name };
            if (p.Value.TryGetProperty("symbols", out var alt))
            {
                symbols.AddRange(alt.EnumerateArray().Select(a => a.GetString()!));
            }

            prefixes[p.Name] = (p.Value.GetProperty("name").GetString()!, [.. symbols]);
        }

        var names = new List<KeyValuePair<string, UnitDef>>();
        var symbolsAsWritten = new List<KeyValuePair<string, UnitDef>>();
        var glued = new List<KeyValuePair<string, UnitDef>>();
        var contextNames = new List<KeyValuePair<string, UnitDef>>();
        var bySymbol = new Dictionary<string, UnitDef>(StringComparer.Ordinal);
        foreach (var u in root.GetProperty("units").EnumerateArray())
        {
            var symbol = u.GetProperty("symbol").GetString()!;
            var dimension = Dimension.Parse(u.GetProperty("dimension").GetString()!);
            var kind = u.TryGetProperty("kind", out var k) ? Enum.Parse<QuantityKind>(k.GetString()!) : kinds.GetValueOrDefault(dimension, dimension.PerTime ? QuantityKind.Rate : QuantityKind.Other);
            var ambiguous = u.TryGetProperty("ambiguous", out var a) && a.GetBoolean();
            var calendar = u.TryGetProperty("calendar", out var c) && c.GetBoolean();
            var symbolInText = !u.TryGetProperty("symbolInText", out var sit) || sit.GetBoolean();
            var namesNeedPrefix = u.TryGetProperty("namesNeedPrefix", out var nnp) && nnp.GetBoolean();
            FrozenDictionary<string, QuantityKind>? contextKinds = null;
            if (u.TryGetProperty("contextKinds", out var ck))
            {
                var map = new Dictionary<string, QuantityKind>(StringComparer.Ordinal);
                foreach (var p in ck.EnumerateObject())
                {
                    foreach (var w in p.Value.EnumerateArray())
                    {
                        map[w.GetString()!] = Enum.Parse<QuantityKind>(p.Name);
                    }
                }

                contextKinds = map.ToFrozenDictionary(StringComparer.Ordinal);
            }

            var unitNames = Strings(u, "names");
            var def = new UnitDef
            {
                Symbol = symbol,
                PerSymbol = u.TryGetProperty("per", out var per) ? per.GetString()! : symbol,
                Dimension = dimension,
                Kind = kind,
                Ambiguous = ambiguous,
                Calendar = calendar,
                ContextKinds = contextKinds,
            };
            bySymbol.TryAdd(symbol, def);
            if (!namesNeedPrefix)
            {
                names.AddRange(unitNames.Select(n => KeyValuePair.Create(n, def)));
            }

            if (symbolInText)
            {
                symbolsAsWritten.Add(KeyValuePair.Create(symbol, def));
            }

            symbolsAsWritten.AddRange(Strings(u, "symbols").Select(s => KeyValuePair.Create(s, def)));
            glued.AddRange(Strings(u, "glued").Select(s => KeyValuePair.Create(s, def)));
            contextNames.AddRange(Strings(u, "contextNames").Select(s => KeyValuePair.Create(s, def)));

            // Prefixed units: "km" and "kilometres", "µg" and "micrograms"; a prefixed symbol is never ambiguous ("mA").
            foreach (var prefix in Strings(u, "prefixes"))
            {
                var (prefixName, prefixSymbols) = prefixes[prefix];
                var prefixed = new UnitDef
                {
                    Symbol = prefix + symbol,
                    PerSymbol = prefix + symbol,
                    Dimension = dimension,
                    Kind = kind,
                    Ambiguous = false,
                };
                bySymbol.TryAdd(prefixed.Symbol, prefixed);
                if (symbolInText)
                {
                    foreach (var ps in prefixSymbols)
                    {
                        symbolsAsWritten.Add(KeyValuePair.Create(ps + symbol, prefixed));
                    }
                }

                names.AddRange(unitNames.Select(n => KeyValuePair.Create(prefixName + n, prefixed)));
            }
        }

        foreach (var p in root.GetProperty("nameAliases").EnumerateObject())
        {
            names.Add(KeyValuePair.Create(p.Name, bySymbol[p.Value.GetString()!]));
        }

        // Aliases: spellings of a prefixed unit as news writes them ("mw" is MW, "kwh" kWh, "Mbps" Mbit/s).
        foreach (var p in root.GetProperty("aliases").EnumerateObject())
        {
            symbolsAsWritten.Add(KeyValuePair.Create(p.Name, bySymbol[p.Value.GetString()!]));
        }

        return new UnitCatalogue
        {
            Names = new PhraseTable<UnitDef>(names),
            Symbols = new PhraseTable<UnitDef>(symbolsAsWritten, caseSensitive: true),
            Glued = new PhraseTable<UnitDef>(glued, caseSensitive: true),
            ContextNames = new PhraseTable<UnitDef>(contextNames),
            Compounds = root.GetProperty("compounds").EnumerateArray().ToFrozenDictionary(
                x => x.GetProperty("major").GetString()!, x => (x.GetProperty("minor").GetString()!, x.GetProperty("per").GetInt32()), StringComparer.Ordinal),
            PowerWords = root.GetProperty("powerWords").EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal),
            PowerSuffixWords = root.GetProperty("powerSuffixWords").EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal),
            PerWords = Strings(root, "perWords").ToFrozenSet(StringComparer.Ordinal),
            PerArticleDimensions = Strings(root, "perArticleDimensions").Select(Dimension.Parse).ToFrozenSet(),
            ProductSigns = string.Concat(Strings(root, "productSigns")),
            Kinds = kinds.ToFrozenDictionary(),
            BySymbol = bySymbol.ToFrozenDictionary(StringComparer.Ordinal),
        };
    }

    private static string[] Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) ? [.. p.EnumerateArray().Select(x => x.GetString()!)] : [];
}
