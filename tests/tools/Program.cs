using NewsParsing;
using NewsParsing.TestKit;

// Rewrites the expectations the tests compare with, from the current output. A person runs it, then reviews every
// changed line as a diff (git diff) and keeps only intended answers; known gaps in spec files are never rewritten.
//   dotnet run --project tests/tools -- rewrite-specs [FOLDER...]   spec files (all folders by default)
//   dotnet run --project tests/tools -- rewrite-golden              Golden/*.json for the seeds
//   dotnet run --project tests/tools -- approve-api                 PublicApi.approved.txt
//   dotnet run --project tests/tools -- gaps                        lists the known gaps of the spec files
var command = args.Length > 0 ? args[0] : "help";
switch (command)
{
    case "rewrite-specs":
        var folders = args.Length > 1 ? args[1..] : [.. SpecSuites.Folders];
        foreach (var folder in folders)
        {
            var changed = SpecRewriter.RewriteFolder(folder, Console.Out);
            Console.WriteLine($"{folder}: {changed} expectation(s) rewritten; review them with git diff");
        }

        return 0;
    case "rewrite-golden":
        Directory.CreateDirectory(Golden.Folder);
        foreach (var seed in Golden.Seeds)
        {
            File.WriteAllText(Golden.FileFor(seed), Golden.Output(seed));
            Console.WriteLine($"wrote {Golden.FileFor(seed)}");
        }

        return 0;
    case "approve-api":
        File.WriteAllText(PublicApi.ApprovedFile, PublicApi.Dump(typeof(NewsParser).Assembly));
        Console.WriteLine($"wrote {PublicApi.ApprovedFile}; review it with git diff");
        return 0;
    case "gaps":
        var total = 0;
        foreach (var folder in SpecSuites.Folders)
        {
            foreach (var gap in SpecFile.ReadFolder(folder).Where(e => e.KnownGap is not null))
            {
                Console.WriteLine($"{gap}: {gap.KnownGap}");
                total++;
            }
        }

        Console.WriteLine($"{total} known gap(s)");
        return 0;
    default:
        Console.Error.WriteLine("usage: dotnet run --project tests/tools -- rewrite-specs [FOLDER...] | rewrite-golden | approve-api | gaps");
        return command == "help" ? 0 : 2;
}
