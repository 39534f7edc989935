namespace NewsParsing.Entities;

/// <summary>A sentence of a CoNLL-2003 file: its tokens joined by spaces, their offsets, and the gold tag indexes.</summary>
internal sealed record ConllSentence(string Text, List<NerToken> Tokens, int[] Gold);

/// <summary>
/// Reads CoNLL-2003 files (<c>token POS chunk NER</c>, IOB1 or IOB2) and scores predictions exactly as conlleval does:
/// entity-level exact matches, per type and overall precision, recall and F1.
/// </summary>
internal static class ConllCorpus
{
    public static List<ConllSentence> Read(string path)
    {
        var sentences = new List<ConllSentence>();
        var words = new List<string>();
        var tags = new List<int>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                Flush();
                continue;
            }

            var parts = line.Split(' ');
            words.Add(parts[0]);
            tags.Add(Array.IndexOf(NerModel.Tags, parts[^1]));
        }

        Flush();
        return sentences;

        void Flush()
        {
            if (words.Count == 0)
            {
                return;
            }

            var text = string.Join(' ', words);
            var tokens = new List<NerToken>(words.Count);
            var at = 0;
            foreach (var w in words)
            {
                tokens.Add(new NerToken(at, at + w.Length));
                at += w.Length + 1;
            }

            // IOB1 files start entities with I-: make them IOB2 so B- always opens one.
            var gold = tags.ToArray();
            for (var i = 0; i < gold.Length; i++)
            {
                if (gold[i] < 0)
                {
                    gold[i] = 0;
                }

                if (gold[i] % 2 == 0 && gold[i] > 0 && (i == 0 || (gold[i - 1] + 1) / 2 != gold[i] / 2))
                {
                    gold[i]--;
                }
            }

            sentences.Add(new ConllSentence(text, tokens, gold));
            words.Clear();
            tags.Clear();
        }
    }

    /// <summary>The entity spans (start token, end token exclusive, type 1–4) of a BIO tag sequence.</summary>
    public static List<(int Start, int End, int Type)> Chunks(ReadOnlySpan<int> tags)
    {
        var chunks = new List<(int, int, int)>();
        Chunks(tags, chunks);
        return chunks;
    }

    /// <summary>The entity chunks of BIO tags, added to <paramref name="chunks"/>: (first token, end token, type 1..4).</summary>
    public static void Chunks(ReadOnlySpan<int> tags, List<(int Start, int End, int Type)> chunks)
    {
        var start = -1;
        var type = 0;
        for (var i = 0; i <= tags.Length; i++)
        {
            var t = i < tags.Length ? tags[i] : 0;
            var isBegin = t % 2 == 1;
            var isInside = t > 0 && t % 2 == 0 && (t / 2) == type && start >= 0;
            if (start >= 0 && !isInside)
            {
                chunks.Add((start, i, type));
                start = -1;
                type = 0;
            }

            if (isBegin || (t > 0 && t % 2 == 0 && start < 0))
            {
                start = i;
                type = (t + 1) / 2;
            }
        }
    }

    /// <summary>conlleval's scores: per type (PER, LOC, ORG, MISC) and overall, as (precision, recall, F1) in percent.</summary>
    public static Dictionary<string, (double P, double R, double F1, int Gold, int Found, int Correct)> Score(IEnumerable<(int[] Gold, int[] Predicted)> pairs)
    {
        string[] names = ["", "PER", "LOC", "ORG", "MISC"];
        var gold = new int[5];
        var found = new int[5];
        var correct = new int[5];
        foreach (var (g, p) in pairs)
        {
            var gc = Chunks(g);
            var pc = Chunks(p);
            var goldSet = new HashSet<(int, int, int)>(gc);
            foreach (var c in gc)
            {
                gold[c.Type]++;
                gold[0]++;
            }

            foreach (var c in pc)
            {
                found[c.Type]++;
                found[0]++;
                if (goldSet.Contains(c))
                {
                    correct[c.Type]++;
                    correct[0]++;
                }
            }
        }

        var result = new Dictionary<string, (double, double, double, int, int, int)>(StringComparer.Ordinal);
        for (var k = 0; k < 5; k++)
        {
            var p = found[k] == 0 ? 0 : 100.0 * correct[k] / found[k];
            var r = gold[k] == 0 ? 0 : 100.0 * correct[k] / gold[k];
            result[k == 0 ? "overall" : names[k]] = (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), gold[k], found[k], correct[k]);
        }

        return result;
    }

    /// <summary>Tags every sentence with <paramref name="model"/>.</summary>
    public static List<(int[] Gold, int[] Predicted)> Predict(NerModel model, List<ConllSentence> sentences)
    {
        var gazetteer = Entities.Gazetteer.Default;
        var pairs = new List<(int[], int[])>(sentences.Count);
        foreach (var s in sentences)
        {
            var hashes = new NerTokenHashes[s.Tokens.Count];
            var allCaps = NerFeatures.Prepare(s.Text, s.Tokens, hashes);
            var flags = new GazetteerFlags[s.Tokens.Count];
            NerFeatures.Gazetteer(s.Text, s.Tokens, hashes, gazetteer, flags);
            var predicted = new int[s.Tokens.Count];
            model.Predict(hashes, flags, allCaps, predicted);
            pairs.Add((s.Gold, predicted));
        }

        return pairs;
    }
}
