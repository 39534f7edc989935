using System.Diagnostics;
using System.Globalization;
using NewsParsing.Entities;

// Reproducible training of the entity tagger (docs/entities.md):
//   dotnet run -c Release --project src/NewsParsing.Training -- ../shared/eval/conll2003/train.txt ../shared/eval/conll2003/valid.txt src/NewsParsing/Entities/ner-model.data.gz [epochs]
// Trains on train.txt, prints conlleval scores on valid.txt after each epoch, and writes the weights of the best epoch.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: NewsParsing.Training TRAIN VALID OUTPUT [EPOCHS]");
    return 2;
}

var epochs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 12;
var watch = Stopwatch.StartNew();
var train = ConllCorpus.Read(args[0]);
var valid = ConllCorpus.Read(args[1]);
Console.WriteLine($"train: {train.Count} sentences, {train.Sum(s => s.Tokens.Count)} tokens; valid: {valid.Count} sentences");
NerModel? best = null;
var bestF1 = -1.0;
var bestEpoch = 0;
NerTrainer.Train(train, epochs, seed: 20261122, (epoch, model) =>
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

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best epoch {bestEpoch}: valid F1 {bestF1:F2}; wrote {args[2]} ({new FileInfo(args[2]).Length / 1024} KB)"));
return 0;
