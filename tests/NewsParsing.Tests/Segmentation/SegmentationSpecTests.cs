using NewsParsing.Tests.Infrastructure;
using NodaTime;
using NodaTime.Text;

namespace NewsParsing.Tests.Segmentation;

/// <summary>The examples of <c>Specs/Segmentation/*.md</c>: every dateline style, bylines, trailers, negatives.</summary>
public class SegmentationSpecTests
{
    private static readonly NewsPipeline Pipeline = new NewsPipelineBuilder().WithStages(NewsStages.None).Build();

    [Theory]
    [SpecData("Segmentation")]
    public void Spec_example_parses_as_documented(SpecExample example)
    {
        var article = Parse(example);
        ArticleInvariants.Check(article);
        SegmentationDump.Dump(article).Should().Be(example.Expected, $"{example} should parse as its spec says");
    }

    [Fact]
    public void Spec_files_have_examples_for_every_dateline_style()
    {
        var headings = SpecFile.ReadFolder("Segmentation").Select(e => e.Heading).Distinct().ToList();
        headings.Should().Contain(["AZERTAC", "Reuters", "AP", "AFP", "TASS", "Xinhua", "Trend", "Turan", "Press releases", "Not datelines"]);
    }

    [Fact]
    public void Rewrite_spec_files_when_asked()
    {
        if (!Paths.UpdateGolden)
        {
            return; // only with NEWSPARSING_UPDATE_GOLDEN=1
        }

        SpecRewriter.RewriteFolder("Segmentation", e => SegmentationDump.Dump(Parse(e)));
    }

    private static Model.NewsArticle Parse(SpecExample example)
    {
        LocalDate? published = example.Option("published") is { } p ? LocalDatePattern.Iso.Parse(p).Value : null;
        return Pipeline.Parse(example.Input, published);
    }
}
