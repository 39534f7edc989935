using System.Text.RegularExpressions;
using NewsParsing.Temporal;

namespace NewsParsing.Tests.Temporal;

/// <summary>The temporal grammar is data: the words live in <c>temporal.data.json</c>, the start words are derived from
/// the patterns' declarations, and the scanner's code names roles, not English words.</summary>
public partial class TemporalLexiconTests
{
    private static readonly TemporalLexicon Lexicon = TemporalLexicon.Default;

    [Fact]
    public void Every_role_and_pattern_of_the_code_has_data()
    {
        // Loading also refuses data that names a role or pattern the code does not know.
        foreach (var role in Enum.GetValues<Role>())
        {
            Lexicon.Words.Should().Contain(w => Lexicon.Word(w).Has(role), $"the role {role} has words in temporal.data.json");
        }

        foreach (var pattern in Enum.GetValues<TemporalPattern>())
        {
            var starts = Lexicon.Words.Any(w => TemporalLexicon.Contains(Lexicon.Word(w).Patterns, pattern))
                || TemporalLexicon.Contains(Lexicon.DigitPatterns | Lexicon.IsoDatePatterns | Lexicon.DottedDatePatterns, pattern);
            starts.Should().BeTrue($"the pattern {pattern} declares its start words");
        }
    }

    [Fact]
    public void The_start_words_are_the_words_the_patterns_declare()
    {
        Lexicon.Starters.Should().NotBeEmpty();
        foreach (var word in Lexicon.Starters)
        {
            Lexicon.Word(word).Patterns.Should().NotBe(PatternSet.None, $"'{word}' is a start word, so some pattern declares it");
        }

        // Words of roles no pattern starts with are not start words: a reporting verb, a clause opener.
        Lexicon.Starters.Should().NotContain(["said", "which", "than", "ago"]);
        Lexicon.Starters.Should().Contain(["march", "sept", "from", "between", "early", "the", "today", "tonight", "noon", "every", "daily", "now"]);
        TemporalLexicon.Contains(Lexicon.Word("from").Patterns, TemporalPattern.Range).Should().BeTrue();
        TemporalLexicon.Contains(Lexicon.Word("from").Patterns, TemporalPattern.Duration).Should().BeFalse();
        TemporalLexicon.Contains(Lexicon.DigitPatterns, TemporalPattern.Explicit).Should().BeTrue();
    }

    [Fact]
    public void Every_unit_of_the_data_makes_a_well_formed_duration()
    {
        var pipeline = new NewsPipelineBuilder().WithStages(NewsStages.Dates).Build();
        foreach (var plural in Lexicon.Words.Where(w => Lexicon.Word(w).Has(Role.PluralUnit)))
        {
            var article = pipeline.Parse($"It took two {plural}.", new NodaTime.LocalDate(2021, 10, 5));
            article.Dates.Should().ContainSingle($"'two {plural}' is a duration");
            var d = article.Dates[0];
            d.Type.Should().Be(TemporalType.Duration);
            Timex3.IsValid("DURATION", d.Value).Should().BeTrue($"'two {plural}' gives {d.Value}");
            d.Duration.Should().NotBeNull();
        }

        Lexicon.UnitCodes.Should().BeEquivalentTo(["S", "MIN", "H", "D", "W", "WE", "M", "Q", "Y", "DE", "CE"]);
    }

    [Fact]
    public void The_scanner_code_writes_no_English_word()
    {
        var folder = Path.Combine(Paths.RepoRoot, "src", "NewsParsing", "Temporal");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "TemporalScanner*.cs").Append(Path.Combine(folder, "DateReader.cs")))
        {
            foreach (var (line, n) in File.ReadLines(file).Select((l, i) => (l, i + 1)))
            {
                var code = line.Split("//", 2)[0];
                foreach (Match m in Literal().Matches(code))
                {
                    offenders.Add($"{Path.GetFileName(file)}:{n}: {m.Value}");
                }
            }
        }

        offenders.Should().BeEmpty("the words of the grammar live in temporal.data.json");
    }

    /// <summary>A string literal that is a lower-case word or phrase (TIMEX codes and formats are upper case).</summary>
    [GeneratedRegex("\"[a-z]{2,}( [a-z]+)*\"")]
    private static partial Regex Literal();
}
