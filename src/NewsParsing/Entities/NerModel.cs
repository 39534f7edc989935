using System.IO.Compression;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NewsParsing.Entities;

/// <summary>
/// A greedy left-to-right averaged-perceptron tagger over hashed features (BIO tags for PER, LOC, ORG, MISC). Features
/// are hashed straight from the characters of the tokens, so tagging creates no strings.
/// </summary>
/// <remarks>
/// Of the <see cref="Buckets"/> feature buckets only the ones training gave a weight are stored (about 80,000 of
/// 1,048,576): a bitmap with a running count per 64 buckets (128 KB, stays in the L2 cache) maps a bucket to its row in a
/// packed table of 16-bit weights (about 1.4 MB). A dense float table of all buckets was 18.9 MB; profiling showed the
/// tagger spent most of its time waiting on cache and TLB misses into it. Scores are summed as integers, so tagging is
/// exact with respect to the quantised weights shipped in <c>ner-model.data.gz</c>.
/// </remarks>
internal sealed class NerModel
{
    public const int Buckets = 1 << 20;
    public const int TagCount = 9;
    public const int MaxFeatures = 48;
    private const int Magic = 0x3252454E; // "NER2"

    /// <summary>The tags, in model order.</summary>
    public static readonly string[] Tags = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

    private static readonly Lazy<NerModel?> Embedded = new(LoadEmbedded);

    private readonly ulong[] _used;    // bit b of word b >> 6: bucket b has a row
    private readonly int[] _rank;      // rows before word k
    private readonly short[] _weights; // row-major, TagCount per row

    private NerModel(ulong[] used, short[] weights, float scale, uint hashSeed)
    {
        HashSeed = hashSeed;
        _used = used;
        _weights = weights;
        Scale = scale;
        _rank = new int[used.Length];
        var rows = 0;
        for (var k = 0; k < used.Length; k++)
        {
            _rank[k] = rows;
            rows += BitOperations.PopCount(used[k]);
        }

        if (rows * TagCount != weights.Length)
        {
            throw new InvalidDataException("The entity model's bitmap and weight table disagree.");
        }
    }

    /// <summary>
    /// Quantises dense weights (<c>dense[bucket * TagCount + tag]</c>, trained with features hashed with
    /// <paramref name="hashSeed"/>) the way they are shipped.
    /// </summary>
    public static NerModel FromDense(float[] dense, uint hashSeed)
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

        return new NerModel(used, [.. rows], scale, hashSeed);
    }

    /// <summary>The model shipped in the package, or <see langword="null"/> when the resource is missing.</summary>
    public static NerModel? Default => Embedded.Value;

    /// <summary>The seed the features were hashed with (<see cref="NerFeatures.Extract"/>).</summary>
    public uint HashSeed { get; }

    /// <summary>Integer weight units per unit of perceptron weight.</summary>
    public float Scale { get; }

    /// <summary>The number of buckets with weights.</summary>
    public int Rows => _weights.Length / TagCount;

    /// <summary>Tags one sentence of prepared token hashes greedily.</summary>
    public void Predict(ReadOnlySpan<NerTokenHashes> hashes, ReadOnlySpan<GazetteerFlags> gazetteer, bool allCaps, Span<int> tags)
    {
        Span<int> features = stackalloc int[MaxFeatures];
        for (var i = 0; i < hashes.Length; i++)
        {
            var n = NerFeatures.Extract(HashSeed, hashes, gazetteer, allCaps, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, features);
            var best = Best(features[..n]);

            // BIO: an I- tag may only continue the same type.
            if (best % 2 == 0 && best > 0)
            {
                var previous = i > 0 ? tags[i - 1] : 0;
                if (previous == 0 || (previous + 1) / 2 != best / 2)
                {
                    best--;
                }
            }

            tags[i] = best;
        }
    }

    /// <summary>The highest-scoring tag for one token's features (the first on ties).</summary>
    public int Best(ReadOnlySpan<int> features)
    {
        var low = Vector128<int>.Zero;
        var high = Vector128<int>.Zero;
        var last = 0;
        ref var used = ref MemoryMarshal.GetArrayDataReference(_used);
        ref var rank = ref MemoryMarshal.GetArrayDataReference(_rank);
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        foreach (var feature in features)
        {
            var word = (nuint)((uint)feature >> 6);
            var bits = Unsafe.Add(ref used, word);
            var bit = feature & 63;
            if (((bits >> bit) & 1) == 0)
            {
                continue; // a feature training never weighted
            }

            var row = Unsafe.Add(ref rank, word) + BitOperations.PopCount(bits & ((1UL << bit) - 1));
            var offset = (nuint)(row * TagCount);
            var eight = Vector128.LoadUnsafe(ref weights, offset);
            low += Vector128.WidenLower(eight);
            high += Vector128.WidenUpper(eight);
            last += Unsafe.Add(ref weights, offset + 8);
        }

        Span<int> scores = stackalloc int[TagCount];
        low.CopyTo(scores);
        high.CopyTo(scores[4..]);
        scores[8] = last;
        var best = 0;
        for (var t = 1; t < TagCount; t++)
        {
            if (scores[t] > scores[best])
            {
                best = t;
            }
        }

        return best;
    }

    /// <summary>Writes the model: a header (format, buckets, tags, hash seed, scale, rows), then the used rows as int32 bucket + int16 × tags, gzip-compressed.</summary>
    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(Magic);
        writer.Write(Buckets);
        writer.Write(TagCount);
        writer.Write(HashSeed);
        writer.Write(Scale);
        writer.Write(Rows);
        var row = 0;
        for (var b = 0; b < Buckets; b++)
        {
            if (((_used[b >> 6] >> (b & 63)) & 1) == 0)
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

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static NerModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip);
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != Buckets || reader.ReadInt32() != TagCount)
        {
            throw new InvalidDataException("The entity model has an unexpected format.");
        }

        var hashSeed = reader.ReadUInt32();
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

        return new NerModel(used, weights, scale, hashSeed);
    }

    private static NerModel? LoadEmbedded()
    {
        var stream = typeof(NerModel).Assembly.GetManifestResourceStream("NewsParsing.Entities.ner-model.data.gz");
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
