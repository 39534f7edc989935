using System.IO.Compression;

namespace NewsParsing.Entities;

/// <summary>
/// A greedy left-to-right averaged-perceptron tagger over hashed features (BIO tags for PER, LOC, ORG, MISC). Features
/// are hashed straight from the characters of the tokens (FNV-1a over lower-cased chars), so tagging creates no
/// strings; the weights are a dense float table of <see cref="Buckets"/> × <see cref="TagCount"/>, shipped sparse and
/// quantised in <c>ner-model.data.gz</c>.
/// </summary>
internal sealed class NerModel
{
    public const int Buckets = 1 << 19;
    public const int TagCount = 9;
    public const int MaxFeatures = 48;

    /// <summary>The tags, in model order.</summary>
    public static readonly string[] Tags = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];

    private static readonly Lazy<NerModel?> Embedded = new(LoadEmbedded);

    public NerModel(float[] weights)
    {
        Weights = weights;
    }

    /// <summary>The weights: <c>Weights[bucket * TagCount + tag]</c>.</summary>
    public float[] Weights { get; }

    /// <summary>The model shipped in the package, or <see langword="null"/> when the resource is missing.</summary>
    public static NerModel? Default => Embedded.Value;

    /// <summary>Tags one sentence greedily; <paramref name="tags"/> receives a tag index per token.</summary>
    public void Predict(string text, List<NerToken> tokens, ReadOnlySpan<GazetteerFlags> gazetteer, bool allCaps, Span<int> tags)
    {
        Span<int> features = stackalloc int[MaxFeatures];
        Span<float> scores = stackalloc float[TagCount];
        for (var i = 0; i < tokens.Count; i++)
        {
            var n = NerFeatures.Extract(text, tokens, gazetteer, allCaps, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, features);
            scores.Clear();
            for (var f = 0; f < n; f++)
            {
                var row = features[f] * TagCount;
                for (var t = 0; t < TagCount; t++)
                {
                    scores[t] += Weights[row + t];
                }
            }

            var best = 0;
            for (var t = 1; t < TagCount; t++)
            {
                if (scores[t] > scores[best])
                {
                    best = t;
                }
            }

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

    /// <summary>Writes the weights sparse and quantised: the rows with any weight, as int32 bucket + int16 × tags.</summary>
    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        var max = 0f;
        foreach (var w in Weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        var scale = max > 0 ? 32000f / max : 1f;
        writer.Write(0x4E45524D); // "NERM"
        writer.Write(Buckets);
        writer.Write(TagCount);
        writer.Write(scale);
        var rows = 0;
        for (var b = 0; b < Buckets; b++)
        {
            if (RowIsUsed(b, scale))
            {
                rows++;
            }
        }

        writer.Write(rows);
        for (var b = 0; b < Buckets; b++)
        {
            if (!RowIsUsed(b, scale))
            {
                continue;
            }

            writer.Write(b);
            for (var t = 0; t < TagCount; t++)
            {
                writer.Write((short)Math.Round(Weights[(b * TagCount) + t] * scale));
            }
        }
    }

    /// <summary>Reads weights written by <see cref="Save"/>.</summary>
    public static NerModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip);
        if (reader.ReadInt32() != 0x4E45524D || reader.ReadInt32() != Buckets || reader.ReadInt32() != TagCount)
        {
            throw new InvalidDataException("The entity model has an unexpected format.");
        }

        var scale = reader.ReadSingle();
        var rows = reader.ReadInt32();
        var weights = new float[Buckets * TagCount];
        for (var r = 0; r < rows; r++)
        {
            var b = reader.ReadInt32();
            for (var t = 0; t < TagCount; t++)
            {
                weights[(b * TagCount) + t] = reader.ReadInt16() / scale;
            }
        }

        return new NerModel(weights);
    }

    private bool RowIsUsed(int bucket, float scale)
    {
        for (var t = 0; t < TagCount; t++)
        {
            if (Math.Abs(Weights[(bucket * TagCount) + t] * scale) >= 0.5f)
            {
                return true;
            }
        }

        return false;
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
