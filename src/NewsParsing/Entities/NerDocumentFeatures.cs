using System.Numerics;

namespace NewsParsing.Entities;

/// <summary>A sentence of a document: tokens <c>[Start, End)</c> of the document's token arrays, and whether most of its
/// letters are capitals (<see cref="NerFeatures.Prepare"/>).</summary>
internal readonly record struct NerSentence(int Start, int End, bool AllCaps);

/// <summary>
/// The second pass's non-local features (Ratinov &amp; Roth 2009, "extended prediction history" and "two-stage prediction
/// aggregation"): after the first pass has tagged every sentence of a document, each word learns what the first pass
/// said about the same lower-cased word elsewhere in the document, and how that word is written elsewhere. A headline's
/// <c>JAPAN</c> or a sentence-initial <c>Hasanov</c> then sees that the body tagged <c>Japan</c> a place and
/// <c>Zakir Hasanov</c> a person, and that <c>Will</c> is written <c>will</c> in mid-sentence.
/// </summary>
/// <remarks>
/// Training computes these from first-pass predictions made by cross-validation folds over the training documents, so the
/// second pass learns from first-pass mistakes like those it will meet. Only words that start with a letter take part.
/// </remarks>
internal static class NerDocumentFeatures
{
    // Per word, NerDocumentTable.Counts holds the first-pass type counts O, PER, LOC, ORG, MISC, then these two.
    private const int CapitalisedMid = 5;
    private const int LowerCase = 6;

    /// <summary>
    /// Sets <see cref="NerTokenHashes.FirstPass"/>, <see cref="NerTokenHashes.FirstConfidence"/>, <see cref="NerTokenHashes.DocumentLabel"/>,
    /// <see cref="NerTokenHashes.DocumentHistory"/> and <see cref="NerTokenHashes.DocumentCase"/> of every token of a
    /// document from the first pass's tags.
    /// </summary>
    public static void Compute(Span<NerTokenHashes> hashes, ReadOnlySpan<int> firstPass, ReadOnlySpan<uint> detail, ReadOnlySpan<NerSentence> sentences, NerDocumentTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Begin(hashes.Length);
        var entryOf = table.EntryOf;
        var ownCase = table.OwnCase;

        // Forward: count, and read the earlier occurrences' labels before adding each word's own.
        foreach (var sentence in sentences)
        {
            var caseless = Caseless(hashes, sentence);
            var initial = true;
            for (var i = sentence.Start; i < sentence.End; i++)
            {
                ref var h = ref hashes[i];
                h.FirstPass = (detail[i] & 31) + 1; // the model tag (BILOU)
                h.FirstConfidence = detail[i] >> 5;
                var shape = h.ShapeClass;
                if (shape is not (1 or 2 or 4))
                {
                    entryOf[i] = -1;
                    h.DocumentLabel = h.DocumentHistory = h.DocumentCase = 0;
                    continue;
                }

                // 0 capitalised in mid-sentence, 1 capitalised first word, 2 in a headline (case says little), 3 lower case
                var own = shape == 4 ? 3 : caseless ? 2 : initial ? 1 : 0;
                initial = false;
                var entry = table.Add(h.Lower);
                entryOf[i] = entry;
                ownCase[i] = (byte)own;
                var counts = table.Counts(entry);
                h.DocumentHistory = Majority(counts, -1);
                counts[(firstPass[i] + 1) / 2]++;
                counts[CapitalisedMid] += own == 0 ? 1 : 0;
                counts[LowerCase] += own == 3 ? 1 : 0;
            }
        }

        // Then every other occurrence: the totals less the word's own.
        for (var i = 0; i < hashes.Length; i++)
        {
            var entry = entryOf[i];
            if (entry < 0)
            {
                continue;
            }

            ref var h = ref hashes[i];
            var counts = table.Counts(entry);
            var own = ownCase[i];
            h.DocumentLabel = Majority(counts, (firstPass[i] + 1) / 2);
            var capitalisedElsewhere = counts[CapitalisedMid] - (own == 0 ? 1 : 0) > 0;
            var lowerElsewhere = counts[LowerCase] - (own == 3 ? 1 : 0) > 0;
            h.DocumentCase = 1 + ((uint)own * 4) + (capitalisedElsewhere ? 1u : 0u) + (lowerElsewhere ? 2u : 0u);
        }
    }

    /// <summary>The majority first-pass type among the counted occurrences, less one of type <paramref name="self"/>
    /// (-1: none): 0 when there is none, else 1 + type × 3 + (2 unanimous, 1 a majority, 0 a plurality). Ties go to the
    /// name types in PER, LOC, ORG, MISC order before O.</summary>
    private static uint Majority(ReadOnlySpan<int> counts, int self)
    {
        var total = 0;
        var best = -1;
        var bestCount = 0;
        for (var t = 1; t <= 5; t++)
        {
            var type = t % 5; // 1, 2, 3, 4, then 0 (O)
            var c = counts[type] - (type == self ? 1 : 0);
            total += c;
            if (c > bestCount)
            {
                (best, bestCount) = (type, c);
            }
        }

        if (total == 0)
        {
            return 0;
        }

        var strength = bestCount == total ? 2u : 2 * bestCount > total ? 1u : 0u;
        return 1 + ((uint)best * 3) + strength;
    }

    /// <summary>Whether a sentence's capitals say little about names: most letters are capitals, or it is in title case
    /// (three or more words and at least three in four capitalised, as headlines are written).</summary>
    private static bool Caseless(ReadOnlySpan<NerTokenHashes> hashes, NerSentence sentence)
    {
        if (sentence.AllCaps)
        {
            return true;
        }

        int words = 0, capitalised = 0;
        for (var i = sentence.Start; i < sentence.End; i++)
        {
            var shape = hashes[i].ShapeClass;
            if (shape is 1 or 2 or 4)
            {
                words++;
                capitalised += shape == 4 ? 0 : 1;
            }
        }

        return capitalised >= 3 && capitalised * 4 >= words * 3;
    }
}

/// <summary>
/// The scratch table of <see cref="NerDocumentFeatures"/>: per distinct lower-cased word of a document (keyed by its
/// <see cref="NerTokenHashes.Lower"/> hash, open addressing) the first pass's type counts and how it was written.
/// Reused across documents: <see cref="Begin"/> clears only the part a document needs; a parse's table lives in the
/// workspace's entity buffers.
/// </summary>
internal sealed class NerDocumentTable
{
    private const int Stride = 8;
    private uint[] _keys = [];
    private int[] _slots = [];
    private int[] _counts = [];
    private int[] _entryOf = [];
    private byte[] _ownCase = [];
    private int _mask;
    private int _entries;

    /// <summary>Per token of the document: its word's entry, -1 for a token that takes no part.</summary>
    public Span<int> EntryOf => _entryOf;

    /// <summary>Per token: how the word is written there (see <see cref="NerDocumentFeatures.Compute"/>).</summary>
    public Span<byte> OwnCase => _ownCase;

    /// <summary>Empties the table for a document of <paramref name="tokens"/> tokens.</summary>
    public void Begin(int tokens)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, 2 * tokens));
        if (_keys.Length < size)
        {
            _keys = new uint[size];
            _slots = new int[size];
        }
        else
        {
            _keys.AsSpan(0, size).Clear();
        }

        if (_counts.Length < tokens * Stride)
        {
            _counts = new int[Math.Max(64, tokens) * Stride];
        }

        if (_entryOf.Length < tokens)
        {
            _entryOf = new int[Math.Max(64, tokens)];
            _ownCase = new byte[_entryOf.Length];
        }

        _mask = size - 1;
        _entries = 0;
    }

    /// <summary>The entry of a word (its lower-case hash), added with zero counts when new.</summary>
    public int Add(uint key)
    {
        key = key == 0 ? 1 : key; // 0 marks an empty slot
        var at = (int)((key * 0x9E3779B1u) >> 7) & _mask;
        while (true)
        {
            var k = _keys[at];
            if (k == key)
            {
                return _slots[at];
            }

            if (k == 0)
            {
                _keys[at] = key;
                var entry = _entries++;
                _slots[at] = entry;
                _counts.AsSpan(entry * Stride, Stride).Clear();
                return entry;
            }

            at = (at + 1) & _mask;
        }
    }

    /// <summary>The counts of an entry.</summary>
    public Span<int> Counts(int entry) => _counts.AsSpan(entry * Stride, Stride);

    /// <summary>Applies the workspace's retention rule to the table's arrays.</summary>
    public void Retain()
    {
        ParseWorkspace.Retain(ref _keys);
        ParseWorkspace.Retain(ref _slots);
        ParseWorkspace.Retain(ref _counts);
        ParseWorkspace.Retain(ref _entryOf);
        ParseWorkspace.Retain(ref _ownCase);
    }
}
