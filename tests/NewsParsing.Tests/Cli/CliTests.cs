using System.Text;
using System.Text.Json;
using NewsParsing.Cli;
using NewsParsing.Tests.Infrastructure;

namespace NewsParsing.Tests.Cli;

public class CliTests
{
    private static (int Code, string Stdout, string Stderr) Run(string stdin, params string[] args)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var code = CliApp.Run(args, input, output, error);
        return (code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    [Fact]
    public void A_directory_gives_one_json_line_per_txt_file_sorted_by_name()
    {
        var (code, stdout, _) = Run("", "parse", Paths.Seeds);
        code.Should().Be(0);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var expected = Directory.EnumerateFiles(Paths.Seeds, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        lines.Should().HaveCount(expected.Count);
        for (var i = 0; i < lines.Length; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            doc.RootElement.GetProperty("source").GetString().Should().EndWith("/" + expected[i]);
        }
    }

    [Fact]
    public void The_json_has_the_contract_fields_in_camel_case()
    {
        var (_, stdout, _) = Run("", "parse", Path.Combine(Paths.Seeds, "003_79742d6c168d962d.txt"));
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().ContainInOrder(
            "source", "published", "headline", "agency", "authors", "header", "dateline", "body", "trailer", "dates", "quantities", "entities", "diagnostics");
        root.GetProperty("published").GetString().Should().Be("2018-03-09");
        root.GetProperty("agency").GetString().Should().Be("azertac");
        var header = root.GetProperty("header");
        header.GetProperty("start").GetInt32().Should().Be(0);
        header.GetProperty("length").GetInt32().Should().Be(39);
        header.GetProperty("text").GetString().Should().Be(" date 2018-03-09 Baku, March 9, AZERTAC");
        var dateline = root.GetProperty("dateline");
        dateline.GetProperty("start").GetInt32().Should().Be(17);
        dateline.GetProperty("length").GetInt32().Should().Be(22);
        dateline.GetProperty("place").GetString().Should().Be("Baku");
        dateline.GetProperty("region").ValueKind.Should().Be(JsonValueKind.Null);
        dateline.GetProperty("date").GetString().Should().Be("2018-03-09");
        dateline.GetProperty("yearInferred").GetBoolean().Should().BeTrue();
        dateline.GetProperty("agency").GetString().Should().Be("azertac");
        var body = root.GetProperty("body");
        body.GetProperty("start").GetInt32().Should().Be(41);
        body.GetProperty("paragraphs")[0].GetProperty("start").GetInt32().Should().Be(41);
        body.GetProperty("paragraphs")[0].GetProperty("length").GetInt32().Should().Be(240);
        root.GetProperty("trailer").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Stdin_is_read_for_a_dash_and_published_fills_a_missing_date()
    {
        var (code, stdout, _) = Run("HOUSTON, Jan 27 (Reuters) - Oil rose.", "parse", "-", "--published", "2021-01-28");
        code.Should().Be(0);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("source").GetString().Should().Be("-");
        doc.RootElement.GetProperty("published").GetString().Should().Be("2021-01-28");
        doc.RootElement.GetProperty("dateline").GetProperty("date").GetString().Should().Be("2021-01-27");
        doc.RootElement.GetProperty("agency").GetString().Should().Be("reuters");
    }

    [Fact]
    public void A_missing_file_is_reported_and_the_run_goes_on_with_exit_code_1()
    {
        var (code, stdout, stderr) = Run("", "parse", "/no/such/file.txt", Path.Combine(Paths.Seeds, "000_d415100d04d07eeb.txt"));
        code.Should().Be(1);
        stderr.Should().Contain("/no/such/file.txt");
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1);
    }

    [Theory]
    [InlineData("parse")]
    [InlineData("parse", "--published", "yesterday", "x.txt")]
    [InlineData("parse", "--bogus", "x.txt")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_with_code_2(params string[] args)
    {
        var (code, stdout, stderr) = Run("", args);
        code.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().NotBeEmpty();
    }
}
