using System.Text;
using NewsParsing.Tests.Infrastructure;
using NewsParsing.Temporal;
using NodaTime;
using NodaTime.Text;

namespace NewsParsing.Tests.Temporal;

/// <summary>The examples of <c>Specs/Temporal/*.md</c>: each family of time expressions, negatives and year rollover.</summary>
public class TemporalSpecTests
{
    private static readonly NewsPipeline Pipeline = new NewsPipelineBuilder().WithStages(NewsStages.Dates).Build();

    public static string Dump(Model.NewsArticle article)
    {
        if (article.Dates.IsEmpty)
        {
            return "(no dates)";
        }

        var sb = new StringBuilder();
        foreach (var d in article.Dates)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append('"').Append(d.Text).Append("\" ").Append(d.Type.ToString().ToUpperInvariant()).Append(' ').Append(d.Value);
            if (d.IsRange && d.Range is { } r)
            {
                sb.Append(" range ").Append(LocalDatePattern.Iso.Format(r.Start)).Append("..").Append(LocalDatePattern.Iso.Format(r.End));
            }

            if (d.Modifier != TemporalModifier.None)
            {
                sb.Append(" mod=").Append(d.Modifier.ToString().ToUpperInvariant());
            }

            if (d.YearInferred)
            {
                sb.Append(" (year inferred)");
            }
        }

        return sb.ToString();
    }

    [Theory]
    [SpecData("Temporal")]
    public void Spec_example_gives_the_documented_dates(SpecExample example)
    {
        var article = Parse(example);
        ArticleInvariants.Check(article);
        Dump(article).Should().Be(example.Expected, example.ToString());
    }

    [Fact]
    public void Rewrite_spec_files_when_asked()
    {
        if (Paths.UpdateGolden)
        {
            SpecRewriter.RewriteFolder("Temporal", e => Dump(Parse(e)));
        }
    }

    [Fact]
    public void Spec_files_cover_every_family()
    {
        var headings = SpecFile.ReadFolder("Temporal").Select(e => e.Heading).Distinct().ToList();
        headings.Should().Contain(["Explicit dates", "Year-less dates", "Ranges", "Relative dates", "Fuzzy parts", "Durations", "Not dates"]);
    }

    private static Model.NewsArticle Parse(SpecExample example)
    {
        LocalDate? published = example.Option("published") is { } p ? LocalDatePattern.Iso.Parse(p).Value : null;
        return Pipeline.Parse(example.Input, published);
    }
}
