using System.Diagnostics;
using System.Globalization;
using NewsParsing.Entities;

// Reproducible training of the entity tagger (docs/entities.md; the steps are in TaggerCommand):
//   dotnet run -c Release --project src/NewsParsing.Training -- ../shared/eval/conll2003/train.txt ../shared/eval/conll2003/valid.txt src/NewsParsing/Entities/ner-model.data.gz [epochs] [hash seeds] [options]
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

return NewsParsing.Training.TaggerCommand.Run(args);
