using System.Diagnostics;
using System.Globalization;
using NewsParsing.Entities;

namespace NewsParsing.Training;

/// <summary>
/// Trains the entity tagger's two passes (docs/entities.md "The tagger"):
/// <list type="number">
/// <item>Hash seed (optional): each candidate seed trains the first pass on nine tenths of the training documents and is
/// scored on the held-out tenth, so valid.txt plays no part in the choice.</item>
/// <item>First pass: trained on all training documents; valid.txt is scored after each epoch and the best epoch kept.</item>
/// <item>Cross-validation: the training documents are split into folds; a first pass trained on the other folds for the
/// same number of epochs tags each fold, so every training document gets first-pass labels made without it.</item>
/// <item>Second pass: its document features come from those labels (and, for valid.txt, from the first pass of step 2);
/// trained on all training documents, scored on valid.txt after each epoch, best epoch kept.</item>
/// </list>
/// Every step is deterministic: fixed shuffle seeds, and folds that run in parallel write only their own documents.
/// </summary>
internal static class TaggerCommand
{
    private const int ShuffleSeed = 20261122;

    public static int Run(string[] args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        string[] known = ["features", "folds", "uner", "crossner", "second-epochs", "names-dropout", "uner-partial", "extra-weight", "hash-seed"];
        if (positional.Count < 3 || options.Keys.Any(k => !known.Contains(k)))
        {
            Console.Error.WriteLine("usage: NewsParsing.Training TRAIN VALID OUTPUT [EPOCHS=12] [HASH_SEEDS=1] [--features clusters,names,document]");
            Console.Error.WriteLine("           [--names-dropout 0.5] [--folds 5] [--second-epochs 10] [--hash-seed K]");
            Console.Error.WriteLine("           [--uner FILE.iob2[,FILE...] [--uner-partial yes]] [--crossner FILE[,FILE...]] [--extra-weight 1]");
            return 2;
        }

        var epochs = positional.Count > 3 ? int.Parse(positional[3], CultureInfo.InvariantCulture) : 12;
        var seeds = positional.Count > 4 ? int.Parse(positional[4], CultureInfo.InvariantCulture) : 1;
        var secondEpochs = options.TryGetValue("second-epochs", out var se) ? int.Parse(se, CultureInfo.InvariantCulture) : 10;
        var folds = options.TryGetValue("folds", out var fo) ? int.Parse(fo, CultureInfo.InvariantCulture) : 5;
        var dropout = options.TryGetValue("names-dropout", out var nd) ? double.Parse(nd, CultureInfo.InvariantCulture) : 0.5;
        var groups = options.TryGetValue("features", out var fs) ? fs : "clusters,names,document";
        var local = NerFeatureSet.Local;
        var document = false;
        foreach (var g in groups.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (g)
            {
                case "clusters":
                    local |= NerFeatureSet.Clusters;
                    break;
                case "names":
                    local |= NerFeatureSet.Names;
                    break;
                case "document":
                    document = true;
                    break;
                case "local":
                    break;
                default:
                    Console.Error.WriteLine($"unknown feature group: {g}");
                    return 2;
            }
        }

        var watch = Stopwatch.StartNew();
        var sources = new List<List<ConllSentence>>(ConllCorpus.ReadDocuments(positional[0]));
        var conllCount = sources.Count;
        var partial = options.TryGetValue("uner-partial", out var up) && up == "yes";
        if (options.TryGetValue("uner", out var uner))
        {
            foreach (var file in uner.Split(','))
            {
                sources.AddRange(ExtraCorpora.ReadUner(file, partial));
            }
        }

        if (options.TryGetValue("crossner", out var crossner))
        {
            foreach (var file in crossner.Split(','))
            {
                sources.AddRange(ExtraCorpora.ReadCrossNer(file));
            }
        }

        var extraWeight = options.TryGetValue("extra-weight", out var ew) ? float.Parse(ew, CultureInfo.InvariantCulture) : 1f;
        var train = sources.Select((d, i) => NerDocument.Prepare(d, i < conllCount ? 1f : extraWeight)).ToList();
        var valid = ConllCorpus.ReadDocuments(positional[1]).Select(d => NerDocument.Prepare(d)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"train: {train.Count} documents ({conllCount} CoNLL), {train.Sum(d => d.Sentences.Length)} sentences, {train.Sum(d => d.Tokens)} tokens; valid: {valid.Count} documents; first pass {local}{(document ? ", second pass" : "")}; names dropout {dropout} [{watch.Elapsed.TotalSeconds:F0}s]"));

        var hashSeed = options.TryGetValue("hash-seed", out var hs) ? uint.Parse(hs, CultureInfo.InvariantCulture) : 0u;
        if (seeds > 1)
        {
            var fit = train.Where((_, i) => i % 10 != 9).ToList();
            var heldOut = train.Where((_, i) => i % 10 == 9).ToList();
            var bestHeldOut = -1.0;
            for (var candidate = 0u; candidate < seeds; candidate++)
            {
                var f1 = -1.0;
                NerTrainer.Train(fit, local, epochs, ShuffleSeed, candidate, (_, model) => f1 = Math.Max(f1, Overall(ConllCorpus.Predict(model, heldOut))), dropout);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hash seed {candidate}: held-out train F1 {f1:F2} [{watch.Elapsed.TotalSeconds:F0}s]"));
                if (f1 > bestHeldOut)
                {
                    (bestHeldOut, hashSeed) = (f1, candidate);
                }
            }
        }

        var (first, firstEpoch, firstF1) = Best("first pass", train, valid, local, epochs, hashSeed, dropout, watch);
        NerModel? second = null;
        var secondEpoch = 0;
        var f1Final = firstF1;
        if (document)
        {
            // First-pass labels of every training document from a model that did not see it.
            var firstPass = new int[train.Count][];
            var detail = new uint[train.Count][];
            Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(folds, Environment.ProcessorCount) }, fold =>
            {
                var fit = train.Where((_, i) => i % folds != fold).ToList();
                var model = NerTrainer.Train(fit, local, firstEpoch, ShuffleSeed, hashSeed, namesDropout: dropout);
                for (var i = fold; i < train.Count; i += folds)
                {
                    (firstPass[i], detail[i]) = Tag(model, train[i]);
                }
            });
            var table = new NerDocumentTable();
            for (var i = 0; i < train.Count; i++)
            {
                NerDocumentFeatures.Compute(train[i].Hashes, firstPass[i], detail[i], train[i].Sentences, table);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cross-validated first pass ({folds} folds, {firstEpoch} epochs): train F1 {Overall(Pairs(train, firstPass)):F2} [{watch.Elapsed.TotalSeconds:F0}s]"));
            foreach (var d in valid)
            {
                var (tags, details) = Tag(first, d);
                NerDocumentFeatures.Compute(d.Hashes, tags, details, d.Sentences, table);
            }

            (second, secondEpoch, f1Final) = Best("second pass", train, valid, NerFeatureSet.Document, secondEpochs, hashSeed, dropout, watch);
        }

        var tagger = NerTagger.WithDefaultData(first, second);
        using (var output = File.Create(positional[2]))
        {
            tagger.Save(output);
        }

        var scores = ConllCorpus.Score(ConllCorpus.Predict(tagger, ConllCorpus.ReadDocuments(positional[1]).Select(d => NerDocument.Prepare(d)).ToList()));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hash seed {hashSeed}, first pass epoch {firstEpoch} ({first.Rows} rows){(second is null ? "" : $", second pass epoch {secondEpoch} ({second.Rows} rows)")}: valid F1 {scores["overall"].F1:F2} (training said {f1Final:F2}); wrote {positional[2]} ({new FileInfo(positional[2]).Length / 1024} KB)"));
        return 0;
    }

    /// <summary>Trains one pass, scoring valid after each epoch; the best epoch's model.</summary>
    private static (NerModel Model, int Epoch, double F1) Best(string name, List<NerDocument> train, List<NerDocument> valid, NerFeatureSet features, int epochs, uint hashSeed, double dropout, Stopwatch watch)
    {
        NerModel? best = null;
        var bestF1 = -1.0;
        var bestEpoch = 0;
        NerTrainer.Train(train, features, epochs, ShuffleSeed, hashSeed, (epoch, model) =>
        {
            var scores = ConllCorpus.Score(ConllCorpus.Predict(model, valid));
            var overall = scores["overall"];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} epoch {epoch}: valid F1 {overall.F1:F2} (P {overall.P:F2} R {overall.R:F2}) PER {scores["PER"].F1:F2} LOC {scores["LOC"].F1:F2} ORG {scores["ORG"].F1:F2} MISC {scores["MISC"].F1:F2} [{watch.Elapsed.TotalSeconds:F0}s]"));
            if (overall.F1 > bestF1)
            {
                (best, bestF1, bestEpoch) = (model, overall.F1, epoch);
            }
        }, dropout);
        return (best!, bestEpoch, bestF1);
    }

    private static (int[] Tags, uint[] Detail) Tag(NerModel model, NerDocument d)
    {
        var tags = new int[d.Tokens];
        var detail = new uint[d.Tokens];
        foreach (var s in d.Sentences)
        {
            model.Predict(d.Hashes.AsSpan(s.Start..s.End), d.Flags.AsSpan(s.Start..s.End), s.AllCaps, tags.AsSpan(s.Start..s.End), detail.AsSpan(s.Start..s.End));
        }

        return (tags, detail);
    }

    private static List<(int[] Gold, int[] Predicted)> Pairs(List<NerDocument> docs, int[][] tags)
    {
        var pairs = new List<(int[], int[])>();
        for (var i = 0; i < docs.Count; i++)
        {
            foreach (var s in docs[i].Sentences)
            {
                pairs.Add((docs[i].Gold[s.Start..s.End], tags[i][s.Start..s.End]));
            }
        }

        return pairs;
    }

    private static double Overall(List<(int[] Gold, int[] Predicted)> pairs) => ConllCorpus.Score(pairs)["overall"].F1;
}
