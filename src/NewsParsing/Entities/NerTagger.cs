using System.IO.Compression;

namespace NewsParsing.Entities;

/// <summary>
/// The entity tagger: two <see cref="NerModel"/> passes over a whole document and the data their features read (word
/// clusters, the small and the large gazetteer). The first pass tags every sentence from local features; the second
/// tags them again with the first pass's labels of the same word elsewhere in the document
/// (<see cref="NerDocumentFeatures"/>).
/// </summary>
/// <remarks>
/// The weights ship as <c>ner-model.data.gz</c> (format <c>NER3</c>: the number of passes, then each pass's model, see
/// <see cref="NerModel.Write"/>), loaded lazily once; the clusters and gazetteers are their own embedded files.
/// </remarks>
internal sealed class NerTagger
{
    private const int Magic = 0x3352454E; // "NER3"

    private static readonly Lazy<NerTagger?> Embedded = new(LoadEmbedded);

    public NerTagger(NerModel first, NerModel? second, WordClusters clusters, LargeGazetteer names, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(first);
        if (second is not null && (second.Features & NerFeatureSet.Document) == 0)
        {
            throw new ArgumentException("The second pass must read the document features.", nameof(second));
        }

        First = first;
        Second = second;
        Clusters = clusters;
        Names = names;
        Gazetteer = gazetteer;
    }

    /// <summary>The tagger shipped in the package, or <see langword="null"/> when its weights are missing.</summary>
    public static NerTagger? Default => Embedded.Value;

    /// <summary>The first pass (local features only).</summary>
    public NerModel First { get; }

    /// <summary>The second pass (local and document features), or <see langword="null"/> for a one-pass tagger.</summary>
    public NerModel? Second { get; }

    public WordClusters Clusters { get; }

    public LargeGazetteer Names { get; }

    public Gazetteer Gazetteer { get; }

    /// <summary>The tagger's resources with other weights (training).</summary>
    public static NerTagger WithDefaultData(NerModel first, NerModel? second) =>
        new(first, second, WordClusters.Default, LargeGazetteer.Default, Gazetteer.Default);

    /// <summary>
    /// Reads the tokens <c>tokens[start..end)</c> of one sentence once: their hashes and clusters, large-gazetteer codes
    /// and small-gazetteer flags, into <paramref name="hashes"/> and <paramref name="flags"/> (indexed from 0).
    /// </summary>
    /// <returns>Whether the sentence is mostly capitals (a headline).</returns>
    public bool Prepare(string text, List<NerToken> tokens, int start, int end, Span<NerTokenHashes> hashes, Span<GazetteerFlags> flags) =>
        Prepare(text, tokens, start, end, hashes, flags, Clusters, Names, Gazetteer);

    /// <summary><see cref="Prepare(string, List{NerToken}, int, int, Span{NerTokenHashes}, Span{GazetteerFlags})"/> with
    /// the given data (training prepares its documents before there are weights).</summary>
    public static bool Prepare(string text, List<NerToken> tokens, int start, int end, Span<NerTokenHashes> hashes, Span<GazetteerFlags> flags,
        WordClusters clusters, LargeGazetteer names, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(names);
        var allCaps = NerFeatures.Prepare(text, tokens, start, end, hashes, clusters);
        names.Match(text, tokens, start, end, hashes);
        NerFeatures.Gazetteer(text, tokens, start, end, hashes, gazetteer, flags);
        return allCaps;
    }

    /// <summary>Tags a prepared document: every sentence with the first pass, then, when there is a second pass, every
    /// sentence again with the document features. <paramref name="tags"/> ends with the last pass's tags.
    /// <para>
    /// With a <paramref name="budget"/>, its clock and token are looked at before each sentence of each pass (a sentence
    /// takes microseconds, so a parse overshoots its budget by about one sentence, not by the whole pass). Past the budget
    /// in the first pass, only the sentences tagged so far count; in the second pass, the sentences it did not reach keep
    /// their first-pass tags (the first model's answer, without the document features).
    /// </para>
    /// </summary>
    /// <returns>How many sentences, from the first, have tags: all of them unless the budget ran out in the first pass.</returns>
    /// <exception cref="OperationCanceledException">The budget's token was cancelled.</exception>
    public int Tag(Span<NerTokenHashes> hashes, ReadOnlySpan<GazetteerFlags> flags, ReadOnlySpan<NerSentence> sentences, Span<int> tags, Span<int> firstPass, Span<uint> detail, NerDocumentTable table, ParseBudget? budget = null)
    {
        for (var k = 0; k < sentences.Length; k++)
        {
            if (budget is not null && budget.Check())
            {
                // Past the budget in the first pass: the sentences before k have their first-pass tags.
                var end = k == 0 ? 0 : sentences[k - 1].End;
                firstPass[..end].CopyTo(tags);
                return k;
            }

            var s = sentences[k];
            First.Predict(hashes[s.Start..s.End], flags[s.Start..s.End], s.AllCaps, firstPass[s.Start..s.End], Second is null ? default : detail[s.Start..s.End]);
        }

        if (Second is null || (budget is not null && budget.Check())) // no second pass, or no time for it
        {
            firstPass.CopyTo(tags);
            return sentences.Length;
        }

        NerDocumentFeatures.Compute(hashes, firstPass, detail, sentences, table);
        for (var k = 0; k < sentences.Length; k++)
        {
            if (budget is not null && budget.Check())
            {
                // Past the budget in the second pass: the sentences it did not reach keep the first pass's tags.
                firstPass[sentences[k].Start..].CopyTo(tags[sentences[k].Start..]);
                return sentences.Length;
            }

            var s = sentences[k];
            Second.Predict(hashes[s.Start..s.End], flags[s.Start..s.End], s.AllCaps, tags[s.Start..s.End]);
        }

        return sentences.Length;
    }

    /// <summary>Writes the passes' weights (gzip).</summary>
    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(Magic);
        writer.Write(Second is null ? 1 : 2);
        First.Write(writer);
        Second?.Write(writer);
    }

    /// <summary>Reads the weights written by <see cref="Save"/>; the data files are the embedded ones.</summary>
    public static NerTagger Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip);
        var passes = reader.ReadInt32() == Magic ? reader.ReadInt32() : -1;
        if (passes is not (1 or 2))
        {
            throw new InvalidDataException("The entity model has an unexpected format.");
        }

        var first = NerModel.Read(reader);
        var second = passes == 2 ? NerModel.Read(reader) : null;
        return WithDefaultData(first, second);
    }

    private static NerTagger? LoadEmbedded()
    {
        var stream = typeof(NerTagger).Assembly.GetManifestResourceStream("NewsParsing.Entities.ner-model.data.gz");
        if (stream is null)
        {
            return null;
        }

        using (stream)
        {
            return Load(stream);
        }
    }
}
