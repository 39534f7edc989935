namespace NewsParsing.Entities;

/// <summary>
/// Trains <see cref="NerModel"/> as an averaged perceptron: greedy decoding with the model's own previous tags (so
/// training sees what tagging sees), one update per wrong token, and lazily averaged weights.
/// </summary>
internal static class NerTrainer
{
    /// <summary>Trains one pass on the sentences of <paramref name="documents"/> with the feature groups
    /// <paramref name="features"/> (for <see cref="NerFeatureSet.Document"/>, the documents' hashes hold the document
    /// features); <paramref name="afterEpoch"/> sees the averaged model after each epoch. With
    /// <paramref name="namesDropout"/> &gt; 0, each large-gazetteer match is hidden from an update with that probability,
    /// so the weights cannot lean on the name lists alone: most people in CoNLL-2003 are in the US name lists, most in
    /// Azerbaijani news are not.</summary>
    public static NerModel Train(IReadOnlyList<NerDocument> documents, NerFeatureSet features, int epochs, int seed, uint hashSeed, Action<int, NerModel>? afterEpoch = null, double namesDropout = 0)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var size = NerModel.Buckets * NerModel.TagCount;
        var weights = new float[size];
        var totals = new double[size];
        var stamps = new int[size];
        var step = 1;
        var order = new List<(int Document, int Sentence)>();
        for (var d = 0; d < documents.Count; d++)
        {
            for (var k = 0; k < documents[d].Sentences.Length; k++)
            {
                order.Add((d, k));
            }
        }

        var shuffled = order.ToArray();
        var random = new Random(seed);
        var predicted = new int[256];
        var target = new int[256];
        var dropped = new NerTokenHashes[256];
        var dropRandom = new Random(seed + 1);
        Span<int> feature = stackalloc int[NerModel.MaxFeatures];
        Span<float> scores = stackalloc float[NerModel.TagCount];
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(shuffled);
            foreach (var (d, k) in shuffled)
            {
                var document = documents[d];
                var sentence = document.Sentences[k];
                ReadOnlySpan<NerTokenHashes> hashes = document.Hashes.AsSpan(sentence.Start..sentence.End);
                var flags = document.Flags.AsSpan(sentence.Start..sentence.End);
                if (predicted.Length < hashes.Length)
                {
                    predicted = new int[hashes.Length * 2];
                    target = new int[hashes.Length * 2];
                    dropped = new NerTokenHashes[hashes.Length * 2];
                }

                var gold = target.AsSpan(0, hashes.Length);
                NerModel.ToModelTags(document.Gold.AsSpan(sentence.Start..sentence.End), gold);

                if (namesDropout > 0)
                {
                    hashes = DropNames(hashes, dropped, dropRandom, namesDropout);
                }

                for (var i = 0; i < hashes.Length; i++)
                {
                    var n = NerFeatures.Extract(features, hashSeed, hashes, flags, sentence.AllCaps, i, i > 0 ? predicted[i - 1] : -1, i > 1 ? predicted[i - 2] : -1, feature);
                    scores.Clear();
                    for (var f = 0; f < n; f++)
                    {
                        var row = feature[f] * NerModel.TagCount;
                        for (var t = 0; t < NerModel.TagCount; t++)
                        {
                            scores[t] += weights[row + t];
                        }
                    }

                    var best = 0;
                    for (var t = 1; t < NerModel.TagCount; t++)
                    {
                        if (scores[t] > scores[best])
                        {
                            best = t;
                        }
                    }

                    if (best != gold[i] && gold[i] >= 0)
                    {
                        for (var f = 0; f < n; f++)
                        {
                            var row = feature[f] * NerModel.TagCount;
                            Update(row + gold[i], document.Weight);
                            Update(row + best, -document.Weight);
                        }
                    }

                    predicted[i] = best;
                    step++;
                }
            }

            afterEpoch?.Invoke(epoch, Averaged());
        }

        return Averaged();

        void Update(int k, float delta)
        {
            totals[k] += (step - stamps[k]) * (double)weights[k];
            stamps[k] = step;
            weights[k] += delta;
        }

        static ReadOnlySpan<NerTokenHashes> DropNames(ReadOnlySpan<NerTokenHashes> hashes, NerTokenHashes[] copy, Random random, double p)
        {
            var drop = false;
            for (var i = 0; i < hashes.Length; i++)
            {
                copy[i] = hashes[i];
                var place = hashes[i].Names & LargeGazetteer.Unit;
                if (place is LargeGazetteer.Begin or LargeGazetteer.Unit)
                {
                    drop = random.NextDouble() < p;
                }

                if (drop && place != 0)
                {
                    copy[i].Names = 0;
                }
            }

            return copy.AsSpan(0, hashes.Length);
        }

        NerModel Averaged()
        {
            var averaged = new float[size];
            for (var k = 0; k < size; k++)
            {
                var total = totals[k] + ((step - stamps[k]) * (double)weights[k]);
                averaged[k] = (float)(total / step);
            }

            return NerModel.FromDense(averaged, hashSeed, features);
        }
    }
}
