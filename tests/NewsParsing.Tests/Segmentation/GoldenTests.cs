using System.Text;
using NewsParsing.Cli;
using NewsParsing.Tests.Infrastructure;

namespace NewsParsing.Tests.Segmentation;

/// <summary>
/// The whole CLI output for each seed article, compared with <c>Golden/*.json</c>. A missing golden file fails; rewrite
/// them with <c>dotnet run --project tests/tools -- rewrite-golden</c> and review the diff.
/// </summary>
public class GoldenTests
{
    public static TheoryData<string> Seeds() => [.. Golden.Seeds];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Seed_output_matches_its_golden_file(string seed)
    {
        var golden = Golden.FileFor(seed);
        File.Exists(golden).Should().BeTrue($"every seed needs a reviewed golden file ({golden}); write it with 'dotnet run --project tests/tools -- rewrite-golden' and review it");
        Golden.Output(seed).Should().Be(File.ReadAllText(golden), $"the output for {seed} should equal its golden file");
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

    internal static string RunCli(params string[] args) => Golden.RunCli(args);
}
