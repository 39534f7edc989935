using System.Reflection;
using NewsParsing.Model;

namespace NewsParsing.Tests.Docs;

/// <summary>Every stable diagnostic code the library can report has a row in <c>docs/diagnostics.md</c>'s table, and
/// the table has no row for a code that does not exist.</summary>
public sealed class DiagnosticCodeDocsTests
{
    [Fact]
    public void Every_code_has_one_row_in_the_diagnostics_table()
    {
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        codes.Should().Contain("NP0001").And.Contain("NP0033", "the HTML codes are codes too");

        var table = File.ReadAllLines(Path.Combine(Paths.RepoRoot, "docs", "diagnostics.md"));
        var start = Array.FindIndex(table, l => l.StartsWith("| code |", StringComparison.Ordinal));
        start.Should().BeGreaterThanOrEqualTo(0, "the page has a table of codes");

        // The rows of the one table: they end at the first line that is not a table row (a blank line would split it).
        var rows = table.Skip(start + 2).TakeWhile(l => l.StartsWith('|')).ToList();
        var documented = rows.Select(r => r.Split('|', StringSplitOptions.TrimEntries)[1]).ToList();

        documented.Should().OnlyHaveUniqueItems();
        documented.Should().BeEquivalentTo(codes, "each code the library reports is documented once, in one table");
    }
}
