namespace NewsParsing.Entities;

/// <summary>
/// The tagger's features, hashed into <see cref="NerModel.Buckets"/> from the token characters: word, lower-cased word,
/// shape, prefixes and suffixes, the two words either side, previous tags, sentence position, all-caps headlines and
/// gazetteer membership. Each template has its own seed, so the same text in two templates lands in different buckets.
/// </summary>
internal static class NerFeatures
{
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    public static int Extract(string text, List<NerToken> tokens, ReadOnlySpan<GazetteerFlags> gazetteer, bool allCaps, int i, int prev, int prev2, Span<int> f)
    {
        var n = 0;
        var s = text.AsSpan();
        var w = Word(s, tokens, i);
        var wm1 = i > 0 ? Word(s, tokens, i - 1) : "<s>".AsSpan();
        var wm2 = i > 1 ? Word(s, tokens, i - 2) : "<s>".AsSpan();
        var wp1 = i + 1 < tokens.Count ? Word(s, tokens, i + 1) : "</s>".AsSpan();
        var wp2 = i + 2 < tokens.Count ? Word(s, tokens, i + 2) : "</s>".AsSpan();

        f[n++] = Bucket(1, ""); // bias
        f[n++] = Bucket(2, w, lower: true);
        f[n++] = Bucket(3, w);
        f[n++] = ShapeBucket(4, w);
        f[n++] = Bucket(5, Prefix(w, 2), lower: true);
        f[n++] = Bucket(6, Prefix(w, 3), lower: true);
        f[n++] = Bucket(7, Suffix(w, 2), lower: true);
        f[n++] = Bucket(8, Suffix(w, 3), lower: true);
        f[n++] = Bucket(9, Suffix(w, 4), lower: true);
        f[n++] = Bucket(10, wm1, lower: true);
        f[n++] = Bucket(11, wp1, lower: true);
        f[n++] = Bucket(12, wm2, lower: true);
        f[n++] = Bucket(13, wp2, lower: true);
        f[n++] = ShapeBucket(14, wm1);
        f[n++] = ShapeBucket(15, wp1);
        f[n++] = Mix(Bucket(16, wm1, lower: true), Bucket(16, w, lower: true));
        f[n++] = Mix(Bucket(17, w, lower: true), Bucket(17, wp1, lower: true));
        f[n++] = Bucket(18 + (uint)(prev + 1), "");
        f[n++] = Mix(Bucket(30 + (uint)(prev + 1), ""), Bucket(40 + (uint)(prev2 + 1), ""));
        f[n++] = Mix(Bucket(50 + (uint)(prev + 1), ""), Bucket(2, w, lower: true));
        f[n++] = Mix(ShapeBucket(60, w), Bucket(61 + (uint)(prev + 1), ""));
        f[n++] = Bucket(i == 0 ? 71u : 72u, Shape(w));
        f[n++] = Mix(Bucket(76, wm1, lower: true), ShapeBucket(77, w));
        f[n++] = Mix(ShapeBucket(78, w), Bucket(79, wp1, lower: true));
        f[n++] = Mix(ShapeBucket(90, wm1), Mix(ShapeBucket(91, w), ShapeBucket(92, wp1)));
        f[n++] = Bucket(93, Suffix(wm1, 3), lower: true);
        f[n++] = Bucket(94, Suffix(wp1, 3), lower: true);
        f[n++] = Bucket(allCaps ? 73u : 74u, Shape(w));
        if (allCaps)
        {
            f[n++] = Bucket(75, w, lower: true);
        }

        var g = gazetteer[i];
        if (g != GazetteerFlags.None)
        {
            f[n++] = Bucket(80 + (uint)g, "");
            f[n++] = Mix(Bucket(80 + (uint)g, ""), ShapeBucket(81, w));
        }

        if (i > 0 && gazetteer[i - 1] != GazetteerFlags.None)
        {
            f[n++] = Bucket(100 + (uint)gazetteer[i - 1], "");
        }

        if (i + 1 < tokens.Count && gazetteer[i + 1] != GazetteerFlags.None)
        {
            f[n++] = Bucket(120 + (uint)gazetteer[i + 1], "");
        }

        return n;
    }

    private static ReadOnlySpan<char> Word(ReadOnlySpan<char> s, List<NerToken> tokens, int i) => s[tokens[i].Start..tokens[i].End];

    private static ReadOnlySpan<char> Prefix(ReadOnlySpan<char> w, int n) => w.Length <= n ? w : w[..n];

    private static ReadOnlySpan<char> Suffix(ReadOnlySpan<char> w, int n) => w.Length <= n ? w : w[^n..];

    private static int Bucket(uint template, ReadOnlySpan<char> s, bool lower = false)
    {
        var h = Offset ^ (template * 2654435761u);
        foreach (var ch in s)
        {
            var c = lower ? char.ToLowerInvariant(ch) : ch;
            h = (h ^ c) * Prime;
        }

        return (int)(h & (NerModel.Buckets - 1));
    }

    private static int Mix(int a, int b) => (int)((((uint)a * 31u) ^ ((uint)b * 2654435761u)) & (NerModel.Buckets - 1));

    /// <summary>Word shape with runs collapsed: "Hasanov" → "Xx", "NATO" → "X", "2,500" → "d,d", "U.S." → "X.X.".</summary>
    private static int ShapeBucket(uint template, ReadOnlySpan<char> w)
    {
        var h = Offset ^ (template * 2654435761u);
        var last = '\0';
        var count = 0;
        foreach (var ch in w)
        {
            var c = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : ch;
            if (c != last)
            {
                h = (h ^ c) * Prime;
                last = c;
                if (++count > 6)
                {
                    break;
                }
            }
        }

        return (int)(h & (NerModel.Buckets - 1));
    }

    private static ReadOnlySpan<char> Shape(ReadOnlySpan<char> w)
    {
        if (w.Length == 0)
        {
            return "";
        }

        if (char.IsUpper(w[0]))
        {
            foreach (var c in w)
            {
                if (char.IsLower(c))
                {
                    return "Xx";
                }
            }

            return "X";
        }

        return char.IsDigit(w[0]) ? "d" : char.IsLetter(w[0]) ? "x" : "p";
    }

    /// <summary>Per-token gazetteer flags of a sentence: longest matches first, every token of a match flagged.</summary>
    public static void Gazetteer(string text, List<NerToken> tokens, Gazetteer gazetteer, Span<GazetteerFlags> flags)
    {
        flags.Clear();
        var s = text.AsSpan();
        for (var i = 0; i < tokens.Count; i++)
        {
            var c = s[tokens[i].Start];
            if (!char.IsUpper(c) || !gazetteer.CanStart(text, tokens[i]))
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
