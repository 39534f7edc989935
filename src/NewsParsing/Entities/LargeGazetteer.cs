using System.IO.Compression;
using System.Numerics;

namespace NewsParsing.Entities;

/// <summary>What a name of the large gazetteer is (<c>gazetteer-large.data.gz</c>); a name may be several.</summary>
[Flags]
internal enum NameFlags : byte
{
    None = 0,
    City = 1,
    Region = 2,
    Country = 4,
    Given = 8,
    Surname = 16,
    Company = 32,
}

/// <summary>
/// The large gazetteer (docs/entities.md "Large gazetteer"): 176,000 place, person and company names from GeoNames, the
/// US Census and SSA name lists and SEC EDGAR. For the tagger's features only: each token gets the flags of the longest
/// name it is part of and its place in that name (begin, inside, unit), in the manner of Ratinov &amp; Roth (2009). Names
/// that are common words (<c>May</c>, <c>Will</c>, <c>Apple</c>) are in it too: the tagger weighs the flags with the
/// word's case and context, nothing here decides that a token is a name.
/// </summary>
/// <remarks>
/// Names are keyed by a 56-bit hash of their lower-cased tokens (split by <see cref="NerTokenizer"/>, as the tagger
/// splits text), and every proper token prefix of a name is stored too, marked as a prefix: matching walks forward token
/// by token and stops at the first sequence that is neither a name nor a prefix, one probe per token, no key string. The
/// open-addressing table of 2^19 longs (4 MB) replaces string keys that would hold 176,000 strings plus their prefixes;
/// a false match needs two different token sequences to share 56 bits (about one in 10^11 probes here), and would be one
/// more feature, never an entity.
/// </remarks>
internal sealed class LargeGazetteer
{
    /// <summary>The longest name matched, in tokens.</summary>
    public const int MaxTokens = 8;

    /// <summary>The place of a token in the name it is part of, in bits 6–7 of <see cref="Code"/>.</summary>
    public const uint Begin = 1u << 6, Inside = 2u << 6, Unit = 3u << 6;

    private const ulong PrefixBit = 0x80;
    private const ulong FlagMask = 0x3F;
    private const ulong KeyMask = ~0xFFUL;
    private const ulong SequenceStart = 0xCBF29CE484222325UL;

    private static readonly Lazy<LargeGazetteer> Instance = new(() =>
    {
        using var stream = EmbeddedData.Open("Entities.gazetteer-large.data.gz");
        return Load(stream);
    });

    private readonly ulong[] _slots; // (key & KeyMask) | prefix bit | flags; 0 is an empty slot
    private readonly int _mask;

    private LargeGazetteer(ulong[] slots, int count)
    {
        _slots = slots;
        _mask = slots.Length - 1;
        Count = count;
    }

    /// <summary>The gazetteer shipped in the package.</summary>
    public static LargeGazetteer Default => Instance.Value;

    /// <summary>The number of names.</summary>
    public int Count { get; }

    /// <summary>A token's feature code: its name's <see cref="NameFlags"/> in bits 0–5 and its place (<see cref="Begin"/>,
    /// <see cref="Inside"/>, <see cref="Unit"/>); 0 outside any name.</summary>
    public static uint Code(NameFlags flags, uint place) => (uint)flags | place;

    /// <summary>
    /// Writes the code of every token of <c>tokens[start..end)</c> (one sentence) into <see cref="NerTokenHashes.Names"/>:
    /// left to right, the longest name that starts at a capitalised token, then on after it.
    /// </summary>
    public void Match(string text, List<NerToken> tokens, int start, int end, Span<NerTokenHashes> hashes)
    {
        var s = text.AsSpan();
        var i = start;
        while (i < end)
        {
            var first = tokens[i];
            if (!char.IsUpper(s[first.Start]))
            {
                hashes[i - start].Names = 0;
                i++;
                continue;
            }

            var key = SequenceStart;
            var length = 0;
            var flags = 0UL;
            for (var j = i; j < end && j - i < MaxTokens; j++)
            {
                var t = tokens[j];
                key = Extend(key, TokenHash(s[t.Start..t.End]));
                var value = Probe(key);
                if ((value & FlagMask) != 0)
                {
                    (length, flags) = (j - i + 1, value & FlagMask);
                }

                if ((value & PrefixBit) == 0)
                {
                    break;
                }
            }

            if (length == 0)
            {
                hashes[i - start].Names = 0;
                i++;
                continue;
            }

            var f = (NameFlags)flags;
            hashes[i - start].Names = Code(f, length == 1 ? Unit : Begin);
            for (var k = i + 1; k < i + length; k++)
            {
                hashes[k - start].Names = Code(f, Inside);
            }

            i += length;
        }
    }

    /// <summary>The flags of a whole name as written (tokenized and lower-cased), for tests and tools.</summary>
    public NameFlags Lookup(string name)
    {
        var tokens = new List<NerToken>();
        NerTokenizer.Tokenize(name, 0, name.Length, tokens);
        if (tokens.Count is 0 or > MaxTokens)
        {
            return NameFlags.None;
        }

        var key = SequenceStart;
        foreach (var t in tokens)
        {
            key = Extend(key, TokenHash(name.AsSpan(t.Start, t.End - t.Start)));
        }

        return (NameFlags)(Probe(key) & FlagMask);
    }

    /// <summary>Reads the file: <c>name TAB FLAGS</c> lines (FLAGS a comma list) after <c># </c> header lines.</summary>
    public static LargeGazetteer Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var entries = new Dictionary<ulong, ulong>();
        var tokens = new List<NerToken>();
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                throw new InvalidDataException($"A gazetteer line is not 'name TAB FLAGS': '{line}'.");
            }

            var flags = ParseFlags(line[(tab + 1)..]);
            tokens.Clear();
            NerTokenizer.Tokenize(line, 0, tab, tokens);
            if (tokens.Count is 0 or > MaxTokens)
            {
                continue;
            }

            count++;
            var key = SequenceStart;
            for (var k = 0; k < tokens.Count; k++)
            {
                key = Extend(key, TokenHash(line.AsSpan(tokens[k].Start, tokens[k].End - tokens[k].Start)));
                var slotKey = Slot(key);
                entries.TryGetValue(slotKey, out var value);
                entries[slotKey] = value | (k + 1 < tokens.Count ? PrefixBit : (ulong)flags);
            }
        }

        var slots = new ulong[Math.Max(1024, (int)BitOperations.RoundUpToPowerOf2((uint)entries.Count * 2))];
        var mask = slots.Length - 1;
        foreach (var (key, value) in entries)
        {
            var at = (int)(Mix(key) & (uint)mask);
            while (slots[at] != 0)
            {
                at = (at + 1) & mask;
            }

            slots[at] = key | value;
        }

        return new LargeGazetteer(slots, count);
    }

    private static NameFlags ParseFlags(string s)
    {
        var flags = NameFlags.None;
        foreach (var flag in s.Split(','))
        {
            flags |= flag.Trim() switch
            {
                "CITY" => NameFlags.City,
                "REGION" => NameFlags.Region,
                "COUNTRY" => NameFlags.Country,
                "GIVEN" => NameFlags.Given,
                "SURNAME" => NameFlags.Surname,
                "COMPANY" => NameFlags.Company,
                _ => throw new InvalidDataException($"Unknown gazetteer flag '{flag}'."),
            };
        }

        return flags;
    }

    private ulong Probe(ulong key)
    {
        var slotKey = Slot(key);
        var at = (int)(Mix(slotKey) & (uint)_mask);
        while (true)
        {
            var slot = _slots[at];
            if (slot == 0)
            {
                return 0;
            }

            if ((slot & KeyMask) == slotKey)
            {
                return slot & ~KeyMask;
            }

            at = (at + 1) & _mask;
        }
    }

    private static ulong Extend(ulong key, ulong token) => (BitOperations.RotateLeft(key, 27) ^ token) * 0x9E3779B97F4A7C15UL;

    /// <summary>The key bits of a sequence hash; never 0, which marks an empty slot.</summary>
    private static ulong Slot(ulong key) => (key & KeyMask) == 0 ? 0x100 : key & KeyMask;

    private static uint Mix(ulong key) => (uint)((key ^ (key >> 29)) * 0xBF58476D1CE4E5B9UL >> 32);

    /// <summary>FNV-1a (64 bits) of the lower-cased characters of one token.</summary>
    private static ulong TokenHash(ReadOnlySpan<char> token)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var ch in token)
        {
            var c = ch < 128 ? ((uint)(ch - 'A') < 26u ? (char)(ch | 0x20) : ch) : char.ToLowerInvariant(ch);
            h = (h ^ c) * 0x100000001B3UL;
        }

        return h;
    }
}
