namespace NewsParsing.Entities;

/// <summary>
/// Trains <see cref="NerModel"/> as an averaged perceptron: greedy decoding with the model's own previous tags (so
/// training sees what tagging sees), one update per wrong token, and lazily averaged weights.
/// </summary>
internal static class NerTrainer
{
    public static NerModel Train(List<ConllSentence> train, int epochs, int seed, uint hashSeed, Action<int, NerModel>? afterEpoch = null)
    {
        var size = NerModel.Buckets * NerModel.TagCount;
        var weights = new float[size];
        var totals = new double[size];
        var stamps = new int[size];
        var step = 1;
        var gazetteer = Gazetteer.Default;
        var hashes = new NerTokenHashes[train.Count][];
        var caps = new bool[train.Count];
        var flags = new GazetteerFlags[train.Count][];
        for (var k = 0; k < train.Count; k++)
        {
            var s = train[k];
            hashes[k] = new NerTokenHashes[s.Tokens.Count];
            caps[k] = NerFeatures.Prepare(s.Text, s.Tokens, hashes[k]);
            flags[k] = new GazetteerFlags[s.Tokens.Count];
            NerFeatures.Gazetteer(s.Text, s.Tokens, hashes[k], gazetteer, flags[k]);
        }

        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(seed);
        Span<int> features = stackalloc int[NerModel.MaxFeatures];
        Span<float> scores = stackalloc float[NerModel.TagCount];
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var index in order)
            {
                var s = train[index];
                var predicted = new int[s.Tokens.Count];
                for (var i = 0; i < s.Tokens.Count; i++)
                {
                    var n = NerFeatures.Extract(hashSeed, hashes[index], flags[index], caps[index], i, i > 0 ? predicted[i - 1] : -1, i > 1 ? predicted[i - 2] : -1, features);
                    scores.Clear();
                    for (var f = 0; f < n; f++)
                    {
                        var row = features[f] * NerModel.TagCount;
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

                    var gold = s.Gold[i];
                    if (best != gold)
                    {
                        for (var f = 0; f < n; f++)
                        {
                            var row = features[f] * NerModel.TagCount;
                            Update(row + gold, 1f);
                            Update(row + best, -1f);
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

        NerModel Averaged()
        {
            var averaged = new float[size];
            for (var k = 0; k < size; k++)
            {
                var total = totals[k] + ((step - stamps[k]) * (double)weights[k]);
                averaged[k] = (float)(total / step);
            }

            return NerModel.FromDense(averaged, hashSeed);
        }
    }
}
