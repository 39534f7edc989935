using NewsParsing.Agencies;
using NewsParsing.Tests.Infrastructure;

namespace NewsParsing.Tests.Agencies;

/// <summary>The examples of <c>Specs/Agencies/*.md</c> (self credits and citations for every built-in agency), the
/// AzerNews dev stories, and agencies added at run time.</summary>
public class AgencySpecTests
{
    [Theory]
    [SpecData("Agencies")]
    public void Spec_example_gives_the_documented_agency_and_sources(SpecExample example) => example.Check(example.Parse());

    [Fact]
    public void Every_built_in_agency_has_spec_examples()
    {
        var headings = SpecFile.ReadFolder("Agencies").Select(e => e.Heading).Distinct().ToList();
        headings.Should().Contain(["AZERTAC", "AzerNews", "Trend", "APA", "Report", "Turan", "Reuters", "AP", "AFP", "TASS", "Xinhua", "Anadolu"]);
    }

    [Fact]
    public void An_agency_added_at_run_time_is_credited_like_a_built_in_one()
    {
        var interfax = new Agency("interfax", "Interfax") { Aliases = ["Interfax"] };
        var pipeline = new NewsPipelineBuilder().AddAgency(interfax).Build();

        var tagged = pipeline.Parse("Gas exports rose in March.\n\nThe ministry said supplies to Europe would continue.\n\n(Interfax)");
        tagged.Agency!.Id.Should().Be("interfax");
        tagged.AgencyEvidence.Should().Be(AgencyEvidence.Trailer);
        tagged.Trailer!.Kind.Should().Be(Model.TrailerKind.AgencyTag);
        tagged.Body.Paragraphs.Should().HaveCount(2).And.NotContain(p => p.Text.Contains("Interfax"), "the tag line is a trailer, not body text");

        var credited = pipeline.Parse("Gas exports rose in March, Interfax reports, citing Yonhap.");
        credited.Agency!.Id.Should().Be("interfax");
        credited.AgencyEvidence.Should().Be(AgencyEvidence.SelfCredit);
        credited.Sources.Should().ContainSingle(s => s.Name == "Yonhap" && s.Cue == "citing");

        var cited = pipeline.Parse("Gas exports rose in March, the Interfax news agency reported.");
        cited.Agency.Should().BeNull();
        cited.Sources.Should().ContainSingle(s => s.Agency == interfax && s.Cue == "reported");

        NewsParser.Parse("Gas exports rose in March.\n\nThe ministry said supplies would continue.\n\n(Interfax)").Agency
            .Should().BeNull("the default registry does not know Interfax");
    }

    [EvalFact]
    public void AzerNews_stories_that_credit_AzerNews_get_it_and_no_other_story_gets_one()
    {
        string[] crediting = ["01_", "03_", "11_", "14_", "15_", "16_", "17_", "18_", "19_"];
        var gold = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Paths.Eval, "azernews", "gold.json"))).RootElement;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Paths.Eval, "azernews"), "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var article = NewsParser.Parse(File.ReadAllText(file));
            if (crediting.Any(name.StartsWith))
            {
                article.Agency?.Id.Should().Be("azernews", name);
                article.AgencyEvidence.Should().Be(AgencyEvidence.SelfCredit, name);
            }
            else
            {
                article.Agency.Should().BeNull($"{name} gives no evidence of its agency in its text");
            }

            article.Language.Should().Be("en", name);
            var authors = gold.GetProperty(Path.GetFileNameWithoutExtension(file)).GetProperty("authors").EnumerateArray().Select(a => a.GetString()).ToList();
            article.Authors.Select(a => a.Name).Should().Equal(authors, name);
        }

        var sources = Directory.EnumerateFiles(Path.Combine(Paths.Eval, "azernews"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => NewsParser.Parse(File.ReadAllText(f)).Sources.Select(s => $"{Path.GetFileName(f)[..2]} {s.Cue} {s.Name}")).ToList();
        sources.Should().Contain(["03 via AZERTAC", "11 via Armenian media", "14 via Middle East Eye"]);
    }
}
