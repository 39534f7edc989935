namespace NewsParsing.Entities;

/// <summary>A sentence of a CoNLL-2003 file: its tokens joined by spaces, their offsets, and the gold tag indexes.</summary>
internal sealed record ConllSentence(string Text, List<NerToken> Tokens, int[] Gold);

/// <summary>
/// Reads CoNLL-2003 files (<c>token POS chunk NER</c>, IOB1 or IOB2) and scores predictions exactly as conlleval does:
/// entity-level exact matches, per type and overall precision, recall and F1.
/// </summary>
internal static class ConllCorpus
{
    public static List<ConllSentence> Read(string path) => [.. ReadDocuments(path).SelectMany(d => d)];

    /// <summary>Reads the documents of a CoNLL-2003 file: the sentences between <c>-DOCSTART-</c> lines.</summary>
    public static List<List<ConllSentence>> ReadDocuments(string path)
    {
        var documents = new List<List<ConllSentence>>();
        var document = new List<ConllSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                if (words.Count > 0)
                {
                    document.Add(Sentence(words, tags));
                    words.Clear();
                    tags.Clear();
                }

                if (line.Length > 0 && document.Count > 0)
                {
                    documents.Add(document);
                    document = [];
                }

                continue;
            }

            var parts = line.Split(' ');
            words.Add(parts[0]);
            tags.Add(parts[^1]);
        }

        if (words.Count > 0)
        {
            document.Add(Sentence(words, tags));
        }

        if (document.Count > 0)
        {
            documents.Add(document);
        }

        return documents;
    }

    /// <summary>A sentence of words and their tags (IOB1 or IOB2; an unknown tag is O, and <c>?</c> marks a token whose
    /// tag the source does not say, -1 in <see cref="ConllSentence.Gold"/>, which training does not learn from): the
    /// words joined by spaces.</summary>
    public static ConllSentence Sentence(IReadOnlyList<string> words, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(tags);
        var text = string.Join(' ', words);
        var tokens = new List<NerToken>(words.Count);
        var at = 0;
        foreach (var w in words)
        {
            tokens.Add(new NerToken(at, at + w.Length));
            at += w.Length + 1;
        }

        // IOB1 files start entities with I-: make them IOB2 so B- always opens one.
        var gold = new int[tags.Count];
        for (var i = 0; i < gold.Length; i++)
        {
            gold[i] = tags[i] == "?" ? -1 : Math.Max(0, Array.IndexOf(NerModel.Tags, tags[i]));
            if (gold[i] % 2 == 0 && gold[i] > 0 && (i == 0 || (gold[i - 1] + 1) / 2 != gold[i] / 2))
            {
                gold[i]--;
            }
        }

        return new ConllSentence(text, tokens, gold);
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

    /// <summary>Tags every document with both passes of <paramref name="tagger"/>; one (gold, predicted) pair per sentence.</summary>
    public static List<(int[] Gold, int[] Predicted)> Predict(NerTagger tagger, IReadOnlyList<NerDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(documents);
        var pairs = new List<(int[], int[])>();
        var table = new NerDocumentTable();
        foreach (var d in documents)
        {
            var tags = new int[d.Tokens];
            tagger.Tag(d.Hashes, d.Flags, d.Sentences, tags, new int[d.Tokens], new uint[d.Tokens], table);
            Pairs(d, tags, pairs);
        }

        return pairs;
    }

    /// <summary>Tags every sentence with one <paramref name="model"/>, reading the document features the documents' hashes
    /// hold (training scores a pass this way); one (gold, predicted) pair per sentence.</summary>
    public static List<(int[] Gold, int[] Predicted)> Predict(NerModel model, IReadOnlyList<NerDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(documents);
        var pairs = new List<(int[], int[])>();
        foreach (var d in documents)
        {
            var tags = new int[d.Tokens];
            foreach (var s in d.Sentences)
            {
                model.Predict(d.Hashes.AsSpan(s.Start..s.End), d.Flags.AsSpan(s.Start..s.End), s.AllCaps, tags.AsSpan(s.Start..s.End));
            }

            Pairs(d, tags, pairs);
        }

        return pairs;
    }

    private static void Pairs(NerDocument d, int[] tags, List<(int[], int[])> pairs)
    {
        foreach (var s in d.Sentences)
        {
            pairs.Add((d.Gold[s.Start..s.End], tags[s.Start..s.End]));
        }
    }
}
