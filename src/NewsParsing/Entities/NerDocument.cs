namespace NewsParsing.Entities;

/// <summary>
/// A labelled document read once for training and scoring: every token's hashes and gazetteer flags (as
/// <c>NerTagger.Prepare</c> makes them at run time), its sentences and gold tags, all in document order.
/// </summary>
internal sealed class NerDocument
{
    private NerDocument(NerTokenHashes[] hashes, GazetteerFlags[] flags, NerSentence[] sentences, int[] gold)
    {
        Hashes = hashes;
        Flags = flags;
        Sentences = sentences;
        Gold = gold;
    }

    public NerTokenHashes[] Hashes { get; }

    public GazetteerFlags[] Flags { get; }

    public NerSentence[] Sentences { get; }

    public int[] Gold { get; }

    public int Tokens => Gold.Length;

    /// <summary>The size of a training update on this document (1 for CoNLL-2003; less for data from another domain).</summary>
    public float Weight { get; private init; } = 1f;

    /// <summary>Prepares the sentences of one document with the shipped clusters and gazetteers.</summary>
    public static NerDocument Prepare(IReadOnlyList<ConllSentence> sentences) => Prepare(sentences, 1f);

    /// <summary>Prepares the sentences of one document whose training updates count <paramref name="weight"/>.</summary>
    public static NerDocument Prepare(IReadOnlyList<ConllSentence> sentences, float weight)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var clusters = WordClusters.Default;
        var names = LargeGazetteer.Default;
        var gazetteer = Gazetteer.Default;
        var count = 0;
        foreach (var s in sentences)
        {
            count += s.Tokens.Count;
        }

        var hashes = new NerTokenHashes[count];
        var flags = new GazetteerFlags[count];
        var gold = new int[count];
        var spans = new NerSentence[sentences.Count];
        var at = 0;
        for (var k = 0; k < sentences.Count; k++)
        {
            var s = sentences[k];
            var n = s.Tokens.Count;
            var allCaps = NerTagger.Prepare(s.Text, s.Tokens, 0, n, hashes.AsSpan(at, n), flags.AsSpan(at, n), clusters, names, gazetteer);
            s.Gold.CopyTo(gold, at);
            spans[k] = new NerSentence(at, at + n, allCaps);
            at += n;
        }

        return new NerDocument(hashes, flags, spans, gold) { Weight = weight };
    }
}
