using System.Diagnostics;
using System.Globalization;
using NewsParsing.Entities;

// Reproducible training of the entity tagger (docs/entities.md):
//   dotnet run -c Release --project src/NewsParsing.Training -- ../shared/eval/conll2003/train.txt ../shared/eval/conll2003/valid.txt src/NewsParsing/Entities/ner-model.data.gz [epochs] [hash seeds]
// 1. Hash seed: the features are hashed into buckets, and which features share a bucket moves F1 by a few tenths. Each
//    candidate seed (0 .. hash seeds - 1) is trained on nine tenths of train.txt and scored on the held-out tenth
//    (every tenth sentence), so valid.txt plays no part in the choice.
// 2. Trains on all of train.txt with the chosen seed, prints conlleval scores on valid.txt after each epoch, and writes
//    the weights of the best epoch.
// Two subcommands build data for the tagger from other sources (docs/entities.md):
//   clusters OUTPUT [options]    Brown word clusters of unlabeled text (ClusterCommand)
//   gazetteers OUTPUT [options]  place, person and company names (GazetteerCommand)
switch (args.FirstOrDefault())
{
    case "clusters":
        return NewsParsing.Training.ClusterCommand.Run(args[1..]);
    case "gazetteers":
        return NewsParsing.Training.GazetteerCommand.Run(args[1..]);
}

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: NewsParsing.Training TRAIN VALID OUTPUT [EPOCHS] [HASH_SEEDS]");
    Console.Error.WriteLine("       NewsParsing.Training clusters OUTPUT [--shared ../shared] [--clusters 1000] [--min-count 3]");
    Console.Error.WriteLine("       NewsParsing.Training gazetteers OUTPUT [--shared ../shared]");
    return 2;
}

const int ShuffleSeed = 20261122;
var epochs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 12;
var seeds = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 1;
var watch = Stopwatch.StartNew();
var train = ConllCorpus.Read(args[0]);
var valid = ConllCorpus.Read(args[1]);
Console.WriteLine($"train: {train.Count} sentences, {train.Sum(s => s.Tokens.Count)} tokens; valid: {valid.Count} sentences");

var hashSeed = 0u;
if (seeds > 1)
{
    var fit = train.Where((_, i) => i % 10 != 9).ToList();
    var heldOut = train.Where((_, i) => i % 10 == 9).ToList();
    var bestHeldOut = -1.0;
    for (var candidate = 0u; candidate < seeds; candidate++)
    {
        var f1 = -1.0;
        NerTrainer.Train(fit, epochs, ShuffleSeed, candidate, (_, model) => f1 = Math.Max(f1, ConllCorpus.Score(ConllCorpus.Predict(model, heldOut))["overall"].F1));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hash seed {candidate}: held-out train F1 {f1:F2} [{watch.Elapsed.TotalSeconds:F0}s]"));
        if (f1 > bestHeldOut)
        {
            (bestHeldOut, hashSeed) = (f1, candidate);
        }
    }
}

NerModel? best = null;
var bestF1 = -1.0;
var bestEpoch = 0;
NerTrainer.Train(train, epochs, ShuffleSeed, hashSeed, (epoch, model) =>
{
    var scores = ConllCorpus.Score(ConllCorpus.Predict(model, valid));
    var overall = scores["overall"];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"epoch {epoch}: valid F1 {overall.F1:F2} (P {overall.P:F2} R {overall.R:F2}) PER {scores["PER"].F1:F2} LOC {scores["LOC"].F1:F2} ORG {scores["ORG"].F1:F2} MISC {scores["MISC"].F1:F2} [{watch.Elapsed.TotalSeconds:F0}s]"));
    if (overall.F1 > bestF1)
    {
        (best, bestF1, bestEpoch) = (model, overall.F1, epoch);
    }
});

using (var output = File.Create(args[2]))
{
    best!.Save(output);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"hash seed {hashSeed}, best epoch {bestEpoch}: valid F1 {bestF1:F2}; {best.Rows} rows; wrote {args[2]} ({new FileInfo(args[2]).Length / 1024} KB)"));
return 0;
