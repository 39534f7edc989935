using System.Numerics;

namespace NewsParsing.Entities;

/// <summary>The hashes of one token that the tagger's features combine, computed once per token.</summary>
internal struct NerTokenHashes
{
    public uint Lower;
    public uint Raw;
    public uint Shape;
    public uint Prefix2;
    public uint Prefix3;
    public uint Suffix2;
    public uint Suffix3;
    public uint Suffix4;
    public uint ShapeClass;
}

/// <summary>
/// The tagger's features: word, lower-cased word, shape, prefixes and suffixes, the two words either side, previous
/// tags, sentence position, all-caps headlines and gazetteer membership, hashed into <see cref="NerModel.Buckets"/>.
/// </summary>
/// <remarks>
/// Each token's characters are read once (<see cref="Prepare"/>): FNV-1a hashes of the lower-cased and the written
/// word, its collapsed shape, prefixes and suffixes. A feature is a template number mixed with one to three of those
/// hashes (<see cref="Feature(uint, uint, uint)"/>), so the same text in two templates lands in different buckets and no
/// feature reads the text again. Profiling showed per-feature re-hashing of the characters at 17 % of all samples.
/// </remarks>
internal static class NerFeatures
{
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    private static readonly NerTokenHashes Start = HashAlone("<s>");
    private static readonly NerTokenHashes End = HashAlone("</s>");

    /// <summary>Hashes every token of a sentence into <paramref name="hashes"/>, counting letters on the way.</summary>
    /// <returns>Whether most letters of the sentence are capitals (a headline or dateline): more than three capitals and
    /// over twice as many capitals as lower-case letters.</returns>
    public static bool Prepare(string text, List<NerToken> tokens, Span<NerTokenHashes> hashes)
    {
        var s = text.AsSpan();
        int upper = 0, lower = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            hashes[i] = Hash(s[tokens[i].Start..tokens[i].End], ref upper, ref lower);
        }

        return upper > 3 && upper > 2 * lower;
    }

    /// <summary>
    /// The features of token <paramref name="i"/> given the two previous tags (-1 before the sentence); <paramref name="seed"/>
    /// is the model's hash seed.
    /// </summary>
    public static int Extract(uint seed, ReadOnlySpan<NerTokenHashes> hashes, ReadOnlySpan<GazetteerFlags> gazetteer, bool allCaps, int i, int prev, int prev2, Span<int> f)
    {
        var n = 0;
        ref readonly var w = ref hashes[i];
        ref readonly var wm1 = ref i > 0 ? ref hashes[i - 1] : ref Start;
        ref readonly var wm2 = ref i > 1 ? ref hashes[i - 2] : ref Start;
        ref readonly var wp1 = ref i + 1 < hashes.Length ? ref hashes[i + 1] : ref End;
        ref readonly var wp2 = ref i + 2 < hashes.Length ? ref hashes[i + 2] : ref End;
        var p1 = (uint)(prev + 1);
        var p2 = (uint)(prev2 + 1);

        f[n++] = Feature(seed, 1, 0); // bias
        f[n++] = Feature(seed, 2, w.Lower);
        f[n++] = Feature(seed, 3, w.Raw);
        f[n++] = Feature(seed, 4, w.Shape);
        f[n++] = Feature(seed, 5, w.Prefix2);
        f[n++] = Feature(seed, 6, w.Prefix3);
        f[n++] = Feature(seed, 7, w.Suffix2);
        f[n++] = Feature(seed, 8, w.Suffix3);
        f[n++] = Feature(seed, 9, w.Suffix4);
        f[n++] = Feature(seed, 10, wm1.Lower);
        f[n++] = Feature(seed, 11, wp1.Lower);
        f[n++] = Feature(seed, 12, wm2.Lower);
        f[n++] = Feature(seed, 13, wp2.Lower);
        f[n++] = Feature(seed, 14, wm1.Shape);
        f[n++] = Feature(seed, 15, wp1.Shape);
        f[n++] = Pair(seed, 16, wm1.Lower, w.Lower);
        f[n++] = Pair(seed, 17, w.Lower, wp1.Lower);
        f[n++] = Feature(seed, 18, p1);
        f[n++] = Pair(seed, 19, p1, p2);
        f[n++] = Pair(seed, 20, p1, w.Lower);
        f[n++] = Pair(seed, 21, w.Shape, p1);
        f[n++] = Feature(seed, i == 0 ? 22u : 23u, w.ShapeClass);
        f[n++] = Pair(seed, 24, wm1.Lower, w.Shape);
        f[n++] = Pair(seed, 25, w.Shape, wp1.Lower);
        f[n++] = Triple(seed, 26, wm1.Shape, w.Shape, wp1.Shape);
        f[n++] = Feature(seed, 27, wm1.Suffix3);
        f[n++] = Feature(seed, 28, wp1.Suffix3);
        f[n++] = Feature(seed, allCaps ? 29u : 30u, w.ShapeClass);
        if (allCaps)
        {
            f[n++] = Feature(seed, 31, w.Lower);
        }

        var g = (uint)gazetteer[i];
        if (g != 0)
        {
            f[n++] = Feature(seed, 32, g);
            f[n++] = Pair(seed, 33, g, w.Shape);
        }

        if (i > 0 && gazetteer[i - 1] != GazetteerFlags.None)
        {
            f[n++] = Feature(seed, 34, (uint)gazetteer[i - 1]);
        }

        if (i + 1 < hashes.Length && gazetteer[i + 1] != GazetteerFlags.None)
        {
            f[n++] = Feature(seed, 35, (uint)gazetteer[i + 1]);
        }

        return n;
    }

    /// <summary>A template and the model's seed mixed with one value (a murmur3-style finaliser), masked to a bucket.</summary>
    private static int Feature(uint seed, uint template, uint a)
    {
        var h = (a * 0x9E3779B1u) ^ (template * 0x85EBCA77u) ^ seed;
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        h *= 0x297A2D39u;
        h ^= h >> 15;
        return (int)(h & (NerModel.Buckets - 1));
    }

    private static int Pair(uint seed, uint template, uint a, uint b) => Feature(seed, template, (a * 0x01000193u) ^ BitOperations.RotateLeft(b, 13) ^ 0x5BD1E995u);

    private static int Triple(uint seed, uint template, uint a, uint b, uint c) => Feature(seed, template, (a * 0x01000193u) ^ BitOperations.RotateLeft(b, 11) ^ BitOperations.RotateLeft(c * 0xC2B2AE35u, 23));

    /// <summary>The hashes of one word, reading its characters once (three more reads for the suffixes); its capitals
    /// and lower-case letters are added to <paramref name="upperCount"/> and <paramref name="lowerCount"/>.</summary>
    private static NerTokenHashes Hash(ReadOnlySpan<char> w, ref int upperCount, ref int lowerCount)
    {
        var lower = Offset;
        var raw = Offset;
        var shape = Offset;
        var prefix2 = Offset;
        var prefix3 = Offset;
        var last = '\0';
        var runs = 0;
        var hasLower = false;
        for (var k = 0; k < w.Length; k++)
        {
            var ch = w[k];
            char c;
            char kind;
            if (ch < 128)
            {
                var upper = (uint)(ch - 'A') < 26u;
                var isLower = (uint)(ch - 'a') < 26u;
                c = upper ? (char)(ch | 0x20) : ch;
                kind = upper ? 'X' : isLower ? 'x' : (uint)(ch - '0') < 10u ? 'd' : ch;
            }
            else
            {
                c = char.ToLowerInvariant(ch);
                kind = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : ch;
            }

            hasLower |= kind == 'x';
            upperCount += kind == 'X' ? 1 : 0;
            lowerCount += kind == 'x' ? 1 : 0;
            lower = (lower ^ c) * Prime;
            raw = (raw ^ ch) * Prime;
            if (k == 1)
            {
                prefix2 = lower;
            }
            else if (k == 2)
            {
                prefix3 = lower;
            }

            if (kind != last && runs <= 6)
            {
                shape = (shape ^ kind) * Prime;
                last = kind;
                runs++;
            }
        }

        if (w.Length < 2)
        {
            prefix2 = lower;
        }

        if (w.Length < 3)
        {
            prefix3 = lower;
        }

        // "Xx" (capitalised), "X" (all capitals), "d" (digit first), "x" (letter), "p" (other): 1..5, 0 when empty.
        uint shapeClass = w.Length == 0 ? 0u
            : char.IsUpper(w[0]) ? (hasLower ? 1u : 2u)
            : char.IsDigit(w[0]) ? 3u
            : char.IsLetter(w[0]) ? 4u
            : 5u;
        return new NerTokenHashes
        {
            Lower = lower,
            Raw = raw,
            Shape = shape,
            Prefix2 = prefix2,
            Prefix3 = prefix3,
            Suffix2 = LowerHash(w.Length <= 2 ? w : w[^2..]),
            Suffix3 = LowerHash(w.Length <= 3 ? w : w[^3..]),
            Suffix4 = LowerHash(w.Length <= 4 ? w : w[^4..]),
            ShapeClass = shapeClass,
        };
    }

    private static NerTokenHashes HashAlone(ReadOnlySpan<char> w)
    {
        int upper = 0, lower = 0;
        return Hash(w, ref upper, ref lower);
    }

    /// <summary>The hash of a word's lower-cased characters, as <see cref="NerTokenHashes.Lower"/> holds it.</summary>
    internal static uint LowerHash(ReadOnlySpan<char> s)
    {
        var h = Offset;
        foreach (var ch in s)
        {
            var c = ch < 128 ? ((uint)(ch - 'A') < 26u ? (char)(ch | 0x20) : ch) : char.ToLowerInvariant(ch);
            h = (h ^ c) * Prime;
        }

        return h;
    }

    /// <summary>Per-token gazetteer flags of a sentence: longest matches first, every token of a match flagged.</summary>
    /// <remarks>The "can a name start here" test is a bit probe on each word's lower-case hash from
    /// <see cref="Prepare"/>, so no lower-cased copy is made for a capitalised word that starts no name.</remarks>
    public static void Gazetteer(string text, List<NerToken> tokens, ReadOnlySpan<NerTokenHashes> hashes, Gazetteer gazetteer, Span<GazetteerFlags> flags)
    {
        flags.Clear();
        var s = text.AsSpan();
        for (var i = 0; i < tokens.Count; i++)
        {
            var c = s[tokens[i].Start];
            if (!char.IsUpper(c) || !gazetteer.MayStart(hashes[i].Lower))
            {
                continue;
            }

            for (var n = Math.Min(gazetteer.MaxTokens, tokens.Count - i); n >= 1; n--)
            {
                if (gazetteer.TryMatch(text, tokens, i, n, out var entry))
                {
                    for (var k = i; k < i + n; k++)
                    {
                        flags[k] |= entry.Flags;
                    }

                    break;
                }
            }
        }
    }
}
