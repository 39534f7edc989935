using System.Globalization;
using System.Text.RegularExpressions;
using NewsParsing.Tests.Infrastructure;
using NodaTime;
using Xunit.Abstractions;

namespace NewsParsing.Tests.Segmentation;

/// <summary>
/// Segmentation against the 1,855 Reuters-21578 stories that have a &lt;DATELINE&gt;: the gold place, date, body start
/// and sign-off are read from the SGML tags, independently of the parser.
/// </summary>
public partial class ReutersEvaluationTests(ITestOutputHelper output)
{
    private static readonly NewsPipeline Pipeline = new NewsPipelineBuilder().WithStages(NewsStages.None).Build();

    [EvalFact]
    public void Datelines_bodies_and_sign_offs_match_the_sgml_tags()
    {
        var stories = ReutersCorpus.WithDateline;
        stories.Count.Should().BeGreaterThan(1800);
        int place = 0, date = 0, body = 0, signOffs = 0, signOffRight = 0;
        var misses = new List<string>();
        foreach (var story in stories)
        {
            var published = new LocalDate(story.Date.Year, story.Date.Month, story.Date.Day);
            var article = Pipeline.Parse(story.Text, published);
            ArticleInvariants.Find(article).Should().BeEmpty(story.Id);

            var goldPlace = GoldPlace(story.Dateline);
            if (article.Dateline?.Place is { } p && Letters(p) == Letters(goldPlace))
            {
                place++;
            }
            else
            {
                misses.Add($"{story.Id} place: gold '{goldPlace}' got '{article.Dateline?.Place}' in '{story.Dateline.Trim()}'");
            }

            var goldDate = GoldDate(story.Dateline, published);
            if (article.Dateline?.Date == goldDate)
            {
                date++;
            }
            else
            {
                misses.Add($"{story.Id} date: gold {goldDate} got {article.Dateline?.Date} in '{story.Dateline.Trim()}'");
            }

            var goldBody = GoldBodyStart(story);
            var gotBody = article.Body.Paragraphs.IsEmpty ? -1 : article.Body.Paragraphs[0].Span.Start;
            if (gotBody == goldBody)
            {
                body++;
            }
            else
            {
                misses.Add($"{story.Id} body: gold {goldBody} got {gotBody}: '{Show(story.Text, gotBody)}'");
            }

            var signOff = SignOff(story.Body);
            if (signOff is not null)
            {
                signOffs++;
                if (article.Trailer is { Kind: Model.TrailerKind.SignOff } t && t.Text == signOff && article.Agency?.Id == "reuters")
                {
                    signOffRight++;
                }
                else
                {
                    misses.Add($"{story.Id} sign-off: got '{article.Trailer?.Text}'");
                }
            }
        }

        double n = stories.Count;
        output.WriteLine($"Reuters-21578 stories with a dateline: {stories.Count}");
        output.WriteLine($"dateline place: {place / n:P2} ({place})");
        output.WriteLine($"dateline date:  {date / n:P2} ({date})");
        output.WriteLine($"body start:     {body / n:P2} ({body})");
        output.WriteLine($"sign-off:       {signOffRight / (double)signOffs:P2} ({signOffRight} of {signOffs})");
        foreach (var miss in misses.Take(40))
        {
            output.WriteLine(miss);
        }

        (place / n).Should().BeGreaterThanOrEqualTo(0.995, "measured 99.95 %");
        (date / n).Should().BeGreaterThanOrEqualTo(0.995, "measured 100 %");
        (body / n).Should().BeGreaterThanOrEqualTo(0.995, "measured 99.89 %");
        (signOffRight / (double)signOffs).Should().BeGreaterThanOrEqualTo(0.995, "measured 99.89 %");
    }

    /// <summary>The text before the first comma (or dash) of the tag, without wire noise.</summary>
    private static string GoldPlace(string dateline)
    {
        var d = dateline.Trim().TrimStart('*');
        var cut = d.IndexOf(',', StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = d.IndexOf(" -", StringComparison.Ordinal);
        }

        return cut < 0 ? d : d[..cut].Trim();
    }

    /// <summary>The day is the first number of the tag, the month the month word beside it (or the wire date's month
    /// when the word is mistyped beyond recognition), the year the wire date's.</summary>
    private static LocalDate? GoldDate(string dateline, LocalDate published)
    {
        var m = DayMonth().Match(dateline);
        if (!m.Success)
        {
            return null;
        }

        var day = int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture);
        var word = m.Groups["m1"].Success ? m.Groups["m1"].Value : m.Groups["m2"].Value;
        var month = word.Length >= 3 ? Array.FindIndex(MonthPrefixes, x => word.StartsWith(x, StringComparison.OrdinalIgnoreCase)) + 1 : 0;
        if (month == 0)
        {
            month = published.Month;
        }

        return new LocalDate(published.Year, month, day);
    }

    private static readonly string[] MonthPrefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static int GoldBodyStart(ReutersStory story)
    {
        // Some <DATELINE> tags swallowed the first words of the story: "RIO DE JANEIRO, Feb 26 - Brazil's ...".
        var dash = DashSeparator().Match(story.Dateline);
        if (dash.Success)
        {
            var after = dash.Index + dash.Length;
            while (after < story.Dateline.Length && char.IsWhiteSpace(story.Dateline[after]))
            {
                after++;
            }

            if (after < story.Dateline.Length)
            {
                return story.DatelineOffset + after;
            }
        }

        var i = 0;
        while (i < story.Body.Length && char.IsWhiteSpace(story.Body[i]))
        {
            i++;
        }

        return story.BodyOffset + i;
    }

    private static string? SignOff(string body)
    {
        var trimmed = body.TrimEnd();
        var lastLine = trimmed[(trimmed.LastIndexOf('\n') + 1)..].Trim();
        return lastLine is "Reuter" or "REUTER" ? lastLine : null;
    }

    private static string Letters(string s) => new(s.Where(char.IsLetter).Select(char.ToUpperInvariant).ToArray());

    private static string Show(string text, int at) => at < 0 ? "(no body)" : text.Substring(at, Math.Min(40, text.Length - at)).Replace("\n", "\\n", StringComparison.Ordinal);

    [GeneratedRegex(@"(?:(?<m1>[A-Za-z]+)\.?\s+(?<day>\d{1,2})\b|\b(?<day>\d{1,2})\s+(?<m2>[A-Za-z]+))", RegexOptions.NonBacktracking)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\s-+\s|\s-+$", RegexOptions.NonBacktracking)]
    private static partial Regex DashSeparator();
}
