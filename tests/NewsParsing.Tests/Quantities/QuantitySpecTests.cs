using System.Globalization;
using System.Text;
using NewsParsing.Quantities;
using NewsParsing.Tests.Infrastructure;
using NodaTime;
using NodaTime.Text;

namespace NewsParsing.Tests.Quantities;

/// <summary>The examples of <c>Specs/Quantities/*.md</c>: every family of numeric facts and the negatives.</summary>
public class QuantitySpecTests
{
    private static readonly NewsPipeline Pipeline = new NewsPipelineBuilder().WithStages(NewsStages.Dates | NewsStages.Quantities).Build();

    public static string Dump(Model.NewsArticle article)
    {
        if (article.Quantities.IsEmpty)
        {
            return "(no quantities)";
        }

        var sb = new StringBuilder();
        foreach (var q in article.Quantities)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append('"').Append(q.Text).Append("\" ").Append(q.Kind.ToString().ToLowerInvariant()).Append(' ').Append(q.Value.ToString(CultureInfo.InvariantCulture));
            if (q.Min is { } min)
            {
                sb.Append(" min=").Append(min.ToString(CultureInfo.InvariantCulture));
            }

            if (q.Max is { } max)
            {
                sb.Append(" max=").Append(max.ToString(CultureInfo.InvariantCulture));
            }

            if (q.Unit is not null)
            {
                sb.Append(" unit=").Append(q.Unit);
            }

            if (q.Modifier != QuantityModifier.None)
            {
                sb.Append(" mod=").Append(q.Modifier);
            }

            if (q.Counted is not null)
            {
                sb.Append(" counted=\"").Append(q.Counted.Text).Append("\" head=").Append(q.CountedHead);
            }

            if (q.IsChange)
            {
                sb.Append(" change");
            }

            if (!q.Members.IsEmpty)
            {
                sb.Append(" members=[").Append(string.Join(" | ", q.Members.Select(m => m.Text))).Append("] countMatches=").Append(q.CountMatches);
            }
        }

        return sb.ToString();
    }

    [Theory]
    [SpecData("Quantities")]
    public void Spec_example_gives_the_documented_quantities(SpecExample example)
    {
        var article = Parse(example);
        ArticleInvariants.Check(article);
        foreach (var q in article.Quantities)
        {
            article.Dates.Should().NotContain(d => d.Span.Overlaps(q.Span), "a number inside a date is not a quantity");
        }

        Dump(article).Should().Be(example.Expected, example.ToString());
    }

    [Fact]
    public void Rewrite_spec_files_when_asked()
    {
        if (Paths.UpdateGolden)
        {
            SpecRewriter.RewriteFolder("Quantities", e => Dump(Parse(e)));
        }
    }

    [Fact]
    public void The_seed_enumeration_is_linked_and_checked()
    {
        var article = NewsParser.Parse(File.ReadAllText(Path.Combine(Paths.Seeds, "000_d415100d04d07eeb.txt")));
        var troops = article.Quantities.Single(q => q.CountedHead == "troops");
        troops.Value.Should().Be(2500);
        troops.Modifier.Should().Be(QuantityModifier.Approximate);
        var members = article.Quantities.Single(q => q.CountedHead == "members");
        members.Value.Should().Be(15);
        members.Counted!.Text.Should().Be("NATO members and partners");
        members.Members.Should().HaveCount(15);
        members.Members.Select(m => m.Text).Should().StartWith(["Azerbaijan", "Georgia", "U.S", "UK"]).And.EndWith("Lithuania");
        members.CountMatches.Should().BeTrue();
        article.Quantities.Should().NotContain(q => q.Text.Contains("2021", StringComparison.Ordinal), "Eternity-2021 and Agile Spirit - 2021 are names");
    }

    private static Model.NewsArticle Parse(SpecExample example)
    {
        LocalDate? published = example.Option("published") is { } p ? LocalDatePattern.Iso.Parse(p).Value : null;
        return Pipeline.Parse(example.Input, published);
    }
}
