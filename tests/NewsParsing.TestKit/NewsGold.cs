using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;

namespace NewsParsing.TestKit;

/// <summary>A document of the hand-annotated news gold: its text (rebuilt from <c>../shared</c>), publication date
/// and split.</summary>
/// <param name="Name">The document name used in the gold files (<c>azernews/02_…</c>, <c>fundus/us_Reuters_V1</c>).</param>
/// <param name="Text">The text the offsets refer to.</param>
/// <param name="Published">The publication date, when the source gives one outside the text.</param>
/// <param name="Split"><c>dev</c> (tune on it) or <c>heldout</c> (only measure).</param>
public sealed record GoldDocument(string Name, string Text, LocalDate? Published, string Split);

/// <summary>A gold annotation: the span, a label and the rest of the columns.</summary>
/// <param name="Doc">The document name.</param>
/// <param name="Start">Zero-based UTF-16 offset.</param>
/// <param name="End">Exclusive end.</param>
/// <param name="Columns">The remaining columns, as written (type, fine type, surface; or a quantity's columns).</param>
public sealed record GoldSpan(string Doc, int Start, int End, string[] Columns);

/// <summary>
/// The project's own news gold: stand-off annotations in <c>tests/NewsParsing.Tests/Data/*.gold.tsv</c> over texts that
/// stay in <c>../shared</c> (the 20 AzerNews stories; the English fundus pages' gold article text). Dev: AzerNews 01–10,
/// fundus uk and jp; held out: AzerNews 11–20, fundus us.
/// </summary>
public static class NewsGold
{
    /// <summary>The test data folder.</summary>
    public static string DataFolder => Path.Combine(Paths.TestProject, "Data");

    /// <summary>Reads the stand-off rows of a gold file (comment lines start with <c>#</c>).</summary>
    public static List<GoldSpan> ReadSpans(string file)
    {
        var rows = new List<GoldSpan>();
        foreach (var line in File.ReadLines(Path.Combine(DataFolder, file)))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var c = line.Split('\t');
            rows.Add(new GoldSpan(c[0], int.Parse(c[1], CultureInfo.InvariantCulture), int.Parse(c[2], CultureInfo.InvariantCulture), c[3..]));
        }

        return rows;
    }

    /// <summary>Every gold document, its text rebuilt from <c>../shared/eval</c>.</summary>
    public static IEnumerable<GoldDocument> Documents()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Paths.Eval, "azernews"), "*.txt").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            var number = int.Parse(stem[..2], CultureInfo.InvariantCulture);
            yield return new GoldDocument("azernews/" + stem, File.ReadAllText(file), null, number <= 10 ? "dev" : "heldout");
        }

        foreach (var region in new[] { "jp", "uk", "us" })
        {
            foreach (var json in Directory.EnumerateFiles(Path.Combine(Paths.Eval, "html", "fundus", region), "*.json").Order(StringComparer.Ordinal))
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(json));
                foreach (var page in doc.RootElement.EnumerateObject())
                {
                    var name = $"fundus/{region}_{Path.GetFileNameWithoutExtension(json)}_{page.Name}";
                    yield return new GoldDocument(name, FundusText(page.Value), FundusDate(page.Value), region == "us" ? "heldout" : "dev");
                }
            }
        }
    }

    /// <summary>A fundus page's gold article text: title, summary paragraphs, then each section's headline and
    /// paragraphs, joined by blank lines.</summary>
    public static string FundusText(JsonElement page)
    {
        var parts = new List<string> { page.GetProperty("title").GetString() ?? "" };
        if (page.TryGetProperty("body", out var body))
        {
            if (body.TryGetProperty("summary", out var summary))
            {
                parts.AddRange(summary.EnumerateArray().Select(p => p.GetString() ?? ""));
            }

            if (body.TryGetProperty("sections", out var sections))
            {
                foreach (var section in sections.EnumerateArray())
                {
                    parts.AddRange(section.GetProperty("headline").EnumerateArray().Select(p => p.GetString() ?? ""));
                    parts.AddRange(section.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString() ?? ""));
                }
            }
        }

        var sb = new StringBuilder();
        foreach (var p in parts.Where(p => p.Length > 0))
        {
            sb.Append(sb.Length > 0 ? "\n\n" : "").Append(p);
        }

        return sb.ToString();
    }

    private static LocalDate? FundusDate(JsonElement page) =>
        page.TryGetProperty("publishing_date", out var d) && d.GetString() is { Length: >= 10 } s
            ? new LocalDate(int.Parse(s[..4], CultureInfo.InvariantCulture), int.Parse(s[5..7], CultureInfo.InvariantCulture), int.Parse(s[8..10], CultureInfo.InvariantCulture))
            : null;
}
