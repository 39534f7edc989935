using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NewsParsing.Entities;

/// <summary>
/// One pass of the entity tagger (<see cref="NerTagger"/>): a greedy left-to-right averaged perceptron over hashed
/// features, with BILOU tags for PER, LOC, ORG, MISC. Features are hashed straight from the characters of the tokens, so
/// tagging creates no strings.
/// </summary>
/// <remarks>
/// Of the <see cref="Buckets"/> feature buckets only the ones training gave a weight are stored (about 80,000 of
/// 1,048,576): a bitmap interleaved with a running count per 64 buckets (256 KB, stays in the L2 cache) maps a bucket
/// to its row in a packed table of 16-bit weights (about 2.7 MB). A dense float table of all buckets was 18.9 MB with BIO
/// tags; profiling showed the tagger spent most of its time waiting on cache and TLB misses into it. Scores are summed as
/// integers, so tagging is exact with respect to the quantised weights shipped in <c>ner-model.data.gz</c>.
/// </remarks>
internal sealed class NerModel
{
    public const int Buckets = 1 << 20;
    /// <summary>The model's tags: O, then B, I, L and U (begin, inside, last, unit) of PER, LOC, ORG and MISC. The
    /// model decides where a name ends as well as where it starts (Ratinov &amp; Roth's BILOU), which a greedy tagger
    /// cannot see in BIO; callers read and write BIO (<see cref="Tags"/>).</summary>
    public const int TagCount = 17;
    public const int MaxFeatures = 96;

    /// <summary>The BIO tags callers see, in order: 0 is O, 2k − 1 is B- and 2k is I- of type k (PER, LOC, ORG, MISC).</summary>
    public static readonly string[] Tags = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

    private readonly ulong[] _index;   // per word k of 64 buckets: [2k] bit b set if bucket 64k + b has a row, [2k + 1] rows before word k
    private readonly short[] _weights; // row-major, TagCount per row
    private readonly int _unit8;       // 8 units of perceptron weight in score units (Confidence)

    private NerModel(ulong[] used, short[] weights, float scale, uint hashSeed, NerFeatureSet features)
    {
        HashSeed = hashSeed;
        Features = features;
        _weights = weights;
        Scale = scale;
        _unit8 = (int)Math.Min(int.MaxValue / 32, 8 * scale);
        _index = new ulong[2 * used.Length];
        var rows = 0;
        for (var k = 0; k < used.Length; k++)
        {
            _index[2 * k] = used[k];
            _index[(2 * k) + 1] = (ulong)rows;
            rows += BitOperations.PopCount(used[k]);
        }

        if (rows * TagCount != weights.Length)
        {
            throw new InvalidDataException("The entity model's bitmap and weight table disagree.");
        }
    }

    /// <summary>
    /// Quantises dense weights (<c>dense[bucket * TagCount + tag]</c>, trained with the feature groups
    /// <paramref name="features"/> hashed with <paramref name="hashSeed"/>) the way they are shipped.
    /// </summary>
    public static NerModel FromDense(float[] dense, uint hashSeed, NerFeatureSet features)
    {
        ArgumentNullException.ThrowIfNull(dense);
        if (dense.Length != Buckets * TagCount)
        {
            throw new ArgumentException($"Expected {Buckets * TagCount} weights.", nameof(dense));
        }

        var max = 0f;
        foreach (var w in dense)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        var scale = max > 0 ? 32000f / max : 1f;
        var used = new ulong[Buckets / 64];
        var rows = new List<short>();
        for (var b = 0; b < Buckets; b++)
        {
            var any = false;
            for (var t = 0; t < TagCount && !any; t++)
            {
                any = Math.Abs(dense[(b * TagCount) + t] * scale) >= 0.5f;
            }

            if (!any)
            {
                continue;
            }

            used[b >> 6] |= 1UL << (b & 63);
            for (var t = 0; t < TagCount; t++)
            {
                rows.Add((short)Math.Round(dense[(b * TagCount) + t] * scale));
            }
        }

        return new NerModel(used, [.. rows], scale, hashSeed, features);
    }

    /// <summary>The seed the features were hashed with (<see cref="NerFeatures.Extract"/>).</summary>
    public uint HashSeed { get; }

    /// <summary>The feature groups the model was trained with.</summary>
    public NerFeatureSet Features { get; }

    /// <summary>Integer weight units per unit of perceptron weight.</summary>
    public float Scale { get; }

    /// <summary>The number of buckets with weights.</summary>
    public int Rows => _weights.Length / TagCount;

    /// <summary>The entity type (1–4) of a model tag, 0 for O.</summary>
    public static int TypeOf(int tag) => (tag + 3) >> 2;

    /// <summary>The BIO tag of a model tag: B and U begin a name, I and L continue one.</summary>
    public static int ToBio(int tag) => tag == 0 ? 0 : (2 * TypeOf(tag)) - (((tag - 1) & 3) is 0 or 3 ? 1 : 0);

    /// <summary>The model tags of a sentence's BIO tags (a -1, unknown, stays -1 and ends nothing).</summary>
    public static void ToModelTags(ReadOnlySpan<int> bio, Span<int> tags)
    {
        for (var i = 0; i < bio.Length; i++)
        {
            var t = bio[i];
            if (t <= 0)
            {
                tags[i] = t;
                continue;
            }

            var type = (t + 1) / 2;
            var continues = i + 1 < bio.Length && bio[i + 1] == 2 * type; // the next is I- of the same type
            var begins = t % 2 == 1;
            tags[i] = (4 * type) - 3 + (begins ? (continues ? 0 : 3) : (continues ? 1 : 2));
        }
    }

    /// <summary>Tags one sentence of prepared token hashes greedily; <paramref name="tags"/> gets BIO tags
    /// (<see cref="ToBio"/>). When <paramref name="detail"/> is not empty, it gets each token's model tag, runner-up and
    /// margin (<see cref="Detail"/>).</summary>
    /// <remarks>Each token takes its best tag whatever came before: forcing I or L after B (as BILOU reads) cost 2 points
    /// of F1 on CoNLL valid, since one wrong B then drags the next words into the name. A B with no L, or an I after O,
    /// still reads as a name in BIO (<see cref="ConllCorpus.Chunks(ReadOnlySpan{int})"/>).</remarks>
    public void Predict(ReadOnlySpan<NerTokenHashes> hashes, ReadOnlySpan<GazetteerFlags> gazetteer, bool allCaps, Span<int> tags, Span<uint> detail = default)
    {
        Span<int> features = stackalloc int[MaxFeatures];
        Span<int> scores = stackalloc int[TagCount];
        var details = !detail.IsEmpty;
        int previous = -1, previous2 = -1; // model tags, for the features
        for (var i = 0; i < hashes.Length; i++)
        {
            var n = NerFeatures.Extract(Features, HashSeed, hashes, gazetteer, allCaps, i, previous, previous2, features);
            Score(features[..n], scores);
            int best;
            if (details)
            {
                best = Choose(scores, out var second, out var margin);
                detail[i] = Detail(best, second, margin);
            }
            else
            {
                best = 0;
                for (var t = 1; t < TagCount; t++)
                {
                    best = scores[t] > scores[best] ? t : best;
                }
            }

            tags[i] = ToBio(best);
            (previous2, previous) = (previous, best);
        }
    }

    /// <summary>The best tag (the first on ties), the runner-up and the margin between their scores.</summary>
    public static int Choose(ReadOnlySpan<int> scores, out int second, out int margin)
    {
        int best = 0, runnerUp = -1;
        for (var t = 1; t < TagCount; t++)
        {
            if (scores[t] > scores[best])
            {
                runnerUp = best;
                best = t;
            }
            else if (runnerUp < 0 || scores[t] > scores[runnerUp])
            {
                runnerUp = t;
            }
        }

        second = runnerUp;
        margin = scores[best] - scores[runnerUp];
        return best;
    }

    /// <summary>A token's model tag (bits 0–4), runner-up (bits 5–9) and the margin of the winner over it (bits 10–12):
    /// 0 under 8 units of perceptron weight (one update of one feature is a unit), 1, 2, 3, 4 under 16, 32, 64 and 128
    /// units, 5 beyond. On CoNLL valid, the first pass wins most tokens by 64 to 256 units and one in 50 by less than 32.</summary>
    private uint Detail(int best, int second, int margin)
    {
        var unit8 = _unit8;
        var bin = margin < unit8 ? 0u : margin < 2 * unit8 ? 1u : margin < 4 * unit8 ? 2u : margin < 8 * unit8 ? 3u : margin < 16 * unit8 ? 4u : 5u;
        return (uint)best | ((uint)second << 5) | (bin << 10);
    }

    /// <summary>The scores of every tag for one token's features.</summary>
    public void Score(ReadOnlySpan<int> features, Span<int> scores)
    {
        var a = Vector128<int>.Zero;
        var b = Vector128<int>.Zero;
        var c = Vector128<int>.Zero;
        var d = Vector128<int>.Zero;
        var last = 0;
        ref var index = ref MemoryMarshal.GetArrayDataReference(_index);
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        foreach (var feature in features)
        {
            // The bitmap word and its running count sit side by side: one cache line, not two.
            var word = (nuint)((uint)feature >> 6) * 2;
            var bits = Unsafe.Add(ref index, word);
            var bit = feature & 63;
            if (((bits >> bit) & 1) == 0)
            {
                continue; // a feature training never weighted
            }

            var row = (int)Unsafe.Add(ref index, word + 1) + BitOperations.PopCount(bits & ((1UL << bit) - 1));
            var offset = (nuint)(row * TagCount);
            var first = Vector128.LoadUnsafe(ref weights, offset);
            var next = Vector128.LoadUnsafe(ref weights, offset + 8);
            a += Vector128.WidenLower(first);
            b += Vector128.WidenUpper(first);
            c += Vector128.WidenLower(next);
            d += Vector128.WidenUpper(next);
            last += Unsafe.Add(ref weights, offset + 16);
        }

        a.CopyTo(scores);
        b.CopyTo(scores[4..]);
        c.CopyTo(scores[8..]);
        d.CopyTo(scores[12..]);
        scores[16] = last;
    }

    /// <summary>Writes the model: a header (buckets, tags, hash seed, feature groups, scale, rows), then the used rows as
    /// int32 bucket + int16 × tags.</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Buckets);
        writer.Write(TagCount);
        writer.Write(HashSeed);
        writer.Write((int)Features);
        writer.Write(Scale);
        writer.Write(Rows);
        var row = 0;
        for (var b = 0; b < Buckets; b++)
        {
            if (((_index[2 * (b >> 6)] >> (b & 63)) & 1) == 0)
            {
                continue;
            }

            writer.Write(b);
            for (var t = 0; t < TagCount; t++)
            {
                writer.Write(_weights[(row * TagCount) + t]);
            }

            row++;
        }
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    public static NerModel Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadInt32() != Buckets || reader.ReadInt32() != TagCount)
        {
            throw new InvalidDataException("The entity model has an unexpected format.");
        }

        var hashSeed = reader.ReadUInt32();
        var features = (NerFeatureSet)reader.ReadInt32();
        var scale = reader.ReadSingle();
        var rows = reader.ReadInt32();
        if (rows < 0 || rows > Buckets)
        {
            throw new InvalidDataException("The entity model has an unexpected row count.");
        }

        var used = new ulong[Buckets / 64];
        var weights = new short[rows * TagCount];
        var previous = -1;
        for (var r = 0; r < rows; r++)
        {
            var b = reader.ReadInt32();
            if (b <= previous || b >= Buckets)
            {
                throw new InvalidDataException("The entity model's rows are not in bucket order.");
            }

            previous = b;
            used[b >> 6] |= 1UL << (b & 63);
            for (var t = 0; t < TagCount; t++)
            {
                weights[(r * TagCount) + t] = reader.ReadInt16();
            }
        }

        return new NerModel(used, weights, scale, hashSeed, features);
    }
}
