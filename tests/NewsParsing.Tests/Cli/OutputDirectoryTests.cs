using System.Text;
using System.Text.Json;
using NewsParsing.Cli;

namespace NewsParsing.Tests.Cli;

/// <summary>Issue 19, CLI discovery: <c>.jsonl</c> files in files mode (read as <c>--input-format jsonl</c> reads
/// standard input) and <c>--output DIR</c> (one <c>.json</c> file per article, one <c>.jsonl</c> per JSON Lines input).</summary>
public sealed class OutputDirectoryTests : IDisposable
{
    private const string Story = "LONDON, Feb 3 (Reuters) - Oil rose.";
    private const string Page = "<html><head><title>Oil rose</title></head><body><p>" + Story + "</p></body></html>";

    // Three records: a text, a page and a line that is not JSON (an error record, exit 1).
    private static readonly string Lines =
        "{\"id\":\"t1\",\"text\":\"PARIS, Feb 4 (Reuters) - Gold fell 2 pct.\",\"published\":\"1987-02-04\"}\n"
        + "{\"id\":\"h2\",\"html\":" + JsonSerializer.Serialize(Page) + "}\n"
        + "not json\n";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("newsparse-output-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Run(string stdin, params string[] args)
    {
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var code = CliApp.Run(args, new MemoryStream(Encoding.UTF8.GetBytes(stdin)), output, error);
        return (code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    private static string[] Field(string jsonLines, string name) =>
        [.. jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty(name).ToString())];

    [Fact]
    public void A_jsonl_file_argument_gives_what_the_same_lines_give_on_standard_input()
    {
        var file = Write("in/batch.jsonl", Lines);

        var fromStdin = Run(Lines, "parse", "--input-format", "jsonl", "--parallel", "2");
        var fromFile = Run("", "parse", file, "--parallel", "2");

        fromStdin.Code.Should().Be(CliApp.ExitSomeFailed, "the third line is not JSON");
        fromFile.Code.Should().Be(fromStdin.Code, fromFile.Stderr);
        fromFile.Stdout.Should().Be(fromStdin.Stdout);
        Field(fromFile.Stdout, "id").Should().Equal("t1", "h2", "3");
        fromFile.Stderr.Should().Contain("batch.jsonl' line 3:");
    }

    [Fact]
    public void A_jsonl_file_in_a_directory_keeps_its_place_in_the_input_order()
    {
        Write("d/a.txt", Story);
        Write("d/b.jsonl", Lines[..Lines.IndexOf("not json", StringComparison.Ordinal)]);
        Write("d/c.html", Page);
        Write("d/notes.md", "not an article");

        var (code, stdout, stderr) = Run("", "parse", Path.Combine(_root.FullName, "d"), "--parallel", "2");

        code.Should().Be(CliApp.ExitOk, stderr);
        Field(stdout, "source").Select(s => s.Replace(_root.FullName, "", StringComparison.Ordinal))
            .Should().Equal("/d/a.txt", "t1", "h2", "/d/c.html");
        stderr.Should().Contain("skipped 1 file").And.Contain(".jsonl");
    }

    [Fact]
    public void Output_writes_one_json_file_per_article_and_one_jsonl_per_jsonl_input_at_their_relative_paths()
    {
        Write("d/a.txt", Story);
        Write("d/sub/b.html", Page);
        Write("d/c.jsonl", Lines);
        var dir = Path.Combine(_root.FullName, "d");
        var outDir = Path.Combine(_root.FullName, "out");

        var toStdout = Run("", "parse", dir, "--recursive");
        var (code, stdout, stderr) = Run("", "parse", dir, "--recursive", "--output", outDir, "--parallel", "2");

        code.Should().Be(toStdout.Code).And.Be(CliApp.ExitSomeFailed, "c.jsonl's third line is not JSON");
        stdout.Should().BeEmpty();
        stderr.Should().Contain("wrote 3 files to '" + outDir + "'");
        Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(outDir, f).Replace('\\', '/')).Order(StringComparer.Ordinal)
            .Should().Equal("a.json", "c.jsonl", "sub/b.json");

        // Each file holds what standard output held for its input: a.txt's line, c.jsonl's three lines, b.html's line.
        var lines = toStdout.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(5);
        File.ReadAllText(Path.Combine(outDir, "a.json")).Should().Be(lines[0] + "\n");
        File.ReadAllText(Path.Combine(outDir, "c.jsonl")).Should().Be(lines[1] + "\n" + lines[2] + "\n" + lines[3] + "\n");
        File.ReadAllText(Path.Combine(outDir, "sub", "b.json")).Should().Be(lines[4] + "\n");
    }

    [Fact]
    public void Output_of_standard_input_in_jsonl_mode_is_stdin_jsonl()
    {
        var outDir = Path.Combine(_root.FullName, "out");
        var toStdout = Run(Lines, "parse", "--input-format", "jsonl");
        var (code, stdout, stderr) = Run(Lines, "parse", "--input-format", "jsonl", "--output", outDir);

        code.Should().Be(toStdout.Code);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("wrote 1 file to");
        File.ReadAllText(Path.Combine(outDir, "stdin.jsonl")).Should().Be(toStdout.Stdout);
    }

    [Fact]
    public void Output_refuses_two_inputs_with_one_output_file_before_writing_anything()
    {
        Write("d/a.txt", Story);
        Write("d/a.html", Page);
        var outDir = Path.Combine(_root.FullName, "out");

        var (code, stdout, stderr) = Run("", "parse", Path.Combine(_root.FullName, "d"), "--output", outDir);

        code.Should().Be(CliApp.ExitUsage);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("would both be written to").And.Contain("a.json");
        Directory.Exists(outDir).Should().BeFalse();
    }

    [Fact]
    public void Output_refuses_to_overwrite_a_jsonl_input()
    {
        var input = Write("d/c.jsonl", Lines);

        var (code, _, stderr) = Run("", "parse", input, "--output", Path.Combine(_root.FullName, "d"));

        code.Should().Be(CliApp.ExitUsage);
        stderr.Should().Contain("would overwrite the input");
        File.ReadAllText(input).Should().Be(Lines);
    }

    [Fact]
    public void Output_that_is_a_file_is_a_usage_error()
    {
        var input = Write("a.txt", Story);

        var (code, _, stderr) = Run("", "parse", input, "--output", input);

        code.Should().Be(CliApp.ExitUsage);
        stderr.Should().Contain("must be a directory");
        File.ReadAllText(input).Should().Be(Story);
    }

    [Theory]
    [InlineData("a.txt", false, "a.json")]
    [InlineData("x/b.HTML.GZ", false, "x/b.json")]
    [InlineData("c.htm", false, "c.json")]
    [InlineData("d.jsonl", true, "d.jsonl")]
    [InlineData("notes", false, "notes.json")]
    [InlineData("stdin", false, "stdin.json")]
    public void Output_names_replace_the_article_extension(string relative, bool jsonLines, string expected) =>
        OutputFiles.NameFor(relative, jsonLines).Should().Be(expected);
}
