using System.Text;
using NewsParsing.Temporal;
using NewsParsing.Tests.Infrastructure;
using NodaTime;
using NodaTime.Text;

namespace NewsParsing.Tests.Temporal;

/// <summary>The examples of <c>Specs/Temporal/*.md</c>: each family of time expressions, negatives and year rollover.</summary>
public class TemporalSpecTests
{
    [Theory]
    [SpecData("Temporal")]
    public void Spec_example_gives_the_documented_dates(SpecExample example)
    {
        example.Check(example.Parse());
    }

    [Fact]
    public void Spec_files_cover_every_family()
    {
        var headings = SpecFile.ReadFolder("Temporal").Select(e => e.Heading).Distinct().ToList();
        headings.Should().Contain(["Explicit dates", "Year-less dates", "Ranges", "Relative dates", "Fuzzy parts", "Durations", "Not dates"]);
    }
}
