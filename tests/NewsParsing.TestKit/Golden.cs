using System.Text;
using NewsParsing.Cli;

namespace NewsParsing.TestKit;

/// <summary>The golden files: the whole CLI output for each seed article, in <c>Golden/*.json</c>.</summary>
public static class Golden
{
    /// <summary>The golden folder in the test project.</summary>
    public static string Folder => Path.Combine(Paths.TestProject, "Golden");

    /// <summary>The seed files, by name.</summary>
    public static IEnumerable<string> Seeds => Directory.EnumerateFiles(Paths.Seeds, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>The golden file of a seed.</summary>
    public static string FileFor(string seed) => Path.Combine(Folder, Path.ChangeExtension(seed, ".json"));

    /// <summary>What <c>newsparse parse SEED --pretty</c> prints, with the seeds folder written as <c>seeds</c>.</summary>
    public static string Output(string seed) =>
        RunCli("parse", Path.Combine(Paths.Seeds, seed), "--pretty").Replace(Paths.Seeds, "seeds", StringComparison.Ordinal);

    /// <summary>Runs the CLI in process; throws when it exits with an error.</summary>
    public static string RunCli(params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stdin = new MemoryStream();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdin, stdout, stderr);
        if (code != 0)
        {
            throw new InvalidOperationException($"newsparse {string.Join(' ', args)} exited with {code}: {stderr}");
        }

        return Encoding.UTF8.GetString(stdout.ToArray());
    }
}
