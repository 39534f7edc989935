namespace NewsParsing.Tests;

/// <summary>
/// The public API of the package as a reflection dump in <c>PublicApi.approved.txt</c>: every change to it shows up as
/// a diff to review. A missing file fails; write it with <c>dotnet run --project tests/tools -- approve-api</c>.
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void The_public_api_matches_the_approved_file()
    {
        File.Exists(PublicApi.ApprovedFile).Should().BeTrue("the approved API file must exist ('dotnet run --project tests/tools -- approve-api' writes it for review)");
        PublicApi.Dump(typeof(NewsParser).Assembly).Should().Be(File.ReadAllText(PublicApi.ApprovedFile), "public API changes must be reviewed");
    }

    [Fact]
    public void The_public_types_live_in_the_stage_namespaces()
    {
        typeof(NewsParser).Assembly.GetExportedTypes().Select(t => t.Namespace).Distinct().Order(StringComparer.Ordinal).Should().Equal(
            "NewsParsing", "NewsParsing.Agencies", "NewsParsing.Entities", "NewsParsing.Html", "NewsParsing.Model", "NewsParsing.Quantities",
            "NewsParsing.Temporal");
    }
}
