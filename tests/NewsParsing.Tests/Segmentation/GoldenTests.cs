using System.Text;
using NewsParsing.Cli;
using NewsParsing.Tests.Infrastructure;

namespace NewsParsing.Tests.Segmentation;

/// <summary>
/// The whole CLI output for each seed article, compared with <c>Golden/*.json</c>. Rewrite them with
/// <c>NEWSPARSING_UPDATE_GOLDEN=1 dotnet test</c> and review the diff.
/// </summary>
public class GoldenTests
{
    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Paths.Seeds, "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_output_matches_its_golden_file(string seed)
    {
        var json = RunCli("parse", Path.Combine(Paths.Seeds, seed), "--pretty").Replace(Paths.Seeds, "seeds", StringComparison.Ordinal);
        var golden = Path.Combine(Paths.TestProject, "Golden", Path.ChangeExtension(seed, ".json"));
        if (Paths.UpdateGolden || !File.Exists(golden))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, json);
        }

        json.Should().Be(File.ReadAllText(golden), $"the output for {seed} should equal its golden file (NEWSPARSING_UPDATE_GOLDEN=1 rewrites it)");
        ArticleInvariants.Check(NewsParser.Parse(File.ReadAllText(Path.Combine(Paths.Seeds, seed))));
    }

    internal static string RunCliOnText(string text)
    {
        using var stdout = new MemoryStream();
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var stderr = new StringWriter();
        CliApp.Run(["parse", "-", "--published", "1987-03-04"], stdin, stdout, stderr).Should().Be(0, stderr.ToString());
        return Encoding.UTF8.GetString(stdout.ToArray());
    }

    internal static string RunCli(params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stdin = new MemoryStream();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdin, stdout, stderr);
        code.Should().Be(0, stderr.ToString());
        return Encoding.UTF8.GetString(stdout.ToArray());
    }
}
