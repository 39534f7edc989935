using System.Globalization;
using NewsParsing.Tests.Infrastructure;
using NewsParsing.Tests.Segmentation;

namespace NewsParsing.Tests.Robustness;

/// <summary>
/// The parser's output must not depend on the current culture. CI also runs the whole suite under tr-TR and ar-SA
/// (LC_ALL); this test checks that those runs really had that culture, and compares outputs in-process.
/// </summary>
public class CultureTests
{
    [Fact]
    public void The_culture_ci_asked_for_is_the_current_culture()
    {
        var expected = Environment.GetEnvironmentVariable("NEWSPARSING_EXPECT_CULTURE");
        if (!string.IsNullOrEmpty(expected))
        {
            CultureInfo.CurrentCulture.Name.Should().Be(expected);
        }
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    [InlineData("de-DE")]
    public void Output_is_the_same_under_any_culture(string culture)
    {
        var texts = Directory.EnumerateFiles(Paths.Seeds, "*.txt").Select(File.ReadAllText).ToList();
        texts.Add("    CHICAGO, MARCH 4 - Grain futures rose 1.5 pct to 2,500 dlrs.\n Reuter");
        var invariant = Run(CultureInfo.InvariantCulture, texts);
        Run(CultureInfo.GetCultureInfo(culture), texts).Should().Equal(invariant);
    }

    private static List<string> Run(CultureInfo culture, List<string> texts)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            return texts.Select(t => Dumps.Segmentation(NewsParser.Parse(t, new NodaTime.LocalDate(1987, 3, 4)))
                + GoldenTests.RunCliOnText(t)).ToList();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
