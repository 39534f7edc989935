using NewsParsing.Model;
using NewsParsing.Tests.Infrastructure;
using NodaTime;

namespace NewsParsing.Tests.Html;

/// <summary>Metadata rules of issue 18 (HTML), each on a small page written here: headline, authors, publication date
/// and the dateline's date.</summary>
public class HtmlMetadataTests
{
    private const string P1 = "The state health department said on Tuesday that a sixth person had died of the virus this year.";
    private const string P2 = "Officials urged residents to use insect repellent and to stay indoors at dusk until the first hard frost.";
    private const string P3 = "The virus is rare in people, but about a third of those who develop the severe form of it die, they said.";

    private static string Page(string head, string body) =>
        $"<!doctype html><html><head><meta charset=\"utf-8\">{head}</head><body><article>{body}<p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>";

    private static string JsonLd(string article) =>
        $$"""<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",{{article}}}</script>""";

    private static string[] Names(NewsArticle a) => a.Authors.Select(x => x.Name).ToArray();

    [Fact]
    public void A_headline_that_asks_a_question_stays_the_headline_with_its_byline()
    {
        var page = Page(JsonLd("\"headline\":\"What is Nato and which countries are in it?\",\"author\":[{\"@type\":\"Person\",\"name\":\"Duncan Walker\"}]"),
            "<h1>What is Nato and which countries are in it?</h1>");
        var article = NewsParser.ParseHtml(page);
        ArticleInvariants.Check(article);
        article.Headline.Should().Be("What is Nato and which countries are in it?");
        Names(article).Should().Equal("Duncan Walker");
        article.Body.Paragraphs.Should().HaveCount(3);
        article.Body.Paragraphs[0].Text.Should().Be(P1);
    }

    [Fact]
    public void A_name_no_text_rule_knows_stays_an_author()
    {
        var page = Page(JsonLd("\"headline\":\"Japan Prime Minister dodges criticism during debate\",\"author\":{\"@type\":\"Person\",\"name\":\"新間\"}"), "");
        var article = NewsParser.ParseHtml(page);
        ArticleInvariants.Check(article);
        Names(article).Should().Equal("新間");
        article.Header.Byline!.Authors.Should().ContainSingle().Which.Name.Should().Be("新間");
    }

    [Theory]
    [InlineData("By Jane Roe and John Doe", new[] { "Jane Roe", "John Doe" })]
    [InlineData("By Jane Roe, John Doe and Ann Poe", new[] { "Jane Roe", "John Doe", "Ann Poe" })]
    [InlineData("By Jane Roe, Staff Writer", new[] { "Jane Roe" })]
    [InlineData("Jane Roe | Updated 3:45 PM", new[] { "Jane Roe" })]
    [InlineData("Von: Bill McCarthy, Marisha Goldhamer", new[] { "Bill McCarthy", "Marisha Goldhamer" })]
    public void Byline_elements_give_the_people(string byline, string[] expected)
    {
        var article = NewsParser.ParseHtml(Page("<title>Virus kills a sixth person this year</title>", $"<h1>Virus kills a sixth person this year</h1><p class=\"byline\">{byline}</p>"));
        ArticleInvariants.Check(article);
        Names(article).Should().Equal(expected);
        article.Agency.Should().BeNull();
    }

    [Fact]
    public void An_agency_in_the_byline_is_the_agency_not_a_person()
    {
        var article = NewsParser.ParseHtml(Page("", "<h1>Virus kills a sixth person this year</h1><div class=\"byline\">Jane Roe, Associated Press</div>"));
        ArticleInvariants.Check(article);
        Names(article).Should().Equal("Jane Roe");
        article.Agency!.Id.Should().Be("ap");
    }

    [Fact]
    public void A_JSON_LD_organization_that_is_an_agency_is_the_agency_and_the_page_still_names_the_people()
    {
        var page = Page(JsonLd("\"headline\":\"Virus kills a sixth person this year\",\"author\":{\"@type\":\"Organization\",\"name\":\"AFP\"}"),
            "<h1>Virus kills a sixth person this year</h1><p class=\"author-line\">By Bill McCarthy and Marisha Goldhamer</p>");
        var article = NewsParser.ParseHtml(page);
        ArticleInvariants.Check(article);
        Names(article).Should().Equal("Bill McCarthy", "Marisha Goldhamer");
        article.Agency!.Id.Should().Be("afp");
    }

    [Fact]
    public void A_JSON_LD_organization_that_is_no_agency_is_the_author()
    {
        var page = Page(JsonLd("\"headline\":\"What is the OBR and what does it do?\",\"author\":{\"@type\":\"NewsMediaOrganization\",\"name\":\"BBC News\"}"), "");
        var article = NewsParser.ParseHtml(page);
        Names(article).Should().Equal("BBC News");
        article.Agency.Should().BeNull();
    }

    [Fact]
    public void A_dateline_without_a_date_takes_the_page_date_and_says_so()
    {
        var body = $"<h1>Mexico's economy grew 1.1% in 1st quarter</h1><p>MEXICO CITY (AP) — Mexico's economy grew 1.1% in the first quarter, the national statistics agency said.</p>";
        var dated = NewsParser.ParseHtml(Page(JsonLd("\"headline\":\"Mexico's economy grew 1.1% in 1st quarter\",\"datePublished\":\"2023-04-28T17:40:08+00:00\""), body));
        ArticleInvariants.Check(dated);
        var dateline = dated.Dateline!;
        dateline.Place.Should().Be("Mexico City");
        dateline.Agency!.Id.Should().Be("ap");
        dateline.Date.Should().Be(new LocalDate(2023, 4, 28));
        dateline.DateFromPublication.Should().BeTrue();
        dateline.DateSpan.Should().BeNull();
        dateline.YearInferred.Should().BeFalse();

        var undated = NewsParser.ParseHtml(Page("", body)).Dateline!;
        undated.Date.Should().BeNull();
        undated.DateFromPublication.Should().BeFalse();
    }

    [Fact]
    public void A_dateline_that_writes_its_date_keeps_it()
    {
        var body = "<h1>Nepal disputes bird strike on plane</h1><p>KATHMANDU, April 24 (Reuters) - Nepal's civil aviation authority disputed on Monday whether a plane was hit by a bird.</p>";
        var dateline = NewsParser.ParseHtml(Page(JsonLd("\"datePublished\":\"2023-04-25T12:26:15+05:45\""), body)).Dateline!;
        dateline.Date.Should().Be(new LocalDate(2023, 4, 24));
        dateline.DateFromPublication.Should().BeFalse();
        dateline.DateSpan.Should().NotBeNull();
    }

    [Fact]
    public void Plain_text_datelines_are_unchanged()
    {
        var article = NewsParser.Parse("Mexico's economy grew\n\nMEXICO CITY (AP) — " + P1, new LocalDate(2023, 4, 28));
        article.Dateline!.Date.Should().BeNull();
        article.Dateline.DateFromPublication.Should().BeFalse();
    }

    [Theory]
    // JSON-LD and OpenGraph differ: the one <title> agrees with (AP); OpenGraph alone against three: the three
    [InlineData("The campaigns brace for a sprint", "The campaigns brace for an intense sprint", "The campaigns brace for an intense sprint", "The campaigns brace for a sprint | AP News", "The campaigns brace for a sprint")]
    [InlineData("Police to investigate reports of information leaks", "Police to investigate reports of leaks", "Police to investigate reports of information leaks", "Police to investigate reports of information leaks | Euronews", "Police to investigate reports of information leaks")]
    // a JSON-LD headline cut short does not count
    [InlineData("Police to investigate reports of information…", "Police to investigate reports of information leaks", null, null, "Police to investigate reports of information leaks")]
    [InlineData("Police to investigate reports of", null, "Police to investigate reports of information leaks", null, "Police to investigate reports of information leaks")]
    // neither JSON-LD nor OpenGraph: <h1> and <title> with the site name cut off
    [InlineData(null, null, "Police to investigate leaks", "Police to investigate leaks - Example Times", "Police to investigate leaks")]
    // entities decoded everywhere
    [InlineData(null, "T&#252;rkiye&#39;de &amp; elsewhere", null, null, "Türkiye'de & elsewhere")]
    public void The_headline_is_the_one_the_sources_agree_on(string? jsonLd, string? og, string? h1, string? title, string expected)
    {
        var head = (jsonLd is null ? "" : JsonLd($"\"headline\":\"{jsonLd}\""))
            + (og is null ? "" : $"<meta property=\"og:title\" content=\"{og}\">")
            + (title is null ? "" : $"<title>{title}</title>");
        var article = NewsParser.ParseHtml(Page(head, h1 is null ? "" : $"<h1>{h1}</h1>"));
        ArticleInvariants.Check(article);
        article.Headline.Should().Be(expected);
    }

    [Theory]
    [InlineData("<span class=\"tarih\">05.04.2025 - Güncelleme : 05.04.2025</span>", "2025-04-05T00:00:00Z")]
    [InlineData("<time>April 5, 2025 3:45 PM</time>", "2025-04-05T15:45:00Z")]
    [InlineData("<div class=\"published-date\">Published 5 April 2025, 14:01</div>", "2025-04-05T14:01:00Z")]
    public void A_date_shown_as_text_is_the_publication_date_when_nothing_else_gives_one(string element, string expected)
    {
        var article = NewsParser.ParseHtml(Page("", "<h1>Virus kills a sixth person this year</h1>" + element));
        article.PublishedAt.Should().Be(NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(expected).Value);
        article.PublicationDateSource.Should().Be(PublicationDateSource.Html);
    }

    [Fact]
    public void Metadata_dates_win_over_dates_shown_as_text()
    {
        var article = NewsParser.ParseHtml(Page("<meta property=\"article:published_time\" content=\"2025-04-06T08:00:00+03:00\">",
            "<h1>Virus kills a sixth person this year</h1><span class=\"date\">05.04.2025</span>"));
        article.PublicationDate.Should().Be(new LocalDate(2025, 4, 6));
    }

    [Fact]
    public void A_name_written_just_before_the_date_is_the_author()
    {
        var article = NewsParser.ParseHtml(Page("", "<h1>Virus kills a sixth person this year</h1><div><span>Sehernur Karsu &nbsp;|</span><span class=\"tarih\">05.04.2025</span></div>"));
        Names(article).Should().Equal("Sehernur Karsu");
    }

    [Fact]
    public void A_fact_check_ClaimReview_gives_its_date_and_organization()
    {
        var page = Page("""<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"ClaimReview","itemReviewed":{"@type":"Claim","author":{"@type":"Person","name":"Alex Jones"}},"author":{"@type":"Organization","name":"AFP"},"datePublished":"2026-05-13 15:44"}]}</script>""",
            "<h1>Fear of a virus revives old conspiracy stories</h1>");
        var article = NewsParser.ParseHtml(page);
        article.PublishedAt.Should().Be(new LocalDateTime(2026, 5, 13, 15, 44).WithOffset(Offset.Zero));
        Names(article).Should().NotContain("Alex Jones");
        article.Agency!.Id.Should().Be("afp");
    }
}
