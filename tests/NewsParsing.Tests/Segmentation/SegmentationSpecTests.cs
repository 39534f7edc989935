using NewsParsing.Tests.Infrastructure;
using NodaTime;
using NodaTime.Text;

namespace NewsParsing.Tests.Segmentation;

/// <summary>The examples of <c>Specs/Segmentation/*.md</c>: every dateline style, bylines, trailers, negatives.</summary>
public class SegmentationSpecTests
{
    [Theory]
    [SpecData("Segmentation")]
    public void Spec_example_parses_as_documented(SpecExample example)
    {
        example.Check(example.Parse());
    }

    [Fact]
    public void Spec_files_have_examples_for_every_dateline_style()
    {
        var headings = SpecFile.ReadFolder("Segmentation").Select(e => e.Heading).Distinct().ToList();
        headings.Should().Contain(["AZERTAC", "Reuters", "AP", "AFP", "TASS", "Xinhua", "Trend", "Turan", "Press releases", "Not datelines"]);
    }
}
