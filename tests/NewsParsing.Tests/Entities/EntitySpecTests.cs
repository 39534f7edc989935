using System.Text;
using NewsParsing.Tests.Infrastructure;

namespace NewsParsing.Tests.Entities;

/// <summary>The examples of <c>Specs/Entities/*.md</c>: titles, linking, capitals, events, facilities, groups.</summary>
public class EntitySpecTests
{
    [Theory]
    [SpecData("Entities")]
    public void Spec_example_gives_the_documented_entities(SpecExample example)
    {
        example.Check(example.Parse());
    }

    [Fact]
    public void The_seeds_people_are_found_with_their_titles_and_linked()
    {
        var a = NewsParser.Parse(File.ReadAllText(Path.Combine(Paths.Seeds, "000_d415100d04d07eeb.txt")));
        var b = NewsParser.Parse(File.ReadAllText(Path.Combine(Paths.Seeds, "003_79742d6c168d962d.txt")));
        var people = a.Entities.Concat(b.Entities).Where(e => e.Type == NewsParsing.Entities.EntityType.Person).Select(e => e.Canonical).Distinct().ToList();
        people.Should().Contain(["Vugar Khalilov", "Zakir Hasanov", "Juansher Burchuladze", "Levan Izoria", "Heydar Aliyev", "Zarifa Aliyeva"]);
        a.Entities.Single(e => e.Text == "Zakir Hasanov").Title.Should().Be("Defence Minister");
        a.Entities.Single(e => e.Text == "Juansher Burchuladze").Title.Should().Be("Georgian counterpart");
        var hasanov = a.Entities.Where(e => e.Canonical == "Zakir Hasanov").Select(e => e.Id).Distinct();
        hasanov.Should().HaveCount(1, "Zakir Hasanov and Hasanov are one person");
        b.Entities.Where(e => e.Text is "Zakir Hasanov" or "Z. Hasanov").Select(e => e.Id).Distinct().Should().HaveCount(1);
        a.Entities.Should().Contain(e => e.Text == "Eternity-2021" && e.Type == NewsParsing.Entities.EntityType.Event);
        a.Entities.Should().Contain(e => e.Text == "Agile Spirit - 2021" && e.Type == NewsParsing.Entities.EntityType.Event);
        a.Entities.Should().Contain(e => e.Text == "U.S" && e.Canonical == "United States" && e.CountryCode == "US");
        a.Entities.Should().Contain(e => e.Text == "NATO" && e.Type == NewsParsing.Entities.EntityType.Organization);
        b.Entities.Should().Contain(e => e.Text == "Alley of Honor" && e.Type == NewsParsing.Entities.EntityType.Facility);
        b.Entities.Should().Contain(e => e.Text == "Ministries of Defense of Azerbaijan and Georgia" && e.Type == NewsParsing.Entities.EntityType.Organization);
    }
}
