using NewsParsing.Entities;
using NewsParsing.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NewsParsing.Tests.Entities;

/// <summary>
/// The errors a journalist spots in seconds, counted over the seeds, the 20 AzerNews stories and the Reuters-21578
/// stories of ../shared/eval: one person holding two conflicting full names, role words inside names, months and
/// common words as entities, and one name with two types in one article. The word lists here are the test's own,
/// written independently of the library's data.
/// </summary>
public class EntityTrustTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Victim", "Victims", "Judge", "Judges", "Prosecutor", "Senior", "Lieutenant", "Sergeant", "Captain", "Colonel", "General",
        "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "President", "Minister", "Ambassador", "Witness", "Defendant",
    };

    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "Article", "Republic", "Kingdom", "States", "Allied", "Culture", "Ministry", "Government", "State", "Union",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon", "Tue", "Wed", "Thu", "Fri",
    };

    [EvalFact]
    public void The_trust_counts_meet_their_targets()
    {
        var texts = Directory.EnumerateFiles(Paths.Seeds, "*.txt").Select(File.ReadAllText)
            .Concat(Directory.EnumerateFiles(Path.Combine(Paths.Eval, "azernews"), "*.txt").Select(File.ReadAllText))
            .Concat(ReutersCorpus.WithDateline.Select(s => s.Text)).ToList();
        var pipeline = new NewsPipelineBuilder().WithReferenceDate(new NodaTime.LocalDate(1987, 3, 1)).WithStages(NewsStages.Entities | NewsStages.Language).Build();
        int merged = 0, roles = 0, common = 0, twoTypes = 0;
        var examples = new List<string>();
        foreach (var text in texts)
        {
            var entities = pipeline.Parse(text).Entities;
            foreach (var person in entities.Where(e => e.Type == EntityType.Person).GroupBy(e => e.Id))
            {
                var full = person.Select(e => e.Text.Split(' ')).Where(w => w.Length >= 2).ToList();
                if (full.Any(a => full.Any(b => Conflict(a, b))))
                {
                    merged++;
                    examples.Add("merged: " + string.Join(" / ", person.Select(e => e.Text).Distinct()));
                }
            }

            foreach (var e in entities)
            {
                var words = e.Text.Split(' ');
                if (e.Type == EntityType.Person && (Roles.Contains(words[0]) || e.Canonical.Split(' ').Any(Roles.Contains)))
                {
                    roles++;
                    examples.Add("role: " + e.Text + " → " + e.Canonical);
                }

                if (words.Length == 1 && CommonWords.Contains(e.Text.TrimEnd('.')))
                {
                    common++;
                    examples.Add($"common: {e.Text} {e.Type}");
                }
            }

            foreach (var name in entities.Where(e => e.Type is EntityType.Person or EntityType.Location or EntityType.Organization or EntityType.Misc)
                .GroupBy(e => e.Text, StringComparer.OrdinalIgnoreCase))
            {
                if (name.Select(e => e.Type).Distinct().Count() > 1)
                {
                    twoTypes++;
                    examples.Add("types: " + name.Key + " " + string.Join(",", name.Select(e => e.Type).Distinct()));
                }
            }
        }

        output.WriteLine($"{texts.Count} articles: merged persons {merged}, role words in names {roles}, months/common words {common}, names with two types {twoTypes}");
        foreach (var example in examples.Take(60))
        {
            output.WriteLine("  " + example);
        }

        merged.Should().Be(0);
        roles.Should().Be(0);
        common.Should().BeLessThanOrEqualTo(5);
        twoTypes.Should().BeLessThanOrEqualTo(15);
    }

    /// <summary>Two full names of one surname whose given names differ (not as an initial and its name), or whose
    /// middle names differ when both write one.</summary>
    private static bool Conflict(string[] a, string[] b)
    {
        if (!string.Equals(a[^1].TrimEnd('.'), b[^1].TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
        {
            return false; // linked through something else than the surname: not this count's business
        }

        static bool Differ(string x, string y)
        {
            x = x.TrimEnd('.');
            y = y.TrimEnd('.');
            return !string.Equals(x, y, StringComparison.OrdinalIgnoreCase) && !((x.Length == 1 || y.Length == 1) && char.ToUpperInvariant(x[0]) == char.ToUpperInvariant(y[0]));
        }

        return Differ(a[0], b[0]) || (a.Length > 2 && b.Length > 2 && Differ(a[1], b[1]));
    }
}
