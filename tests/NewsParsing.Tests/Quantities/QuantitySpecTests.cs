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
    [Theory]
    [SpecData("Quantities")]
    public void Spec_example_gives_the_documented_quantities(SpecExample example)
    {
        var article = example.Parse();
        foreach (var q in article.Quantities)
        {
            article.Dates.Should().NotContain(d => d.Span.Overlaps(q.Span), "a number inside a date is not a quantity");
        }

        example.Check(article);
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
}
