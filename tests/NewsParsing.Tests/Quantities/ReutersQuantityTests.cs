using System.Text.RegularExpressions;
using NewsParsing.Quantities;
using NewsParsing.Tests.Infrastructure;
using NodaTime;
using Xunit.Abstractions;

namespace NewsParsing.Tests.Quantities;

/// <summary>Quantities over the Reuters-21578 stories: none from a date or the dateline, and spot checks of real figures.</summary>
public partial class ReutersQuantityTests(ITestOutputHelper output)
{
    [EvalFact]
    public void No_quantity_comes_from_a_date_or_the_dateline()
    {
        var stories = ReutersCorpus.WithDateline;
        var pipeline = new NewsPipelineBuilder().WithStages(NewsStages.Dates | NewsStages.Quantities).Build();
        long quantities = 0;
        var offenders = new List<string>();
        var byKind = new Dictionary<QuantityKind, int>();
        foreach (var story in stories)
        {
            var article = pipeline.Parse(story.Text, new LocalDate(story.Date.Year, story.Date.Month, story.Date.Day));
            quantities += article.Quantities.Length;
            foreach (var q in article.Quantities)
            {
                byKind[q.Kind] = byKind.GetValueOrDefault(q.Kind) + 1;
                if (article.Dateline is { } d && d.Span.Overlaps(q.Span))
                {
                    offenders.Add($"{story.Id}: '{q.Text}' inside the dateline");
                }

                if (article.Dates.Any(x => x.Span.Overlaps(q.Span)))
                {
                    offenders.Add($"{story.Id}: '{q.Text}' inside a date");
                }

                if (MonthDay().IsMatch(q.Text))
                {
                    offenders.Add($"{story.Id}: '{q.Text}' looks like a month and day");
                }
            }
        }

        output.WriteLine($"{stories.Count} stories, {quantities} quantities, {quantities / (double)stories.Count:F1} per story");
        output.WriteLine(string.Join(", ", byKind.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}")));
        offenders.Take(20).ToList().ForEach(output.WriteLine);
        offenders.Should().BeEmpty();
        (quantities / (double)stories.Count).Should().BeGreaterThan(3);
    }

    [EvalFact]
    public void Spot_checks_of_real_stories()
    {
        var bahia = ReutersCorpus.WithDateline.Single(s => s.Id == "1");
        var article = NewsParser.Parse(bahia.Text, new LocalDate(1987, 2, 26));
        article.Quantities.Should().Contain(q => q.Text == "155,221 bags" && q.Value == 155221 && q.Kind == QuantityKind.Count);
        article.Quantities.Should().Contain(q => q.Text == "60 kilos" && q.Unit == "kg");
        article.Quantities.Should().Contain(q => q.Text == "5.93\nmln" && q.Value == 5_930_000);
        article.Quantities.Should().Contain(q => q.Text == "around 6.4 mln bags" && q.Modifier == QuantityModifier.Approximate && q.Value == 6_400_000 && q.CountedHead == "bags");
        article.Quantities.Should().Contain(q => q.Text.StartsWith("340 to 350", StringComparison.Ordinal) && q.Currency == "BRC" && q.Modifier == QuantityModifier.Range);
        article.Quantities.Should().Contain(q => q.Text.StartsWith("1,750 to", StringComparison.Ordinal) && q.Min == 1750 && q.Max == 1780 && q.Currency == "USD");
        article.Quantities.Should().NotContain(q => q.Text.Contains("February 22", StringComparison.Ordinal) || q.Text.Contains("February 28", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}$", RegexOptions.NonBacktracking)]
    private static partial Regex MonthDay();
}
