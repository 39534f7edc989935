using System.Numerics;

namespace NewsParsing.Entities;

/// <summary>The hashes of one token that the tagger's features combine, computed once per token.</summary>
internal struct NerTokenHashes
{
    public uint Lower;
    public uint Raw;
    public uint Shape;
    public uint Suffix2;
    public uint Suffix3;
    public uint Suffix4;
    public uint ShapeClass;

    /// <summary>The word's Brown cluster path prefixes (<see cref="WordClusters"/>).</summary>
    public ClusterPrefixes Cluster;

    /// <summary>The large gazetteer's code for the token (<see cref="LargeGazetteer.Code"/>), 0 outside any name.</summary>
    public uint Names;

    /// <summary>The first pass's model tag (BILOU) of the token plus one (0 before the first pass and at the sentence
    /// edges).</summary>
    public uint FirstPass;

    /// <summary>The first pass's runner-up tag and margin (<see cref="NerModel.Predict"/>'s detail without its tag).</summary>
    public uint FirstConfidence;

    /// <summary>What the first pass said about the same lower-cased word elsewhere in the document
    /// (<see cref="NerDocumentFeatures"/>): 0 for no other occurrence.</summary>
    public uint DocumentLabel;

    /// <summary>What the first pass said about the word's earlier occurrences in the document.</summary>
    public uint DocumentHistory;

    /// <summary>How the word is written here and elsewhere in the document (capitalised mid-sentence, lower case).</summary>
    public uint DocumentCase;
}

/// <summary>The feature groups a model was trained with, stored in its header so tagging extracts the same ones.</summary>
[Flags]
internal enum NerFeatureSet
{
    /// <summary>Word, shape, affixes, window, previous tags, the small gazetteer.</summary>
    Local = 0,

    /// <summary>Brown cluster prefixes of the word and of two words either side.</summary>
    Clusters = 1,

    /// <summary>Large-gazetteer begin/inside/unit flags of the word and its neighbours.</summary>
    Names = 2,

    /// <summary>The second pass's features, which replace all the others: the first pass's tags of the word and its
    /// neighbours and how sure it was, what it said about the same word elsewhere in the document, the word itself and
    /// the previous tags. Repeating the local features instead (about 40 weight lookups more per token) scored 0.2 F1
    /// higher on CoNLL valid and 0.6 lower on the news gold dev half.</summary>
    Document = 4,
}

/// <summary>
/// The tagger's features, hashed into <see cref="NerModel.Buckets"/>: word, lower-cased word, shape, suffixes, the two
/// words either side, previous tags, sentence position, all-caps headlines and small-gazetteer membership; Brown cluster
/// prefixes (<see cref="NerFeatureSet.Clusters"/>) and large-gazetteer codes (<see cref="NerFeatureSet.Names"/>); and, for
/// the second pass, the first pass's tags and the document features (<see cref="NerFeatureSet.Document"/>).
/// </summary>
/// <remarks>
/// Each token's characters are read once (<see cref="Prepare"/>): FNV-1a hashes of the lower-cased and the written
/// word, its collapsed shape and suffixes, and with those hashes its cluster. A feature is a template number mixed with
/// one to three of those hashes (<see cref="Feature(uint, uint, uint)"/>), so the same text in two templates lands in
/// different buckets and no feature reads the text again. Profiling showed per-feature re-hashing of the characters at
/// 17 % of all samples.
/// </remarks>
internal static class NerFeatures
{
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    private static readonly NerTokenHashes Start = HashAlone("<s>");
    private static readonly NerTokenHashes End = HashAlone("</s>");

    /// <summary>Hashes the tokens <c>tokens[start..end)</c> of a sentence into <paramref name="hashes"/> (one entry per
    /// token, from 0), with each word's cluster prefixes, counting letters on the way.</summary>
    /// <returns>Whether most letters of the sentence are capitals (a headline or dateline): more than three capitals and
    /// over twice as many capitals as lower-case letters.</returns>
    public static bool Prepare(string text, List<NerToken> tokens, int start, int end, Span<NerTokenHashes> hashes, WordClusters clusters)
    {
        var s = text.AsSpan();
        int upper = 0, lower = 0;
        for (var i = start; i < end; i++)
        {
            var word = s[tokens[i].Start..tokens[i].End];
            ref var h = ref hashes[i - start];
            h = Hash(word, ref upper, ref lower);
            h.Cluster = clusters.Find(h.Raw, h.Lower);
        }

        return upper > 3 && upper > 2 * lower;
    }

    /// <summary>
    /// The features of token <paramref name="i"/> given the two previous tags (-1 before the sentence); <paramref name="seed"/>
    /// is the model's hash seed.
    /// </summary>
    public static int Extract(NerFeatureSet set, uint seed, ReadOnlySpan<NerTokenHashes> hashes, ReadOnlySpan<GazetteerFlags> gazetteer, bool allCaps, int i, int prev, int prev2, Span<int> f)
    {
        var n = 0;
        ref readonly var w = ref hashes[i];
        ref readonly var wm1 = ref i > 0 ? ref hashes[i - 1] : ref Start;
        ref readonly var wm2 = ref i > 1 ? ref hashes[i - 2] : ref Start;
        ref readonly var wp1 = ref i + 1 < hashes.Length ? ref hashes[i + 1] : ref End;
        ref readonly var wp2 = ref i + 2 < hashes.Length ? ref hashes[i + 2] : ref End;
        var p1 = (uint)(prev + 1);
        var p2 = (uint)(prev2 + 1);
        if ((set & NerFeatureSet.Document) != 0)
        {
            return Document(seed, in w, in wm1, in wp1, allCaps, p1, p2, f);
        }

        f[n++] = Feature(seed, 1, 0); // bias
        f[n++] = Feature(seed, 2, w.Lower);
        f[n++] = Feature(seed, 3, w.Raw);
        f[n++] = Feature(seed, 4, w.Shape);
        f[n++] = Feature(seed, 7, w.Suffix2);
        f[n++] = Feature(seed, 8, w.Suffix3);
        f[n++] = Feature(seed, 9, w.Suffix4);
        f[n++] = Feature(seed, 10, wm1.Lower);
        f[n++] = Feature(seed, 11, wp1.Lower);
        f[n++] = Feature(seed, 12, wm2.Lower);
        f[n++] = Feature(seed, 13, wp2.Lower);
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

        if ((set & NerFeatureSet.Clusters) != 0)
        {
            // The word's four prefixes; coarser ones for its neighbours: all four for two words either side (as
            // Ratinov & Roth did) scored the same on CoNLL valid and cost 10 more weight lookups per token.
            f[n++] = Feature(seed, 40, w.Cluster.P4);
            f[n++] = Feature(seed, 41, w.Cluster.P6);
            f[n++] = Feature(seed, 42, w.Cluster.P10);
            f[n++] = Feature(seed, 43, w.Cluster.P20);
            f[n++] = Feature(seed, 44, wm1.Cluster.P4);
            f[n++] = Feature(seed, 46, wm1.Cluster.P10);
            f[n++] = Feature(seed, 48, wp1.Cluster.P4);
            f[n++] = Feature(seed, 50, wp1.Cluster.P10);
            f[n++] = Feature(seed, 52, wm2.Cluster.P4);
            f[n++] = Feature(seed, 56, wp2.Cluster.P4);
        }

        if ((set & NerFeatureSet.Names) != 0)
        {
            var code = w.Names;
            if (code != 0)
            {
                // One feature per flag (B-CITY, I-SURNAME, U-GIVEN ...), and the whole code with the word's case.
                var place = code & LargeGazetteer.Unit;
                for (var bits = code & 0x3F; bits != 0; bits &= bits - 1)
                {
                    f[n++] = Feature(seed, 60, (uint)BitOperations.TrailingZeroCount(bits) | place);
                }

                f[n++] = Pair(seed, 61, code, w.ShapeClass);
            }

            if (wm1.Names != 0)
            {
                f[n++] = Feature(seed, 62, wm1.Names);
            }

            if (wp1.Names != 0)
            {
                f[n++] = Feature(seed, 63, wp1.Names);
            }
        }

        return n;
    }

    /// <summary>The second pass's features (<see cref="NerFeatureSet.Document"/>): the first pass's verdict on the word
    /// and its neighbours, how sure it was, what it said elsewhere in the document, and the word itself.</summary>
    private static int Document(uint seed, in NerTokenHashes w, in NerTokenHashes wm1, in NerTokenHashes wp1, bool allCaps, uint p1, uint p2, Span<int> f)
    {
        var n = 0;
        var t = w.FirstPass;
        f[n++] = Feature(seed, 80, 0);
        f[n++] = Feature(seed, 81, w.Lower);
        f[n++] = Feature(seed, 82, w.Shape);
        f[n++] = Feature(seed, 83, t);
        f[n++] = Pair(seed, 84, t, w.FirstConfidence);
        f[n++] = Triple(seed, 85, wm1.FirstPass, t, wp1.FirstPass);
        f[n++] = Pair(seed, 86, p1, t);
        f[n++] = Pair(seed, 87, p1, p2);
        f[n++] = Pair(seed, 88, t, w.Lower);
        f[n++] = Pair(seed, 89, t, allCaps ? 1u : 0u);
        if (w.DocumentLabel != 0)
        {
            f[n++] = Feature(seed, 90, w.DocumentLabel);
            f[n++] = Pair(seed, 91, w.DocumentLabel, t);
            f[n++] = Triple(seed, 92, w.DocumentLabel, w.ShapeClass, p1);
        }

        if (w.DocumentHistory != 0)
        {
            f[n++] = Pair(seed, 93, w.DocumentHistory, t);
        }

        if (w.DocumentCase != 0)
        {
            f[n++] = Pair(seed, 94, w.DocumentCase, t);
        }

        f[n++] = Triple(seed, 95, wm1.DocumentLabel, t, wp1.DocumentLabel);
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
            if (kind != last && runs <= 6)
            {
                shape = (shape ^ kind) * Prime;
                last = kind;
                runs++;
            }
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
            Suffix2 = LowerHash(w.Length <= 2 ? w : w[^2..]),
            Suffix3 = LowerHash(w.Length <= 3 ? w : w[^3..]),
            Suffix4 = LowerHash(w.Length <= 4 ? w : w[^4..]),
            ShapeClass = shapeClass,
        };
    }

    /// <summary>The hashes of one word as <see cref="Prepare"/> computes them (without its cluster).</summary>
    internal static NerTokenHashes HashWord(ReadOnlySpan<char> w, ref int upperCount, ref int lowerCount) => Hash(w, ref upperCount, ref lowerCount);

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

    /// <summary>Per-token gazetteer flags of the sentence <c>tokens[start..end)</c> (into <c>flags[0..]</c>): longest
    /// matches first, every token of a match flagged.</summary>
    /// <remarks>The "can a name start here" test is a bit probe on each word's lower-case hash from
    /// <see cref="Prepare"/>, so no lower-cased copy is made for a capitalised word that starts no name.</remarks>
    public static void Gazetteer(string text, List<NerToken> tokens, int start, int end, ReadOnlySpan<NerTokenHashes> hashes, Gazetteer gazetteer, Span<GazetteerFlags> flags)
    {
        flags.Clear();
        var s = text.AsSpan();
        for (var i = start; i < end; i++)
        {
            var c = s[tokens[i].Start];
            if (!char.IsUpper(c) || !gazetteer.MayStart(hashes[i - start].Lower))
            {
                continue;
            }

            for (var n = Math.Min(gazetteer.MaxTokens, end - i); n >= 1; n--)
            {
                if (gazetteer.TryMatch(text, tokens, i, n, out var entry))
                {
                    for (var k = i; k < i + n; k++)
                    {
                        flags[k - start] |= entry.Flags;
                    }

                    break;
                }
            }
        }
    }
}
