using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using NewsParsing.Tests.Infrastructure;
using NodaTime;
using Xunit.Abstractions;

namespace NewsParsing.Tests.Html;

/// <summary>HTML extraction against the fundus pages (title, authors, publication time, paragraphs) and the
/// article-extraction benchmark (token-level body precision, recall and F1).</summary>
public class HtmlEvaluationTests(ITestOutputHelper output)
{
    [EvalFact]
    public void Fundus_fields_match_their_gold()
    {
        int pages = 0, titles = 0, authors = 0, dates = 0, minutes = 0, bodies = 0;
        foreach (var meta in Directory.EnumerateFiles(Path.Combine(Paths.Eval, "html", "fundus"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var publisher = Path.GetFileNameWithoutExtension(meta);
            var folder = Path.GetDirectoryName(meta)!;
            var pagesOf = Directory.EnumerateFiles(folder, publisher + "_*.html.gz").Order(StringComparer.Ordinal).ToList();
            using var gold = JsonDocument.Parse(File.ReadAllText(meta));
            var entries = gold.RootElement.EnumerateObject().Select(p => p.Value).ToList();
            for (var k = 0; k < Math.Min(entries.Count, pagesOf.Count); k++)
            {
                var g = entries[k];
                using var stream = new GZipStream(File.OpenRead(pagesOf[k]), CompressionMode.Decompress);
                var article = NewsParser.ParseHtml(stream);
                pages++;
                var titleOk = Same(article.Headline, g.GetProperty("title").GetString());
                var goldAuthors = g.GetProperty("authors").EnumerateArray().Select(a => a.GetString()!.ToLowerInvariant()).Order().ToList();
                var ours = article.Authors.Select(a => a.Name.ToLowerInvariant()).ToList();
                if (article.Agency is { } agency)
                {
                    ours.AddRange(agency.Aliases.Select(x => x.ToLowerInvariant()).Where(x => goldAuthors.Contains(x)));
                }

                var authorsOk = goldAuthors.All(ours.Contains) && ours.Distinct().Count() >= goldAuthors.Count;
                var parsedGold = DateTimeOffset.MinValue;
                var hasGold = g.TryGetProperty("publishing_date", out var pd) && pd.ValueKind == JsonValueKind.String
                    && DateTimeOffset.TryParse(pd.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsedGold);
                var goldTime = Instant.FromDateTimeOffset(parsedGold);
                var dateOk = hasGold && article.PublishedAt?.ToInstant() == goldTime;

                // the same minute: the page may state a time to the second in one place and to the minute in another
                var minuteOk = hasGold && article.PublishedAt?.ToInstant() is { } ourTime
                    && ourTime.ToUnixTimeSeconds() / 60 == goldTime.ToUnixTimeSeconds() / 60;
                var goldParagraphs = g.GetProperty("body").GetProperty("sections").EnumerateArray()
                    .SelectMany(s => s.GetProperty("paragraphs").EnumerateArray().Select(p => Norm(p.GetString()!))).ToList();
                var ourParagraphs = article.Body.Paragraphs.Select(p => Norm(p.Text)).ToHashSet(StringComparer.Ordinal);
                if (article.Dateline is { } d && article.Body.Paragraphs.Length > 0)
                {
                    ourParagraphs.Add(Norm(d.Text + " " + article.Body.Paragraphs[0].Text));
                }

                var found = goldParagraphs.Count(ourParagraphs.Contains);
                var bodyOk = goldParagraphs.Count > 0 && found >= 0.9 * goldParagraphs.Count;
                titles += titleOk ? 1 : 0;
                authors += authorsOk ? 1 : 0;
                dates += dateOk ? 1 : 0;
                minutes += minuteOk ? 1 : 0;
                bodies += bodyOk ? 1 : 0;
                output.WriteLine($"{Path.GetFileName(pagesOf[k]),-40} title {Mark(titleOk)} authors {Mark(authorsOk)} date {Mark(dateOk)} body {found}/{goldParagraphs.Count}");
            }
        }

        output.WriteLine($"pages {pages}: title {titles}, authors {authors}, date {dates} (to the minute {minutes}), body (≥ 90 % of paragraphs) {bodies}");
        pages.Should().BeGreaterThan(10);
        ((double)titles / pages).Should().BeGreaterThanOrEqualTo(TitleFloor);
        ((double)authors / pages).Should().BeGreaterThanOrEqualTo(AuthorsFloor);
        ((double)dates / pages).Should().BeGreaterThanOrEqualTo(DateFloor);
        ((double)minutes / pages).Should().BeGreaterThanOrEqualTo(DateToTheMinuteFloor);
        ((double)bodies / pages).Should().BeGreaterThanOrEqualTo(BodyFloor);
    }

    // Of the 13 pages, the gold of three cannot be reached honestly: Euronews 2024's title is OpenGraph's against
    // JSON-LD, <h1> and <title>; AFP's authors include "AFP Deutschland", which the page never writes; Anadolu 2025's
    // date reads "05.04.2025" month first. The Japan News states 17:41:00 (meta) and 17:41:47 (JSON-LD), gold the first.
    private const double TitleFloor = 0.92; // measured 12/13
    private const double AuthorsFloor = 0.92; // measured 12/13
    private const double DateFloor = 0.84; // measured 11/13
    private const double DateToTheMinuteFloor = 0.92; // measured 12/13 (all but Anadolu 2025)
    private const double BodyFloor = 0.9; // measured 12/13

    [EvalFact]
    public void Article_extraction_benchmark_body_f1()
    {
        // Scored as benchmarks/html-side-by-side.sh does: per-page token precision, recall and F1 (white-space tokens
        // with multiplicity), averaged over the pages; pooled figures are printed too.
        var folder = Path.Combine(Paths.Eval, "html", "article-extraction-benchmark");
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "ground-truth.json")));
        double tp = 0, fp = 0, fn = 0, sumP = 0, sumR = 0, sumF = 0;
        var pages = 0;
        var low = new List<string>();
        foreach (var entry in truth.RootElement.EnumerateObject())
        {
            var path = Path.Combine(folder, "html", entry.Name + ".html.gz");
            if (!File.Exists(path))
            {
                continue;
            }

            using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            var article = NewsParser.ParseHtml(stream);
            var predicted = Tokens(string.Join(' ', article.Body.Paragraphs.Select(p => p.Text).Prepend(article.Dateline?.Text ?? "")));
            var gold = Tokens(entry.Value.GetProperty("articleBody").GetString() ?? "");
            var overlap = 0;
            foreach (var (token, count) in predicted)
            {
                overlap += Math.Min(count, gold.GetValueOrDefault(token));
            }

            var ours = predicted.Values.Sum();
            var theirs = gold.Values.Sum();
            tp += overlap;
            fp += ours - overlap;
            fn += theirs - overlap;
            var p = ours == 0 ? 0 : (double)overlap / ours;
            var r = theirs == 0 ? 0 : (double)overlap / theirs;
            var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            sumP += p;
            sumR += r;
            sumF += f;
            if (f < 0.5)
            {
                low.Add($"{entry.Name[..16]} F1 {f:F2}");
            }

            pages++;
        }

        var pooledP = tp / (tp + fp);
        var pooledR = tp / (tp + fn);
        output.WriteLine($"pages {pages}: per page P/R/F1 {sumP / pages:F3} / {sumR / pages:F3} / {sumF / pages:F3}, below F1 0.5: {low.Count}; "
            + $"pooled P/R/F1 {pooledP:F3} / {pooledR:F3} / {2 * pooledP * pooledR / (pooledP + pooledR):F3}");
        low.ForEach(output.WriteLine);
        pages.Should().BeGreaterThan(100);
        (sumF / pages).Should().BeGreaterThanOrEqualTo(F1Floor);
        (sumP / pages).Should().BeGreaterThanOrEqualTo(PrecisionFloor);
        low.Count.Should().BeLessThanOrEqualTo(MaxPagesBelowHalf);
    }

    private const double F1Floor = 0.97; // measured 0.977 with data tables, labelled related blocks and leading lines (181 pages, per-page mean)
    private const double PrecisionFloor = 0.965; // measured 0.977
    private const int MaxPagesBelowHalf = 0; // measured 0 (the last one, a blog page whose related posts outweighed its story, is fixed)

    private static Dictionary<string, int> Tokens(string text)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            d[t] = d.GetValueOrDefault(t) + 1;
        }

        return d;
    }

    private static bool Same(string? a, string? b) => a is not null && b is not null && Norm(a) == Norm(b);

    private static string Norm(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace('’', '\'').Replace('“', '"').Replace('”', '"');

    private static string Mark(bool ok) => ok ? "ok" : "--";
}
