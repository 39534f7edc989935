using System.Text.Json;
using NewsParsing.Tests.Infrastructure;
using NodaTime.Text;
using Xunit.Abstractions;

namespace NewsParsing.Tests.Html;

/// <summary>Publication dates over the htmldate pages present, and titles, authors, dates and body snippets over the
/// trafilatura pages present (both Apache-2.0 benchmarks; the pages belong to their publishers).</summary>
public class HtmlMetadataEvaluationTests(ITestOutputHelper output)
{
    [EvalFact]
    public void Htmldate_publication_dates()
    {
        var folder = Path.Combine(Paths.Eval, "html", "htmldate");
        int pages = 0, right = 0;
        foreach (var file in new[] { "eval_default.json", "eval_mediacloud_2020.json" })
        {
            // The files come from Python and write missing values as NaN, which is not JSON.
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, file)).Replace(": NaN", ": null", StringComparison.Ordinal).Replace(":NaN", ":null", StringComparison.Ordinal));
            foreach (var entry in doc.RootElement.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.Object || !entry.Value.TryGetProperty("file", out var fileName) || fileName.ValueKind != JsonValueKind.String
                    || !entry.Value.TryGetProperty("date", out var goldDate) || goldDate.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                var html = Path.Combine(folder, "html", fileName.GetString()!);
                if (!File.Exists(html))
                {
                    continue;
                }

                pages++;
                var article = NewsParser.ParseHtml(File.OpenRead(html), entry.Name);
                var got = article.PublicationDate is { } d ? LocalDatePattern.Iso.Format(d) : "-";
                var gold = goldDate.GetString();
                right += got == gold ? 1 : 0;
                output.WriteLine($"{Path.GetFileName(html),-50} gold {gold} got {got}");
            }
        }

        output.WriteLine($"htmldate: {right}/{pages} publication dates right");
        pages.Should().BeGreaterThan(10);
        ((double)right / pages).Should().BeGreaterThanOrEqualTo(DateFloor);
    }

    private const double DateFloor = 0.65; // measured 15/22

    [EvalFact]
    public void Trafilatura_titles_authors_dates_and_snippets()
    {
        var folder = Path.Combine(Paths.Eval, "html", "trafilatura");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "evaldata.json")));
        int pages = 0, titles = 0, titled = 0, authors = 0, authored = 0, dates = 0, dated = 0, with = 0, withTotal = 0, without = 0, withoutTotal = 0;
        foreach (var entry in doc.RootElement.EnumerateObject())
        {
            var html = Path.Combine(folder, "html", entry.Value.GetProperty("file").GetString()!);
            if (!File.Exists(html))
            {
                continue;
            }

            pages++;
            var article = NewsParser.ParseHtml(File.OpenRead(html), entry.Name);
            var body = string.Join(' ', article.Body.Paragraphs.Select(p => p.Text).Prepend(article.Dateline?.Text ?? ""));
            if (entry.Value.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
            {
                titled++;
                titles += string.Equals(article.Headline?.Trim(), title.GetString()!.Trim(), StringComparison.Ordinal) ? 1 : 0;
            }

            if (entry.Value.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.String)
            {
                authored++;
                var names = author.GetString()!.Split([";", ","], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                authors += names.All(n => article.Authors.Any(a => a.Name.Contains(n, StringComparison.OrdinalIgnoreCase))) ? 1 : 0;
            }

            if (entry.Value.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String)
            {
                dated++;
                dates += article.PublicationDate is { } d && LocalDatePattern.Iso.Format(d) == date.GetString() ? 1 : 0;
            }

            foreach (var s in entry.Value.GetProperty("with").EnumerateArray())
            {
                withTotal++;
                with += body.Contains(s.GetString()!, StringComparison.Ordinal) ? 1 : 0;
            }

            foreach (var s in entry.Value.GetProperty("without").EnumerateArray())
            {
                withoutTotal++;
                without += body.Contains(s.GetString()!, StringComparison.Ordinal) ? 0 : 1;
            }
        }

        output.WriteLine($"trafilatura: {pages} pages; title {titles}/{titled}, authors {authors}/{authored}, date {dates}/{dated}, wanted snippets {with}/{withTotal}, unwanted snippets kept out {without}/{withoutTotal}");
        pages.Should().BeGreaterThan(10);
        ((double)with / withTotal).Should().BeGreaterThanOrEqualTo(SnippetFloor);
    }

    private const double SnippetFloor = 0.5; // measured 29/56
}
