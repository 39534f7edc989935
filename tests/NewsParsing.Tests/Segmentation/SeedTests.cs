using NewsParsing.Tests.Infrastructure;

namespace NewsParsing.Tests.Segmentation;

public class SeedTests
{
    [Fact]
    public void Seed003_has_the_azertac_dateline_of_the_contract()
    {
        var text = File.ReadAllText(Path.Combine(Paths.Seeds, "003_79742d6c168d962d.txt"));
        var article = NewsParser.Parse(text);

        article.Header.Span.Should().Be(new Model.SourceSpan(0, 39));
        article.Dateline!.Span.Should().Be(new Model.SourceSpan(17, 22));
        article.Dateline.Place.Should().Be("Baku");
        article.Dateline.Date.Should().Be(new NodaTime.LocalDate(2018, 3, 9));
        article.Dateline.YearInferred.Should().BeTrue();
        article.Agency!.Id.Should().Be("azertac");
        article.Body.Span.Start.Should().Be(41);
        article.Body.Paragraphs[0].Span.Length.Should().Be(240);
        ArticleInvariants.Check(article);
    }
}
