using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace NewsParsing.Entities;

/// <summary>What a gazetteer name is.</summary>
[Flags]
internal enum GazetteerFlags : byte
{
    None = 0,
    Country = 1,
    City = 2,
    Organization = 4,
    Demonym = 8,
    Title = 16,
}

/// <summary>A gazetteer entry: canonical name, ISO code for countries and demonyms, and what it is.</summary>
internal readonly record struct GazetteerEntry(string Canonical, string? Iso, GazetteerFlags Flags);

/// <summary>
/// Countries (ISO 3166 from the tz database's <c>iso3166.tab</c>, public domain) with aliases and demonyms, cities,
/// organisations and titles from <c>gazetteer.data.json</c>, frozen once. Names are keyed by their lower-cased tokens
/// joined with single spaces ("united states", "u.s.").
/// </summary>
internal sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> Instance = new(Load);

    private const int MaxKeyLength = 96;
#if NET9_0_OR_GREATER
    private readonly FrozenDictionary<string, GazetteerEntry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
#endif

    private const int FirstHashBits = 1 << 18;
    private readonly ulong[] _firstHashes = new ulong[FirstHashBits / 64];

    private Gazetteer(FrozenDictionary<string, GazetteerEntry> names, int maxTokens)
    {
        Names = names;
        MaxTokens = maxTokens;
        foreach (var first in names.Keys.Select(k => k.Split(' ')[0]))
        {
            var bit = NerFeatures.LowerHash(first) & (FirstHashBits - 1);
            _firstHashes[bit >> 6] |= 1UL << (int)(bit & 63);
        }

#if NET9_0_OR_GREATER
        _lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
    }

    public static Gazetteer Default => Instance.Value;

    public FrozenDictionary<string, GazetteerEntry> Names { get; }

    public int MaxTokens { get; }

    /// <summary>Whether some name may start with the word whose lower-cased hash is <paramref name="lowerHash"/>
    /// (<see cref="NerTokenHashes.Lower"/>): a bit probe with rare false positives (the full lookup follows) and no
    /// false negatives.</summary>
    public bool MayStart(uint lowerHash)
    {
        var bit = lowerHash & (FirstHashBits - 1);
        return (_firstHashes[bit >> 6] & (1UL << (int)(bit & 63))) != 0;
    }

    /// <summary>Looks up tokens [i, i + n) of a sentence. The key is built in a stack buffer and probed as a span
    /// (.NET 9+), so the per-token lookups of the tagger allocate nothing.</summary>
    public bool TryMatch(string text, List<NerToken> tokens, int i, int n, out GazetteerEntry entry)
    {
        entry = default;
        Span<char> buffer = stackalloc char[MaxKeyLength];
        var length = 0;
        for (var k = i; k < i + n; k++)
        {
            var t = tokens[k];
            var part = text.AsSpan(t.Start, t.End - t.Start);
            if (length + part.Length + 1 > MaxKeyLength)
            {
                return false;
            }

            if (k > i)
            {
                buffer[length++] = ' ';
            }

            part.ToLowerInvariant(buffer.Slice(length, part.Length));
            length += part.Length;
        }

#if NET9_0_OR_GREATER
        return _lookup.TryGetValue(buffer[..length], out entry);
#else
        return Names.TryGetValue(new string(buffer[..length]), out entry);
#endif
    }

    /// <summary>
    /// Looks up the name written at <c>text[start..end)</c> (tokenized as the tagger tokenizes, lower-cased, joined by
    /// single spaces) without allocating a key.
    /// </summary>
    /// <param name="text">The article.</param>
    /// <param name="start">Where the name starts.</param>
    /// <param name="end">Where the name ends.</param>
    /// <param name="tokens">A scratch list for the name's tokens (cleared first).</param>
    /// <param name="entry">The entry found.</param>
    public bool TryLookup(string text, int start, int end, List<NerToken> tokens, out GazetteerEntry entry)
    {
        tokens.Clear();
        NerTokenizer.Tokenize(text, start, end, tokens);
        entry = default;
        return tokens.Count > 0 && tokens.Count <= MaxTokens && TryMatch(text, tokens, 0, tokens.Count, out entry);
    }

    private static Gazetteer Load()
    {
        using var stream = EmbeddedData.Open("Entities.gazetteer.data.json");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var names = new Dictionary<string, GazetteerEntry>(StringComparer.Ordinal);
        var maxTokens = 1;
        void Add(string name, GazetteerEntry e)
        {
            var key = Key(name);
            if (key.Length == 0)
            {
                return;
            }

            maxTokens = Math.Max(maxTokens, key.Split(' ').Length);
            names[key] = names.TryGetValue(key, out var existing) ? existing with { Flags = existing.Flags | e.Flags } : e;
        }

        foreach (var c in root.GetProperty("countries").EnumerateArray())
        {
            var canonical = c.GetProperty("name").GetString()!;
            var iso = c.GetProperty("iso").GetString()!;
            Add(canonical, new GazetteerEntry(canonical, iso, GazetteerFlags.Country));
            foreach (var a in c.GetProperty("aliases").EnumerateArray())
            {
                Add(a.GetString()!, new GazetteerEntry(canonical, iso, GazetteerFlags.Country));
            }

            foreach (var d in c.GetProperty("demonyms").EnumerateArray())
            {
                Add(d.GetString()!, new GazetteerEntry(canonical, iso, GazetteerFlags.Demonym));
            }
        }

        foreach (var city in root.GetProperty("cities").EnumerateArray())
        {
            Add(city.GetString()!, new GazetteerEntry(city.GetString()!, null, GazetteerFlags.City));
        }

        foreach (var o in root.GetProperty("organizations").EnumerateArray())
        {
            var name = o.GetProperty("name").GetString()!;
            Add(o.GetProperty("short").GetString()!, new GazetteerEntry(name, null, GazetteerFlags.Organization));
            Add(name, new GazetteerEntry(name, null, GazetteerFlags.Organization));
        }

        foreach (var t in root.GetProperty("titles").EnumerateArray())
        {
            Add(t.GetString()!, new GazetteerEntry(t.GetString()!, null, GazetteerFlags.Title));
        }

        return new Gazetteer(names.ToFrozenDictionary(StringComparer.Ordinal), maxTokens);
    }

    /// <summary>The key of a name: its CoNLL-style tokens, lower-cased, joined with single spaces.</summary>
    internal static string Key(string name)
    {
        var tokens = new List<NerToken>();
        NerTokenizer.Tokenize(name, 0, name.Length, tokens);
        var sb = new StringBuilder();
        foreach (var t in tokens)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(name.AsSpan(t.Start, t.End - t.Start).ToString().ToLowerInvariant());
        }

        return sb.ToString();
    }
}
