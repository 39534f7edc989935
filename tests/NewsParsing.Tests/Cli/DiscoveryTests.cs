using System.Text;
using System.Text.Json;
using NewsParsing.Cli;

namespace NewsParsing.Tests.Cli;

/// <summary>Which files of a directory are articles (issue 19 item 3): by extension, case-insensitively, with
/// <c>--recursive</c> for subdirectories; other files are counted on stderr; no article at all is an error.</summary>
public class DiscoveryTests
{
    private const string Story = "LONDON, Feb 3 (Reuters) - Oil rose.";

    private static (int Code, string[] Sources, string Stderr) Run(params string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var code = CliApp.Run(args, new MemoryStream(), output, error);
        var sources = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("source").GetString()!).ToArray();
        return (code, sources, error.ToString());
    }

    private static DirectoryInfo Tree(params string[] files)
    {
        var dir = Directory.CreateTempSubdirectory("newsparse-discovery-");
        foreach (var file in files)
        {
            var path = Path.Combine(dir.FullName, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
                ? "<html><body><p>" + Story + "</p></body></html>" : Story);
        }

        return dir;
    }

    [Fact]
    public void Article_files_are_chosen_by_extension_in_any_case_and_the_others_are_counted()
    {
        var dir = Tree("a.txt", "B.TXT", "c.Html", "d.htm", "notes.md", "image.png", "sub/e.txt");
        try
        {
            var (code, sources, stderr) = Run("parse", dir.FullName);
            code.Should().Be(CliApp.ExitOk, stderr);
            sources.Select(Path.GetFileName).Should().Equal("B.TXT", "a.txt", "c.Html", "d.htm");
            stderr.Should().Contain("skipped 2 files");

            var (recursiveCode, recursive, _) = Run("parse", dir.FullName, "--recursive");
            recursiveCode.Should().Be(CliApp.ExitOk);
            recursive.Should().HaveCount(5).And.Contain(s => s.EndsWith("/sub/e.txt", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_input_with_no_article_is_an_error_with_a_message()
    {
        var dir = Tree("notes.md");
        try
        {
            var (code, sources, stderr) = Run("parse", dir.FullName);
            code.Should().Be(CliApp.ExitNoArticle);
            sources.Should().BeEmpty();
            stderr.Should().Contain("no article");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
