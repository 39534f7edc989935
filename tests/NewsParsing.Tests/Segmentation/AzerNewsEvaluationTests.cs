using System.Text.Json;
using NewsParsing.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NewsParsing.Tests.Segmentation;

/// <summary>The 20 real AzerNews articles of <c>../shared/eval/azernews</c> against their <c>gold.json</c>.</summary>
public class AzerNewsEvaluationTests(ITestOutputHelper output)
{
    [EvalFact]
    public void Publication_dates_and_authors_equal_the_gold_for_every_article()
    {
        var folder = Path.Combine(Paths.Eval, "azernews");
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "gold.json")));
        int n = 0, dates = 0, authors = 0;
        foreach (var entry in gold.RootElement.EnumerateObject())
        {
            n++;
            var article = NewsParser.Parse(File.ReadAllText(Path.Combine(folder, entry.Name + ".txt")));
            ArticleInvariants.Check(article);
            var goldDate = entry.Value.GetProperty("published").GetString();
            var goldAuthors = entry.Value.GetProperty("authors").EnumerateArray().Select(a => a.GetString()).ToList();
            var gotDate = article.PublicationDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var gotAuthors = article.Authors.Select(a => a.Name).ToList();
            dates += gotDate == goldDate ? 1 : 0;
            authors += gotAuthors.SequenceEqual(goldAuthors) ? 1 : 0;
            output.WriteLine($"{entry.Name}: published {gotDate} (gold {goldDate}), authors [{string.Join(", ", gotAuthors)}] (gold [{string.Join(", ", goldAuthors)}]), trailer {article.Trailer?.Kind.ToString() ?? "-"}");
        }

        output.WriteLine($"publication date: {dates}/{n}, authors: {authors}/{n}");
        n.Should().Be(20);
        dates.Should().Be(n);
        authors.Should().Be(n);
    }

    [EvalFact]
    public void Subscription_boilerplate_is_a_trailer_not_body()
    {
        var folder = Path.Combine(Paths.Eval, "azernews");
        foreach (var file in Directory.EnumerateFiles(folder, "*.txt"))
        {
            var article = NewsParser.Parse(File.ReadAllText(file));
            article.Body.Paragraphs.Should().NotContain(p => p.Text.StartsWith("Full digital access", StringComparison.Ordinal), file);
            if (File.ReadAllText(file).Contains("Full digital access", StringComparison.Ordinal))
            {
                article.Trailer.Should().NotBeNull(file);
                article.Trailer!.Kind.Should().Be(Model.TrailerKind.Boilerplate);
            }
        }
    }
}
