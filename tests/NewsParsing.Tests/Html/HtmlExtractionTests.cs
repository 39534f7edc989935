using NewsParsing.Model;
using NewsParsing.Tests.Infrastructure;

namespace NewsParsing.Tests.Html;

/// <summary>Classes of page that used to lose the article (issue 18), each as a small page written here: the article
/// must come out whole, and what is not the article must stay out.</summary>
public class HtmlExtractionTests
{
    private const string P1 = "The state health department said on Tuesday that a sixth person had died of the virus this year.";
    private const string P2 = "Officials urged residents to use insect repellent and to stay indoors at dusk until the first hard frost.";
    private const string P3 = "The virus is rare in people, but about a third of those who develop the severe form of it die, they said.";

    private static string Body(NewsArticle a) => string.Join("\n", a.Body.Paragraphs.Select(p => p.Text));

    public static TheoryData<string, string> LostArticlePages() => new()
    {
        // a layout word on a wrapper whose inside says article (cbslocal's "and-w-sidebar", Blogger's "widget")
        { "sidebar wrapper", $"<html><body><div class=\"and-w-sidebar\"><div class=\"article-body\"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div><div class=\"cookie-bar\"><p>We use cookies to improve your experience on this site, accept them.</p></div></body></html>" },
        { "widget wrapper", $"<html><body><div id=\"Blog1\" class=\"widget Blog\"><div class=\"post-body entry-content\"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div></body></html>" },
        { "own words say article", $"<html><body><div class=\"l-sidebar-fixed l-article-body-segment\"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>" },
        { "modal class", $"<html><body><div class=\"box article modal-enabled\"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>" },
        // the whole page in a form (ASP.NET), a form's message being the only other text
        { "form ancestor", $"<html><body><form id=\"aspnetForm\"><div class=\"wrapper\"><div><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div><div class=\"contact\"><p>Thanks for contacting us, we will reply soon.</p></div></form></body></html>" },
        // bare text and <br> lines in a div (entermedia, CNN, MacRumors)
        { "br lines", $"<html><body><div class=\"news_text\">{P1}<br><br>{P2}<br><br><b>{P3}</b></div></body></html>" },
        { "text-only blocks", $"<html><body><section><div class=\"zn-body__paragraph\">{P1}</div><div class=\"zn-body__paragraph\">{P2}</div><div class=\"zn-body__paragraph\">{P3}</div></section></body></html>" },
        // one wrapper per paragraph, several levels deep (the BBC)
        // the only copy of the story is hidden (a schema.org copy): the relaxed retry still reads it
        { "hidden only copy", $"<html><body><div style=\"display: none\" itemprop=\"articleBody\"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>" },
        { "per-paragraph wrappers", $"<html><body><article><div data-component=\"text-block\"><div><div><p>{P1}</p></div></div></div><div data-component=\"text-block\"><div><div><p>{P2}</p></div></div></div><div data-component=\"text-block\"><div><div><p>{P3}</p></div></div></div></article></body></html>" },
    };

    [Theory]
    [MemberData(nameof(LostArticlePages))]
    public void The_article_is_never_lost(string name, string page)
    {
        var article = NewsParser.ParseHtml(page);
        ArticleInvariants.Check(article);
        var body = Body(article);
        body.Should().Contain(P1, name).And.Contain(P2, name).And.Contain(P3, name);
        body.Should().NotContain("cookies", name).And.NotContain("Thanks for contacting", name);
    }

    [Fact]
    public void Comments_and_share_bars_stay_out_even_when_their_class_says_body()
    {
        var page = $"<html><body><article class=\"story\"><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"
            + "<div class=\"comments\"><div class=\"comment-body\"><p>I have lived here for thirty years and never seen anything like this, awful.</p></div></div>"
            + "<div class=\"share-content\"><p>Share this story with your friends and family on social networks today.</p></div></body></html>";
        var body = Body(NewsParser.ParseHtml(page));
        body.Should().Contain(P1).And.Contain(P3);
        body.Should().NotContain("thirty years").And.NotContain("Share this story");
    }

    [Fact]
    public void Teaser_cards_and_link_lists_next_to_the_story_stay_out()
    {
        const string Teaser = "A summary of another story that a reader could open from this page, about something else.";
        var card = $"<a href=\"/other\"><h3>Another story entirely, with a headline of its own</h3><p>{Teaser}</p></a>";
        var item = $"<div class=\"item\"><h3><a href=\"/more\">Yet another story with a long enough headline to count</a></h3><p>{Teaser}</p></div>";
        var page = $"<html><body><div class=\"wrap\"><div class=\"story\"><p>{P1}</p><p>{P2}</p><p>{P3}</p>{card}</div>"
            + $"<div class=\"more\">{item}{item}</div></div></body></html>";
        var body = Body(NewsParser.ParseHtml(page));
        body.Should().Contain(P1).And.Contain(P2).And.Contain(P3);
        body.Should().NotContain("summary of another story").And.NotContain("headline of its own");
    }

    [Fact]
    public void A_hidden_copy_of_the_story_is_not_read_twice()
    {
        // a story long enough (600 characters) that no relaxed retry runs
        const string More = "<p>Mosquito samples from four counties tested positive in the last two weeks of the season.</p>"
            + "<p>The department will keep trapping and testing mosquitoes through the end of October, a spokesman said.</p>"
            + "<p>Residents were asked to empty standing water from buckets, gutters and bird baths around their homes.</p>";
        var page = $"<html><body><div class=\"page\"><div class=\"story\"><p>{P1}</p><p>{P2}</p><p>{P3}</p>{More}</div>"
            + $"<div hidden><div itemprop=\"articleBody\"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div><div itemprop=\"datePublished\">2019-11-19T08:57:40+01:00 (published)</div></div></div></body></html>";
        var article = NewsParser.ParseHtml(page);
        var body = Body(article);
        body.Should().Contain(P1).And.Contain(P3).And.NotContain("2019-11-19T08:57:40");
        article.Body.Paragraphs.Count(p => p.Text.Contains("sixth person", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public void Headline_is_decoded_and_loses_the_site_name()
    {
        var page = "<html><head><title>Sterling falls to &#163;1.20 low | The Daily Paper</title>"
            + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Sterling falls to &#163;1.20 low\"}</script></head>"
            + $"<body><article><p>{P1}</p><p>{P2}</p></article></body></html>";
        NewsParser.ParseHtml(page).Headline.Should().Be("Sterling falls to £1.20 low");
    }

    [Fact]
    public void Byline_elements_give_the_authors_when_no_metadata_names_them()
    {
        var page = "<html><head><meta property=\"og:title\" content=\"Prime minister dodges criticism in debate\"></head><body><article>"
            + "<p class=\"byline\">By Takeo Maeda and Tatsuya Tanoue / Yomiuri Shimbun Staff Writers</p>"
            + $"<p>{P1}</p><p>{P2}</p></article></body></html>";
        var article = NewsParser.ParseHtml(page);
        article.Authors.Select(a => a.Name).Should().Contain("Takeo Maeda").And.Contain("Tatsuya Tanoue");
        Body(article).Should().NotContain("Yomiuri Shimbun Staff");
    }

    [Fact]
    public void A_json_ld_organization_author_that_is_an_agency_is_the_agency()
    {
        var page = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Quake shakes the capital\","
            + "\"author\":[{\"@type\":\"Organization\",\"name\":\"Associated Press\"}],\"datePublished\":\"2024-09-03T10:00:00Z\"}</script></head>"
            + $"<body><article><p>MEXICO CITY (AP) — {P1}</p><p>{P2}</p></article></body></html>";
        var article = NewsParser.ParseHtml(page);
        article.Agency!.Id.Should().Be("ap");
        article.Authors.Select(a => a.Name).Should().NotContain("Associated Press");
        article.PublicationDate.Should().Be(new NodaTime.LocalDate(2024, 9, 3));
    }

    [Fact]
    public void A_date_in_the_address_is_the_publication_date_when_the_page_states_none()
    {
        var page = $"<html><body><article><p>{P1}</p><p>{P2}</p></article></body></html>";
        var article = NewsParser.ParseHtml(page, "https://www.example.com/2019/11/18/business/story.html");
        article.PublicationDate.Should().Be(new NodaTime.LocalDate(2019, 11, 18));
        article.PublicationDateSource.Should().Be(PublicationDateSource.Html);
    }
    [Theory]
    [InlineData("Citation: Hibernating astronauts would need smaller spacecraft (2019, November 18) retrieved 20 November 2019 from https://phys.org/news/")]
    [InlineData("Sign up for our daily newsletter to get the morning's top stories delivered to your inbox.")]
    [InlineData("Follow us on Twitter and Facebook for the latest updates from the newsroom.")]
    [InlineData("If you enjoyed this article, share it with a friend who might like it too.")]
    [InlineData("The harbour at dawn, seen from the old lighthouse (Image: Getty Images)")]
    public void Short_boilerplate_at_the_end_of_the_body_is_dropped(string trailer)
    {
        var page = $"<html><body><article><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{trailer}</p></article></body></html>";
        var article = NewsParser.ParseHtml(page);
        ArticleInvariants.Check(article);
        var body = Body(article);
        body.Should().EndWith(P3);
        body.Should().NotContain(trailer);
    }

    [Fact]
    public void A_run_of_boilerplate_at_the_end_is_dropped_but_the_story_before_it_stays()
    {
        const string Citation = "Citation: Cells that taste danger (2019, November 18) retrieved 20 November 2019 from https://phys.org/news/cells.html";
        const string Notice = "This document is subject to copyright. Apart from any fair dealing for private study or research, no part may be reproduced.";
        var page = $"<html><body><article><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{Citation}</p><p>{Notice}</p></article></body></html>";
        var body = Body(NewsParser.ParseHtml(page));
        body.Should().Be(string.Join("\n", P1, P2, P3));
    }

    [Fact]
    public void Boilerplate_cues_do_not_cut_a_real_last_paragraph_or_one_in_the_middle()
    {
        // a cue in the middle of the story, and a last paragraph that mentions following and signing up in passing
        const string Middle = "Follow us, the mayor told the crowd, and the marchers turned towards the river and the bridge.";
        const string Last = "Residents can sign up for alerts on the county website, officials said, and should follow the advice given.";
        var page = $"<html><body><article><p>{P1}</p><p>{Middle}</p><p>{P2}</p><p>{Last}</p></article></body></html>";
        var body = Body(NewsParser.ParseHtml(page));
        body.Should().Contain(Middle).And.EndWith(Last);
    }

    [Fact]
    public void A_long_last_paragraph_that_starts_like_boilerplate_is_kept()
    {
        var last = "Subscribe to the idea that the council can fix the roads, the opposition leader said, and you will be disappointed again: " + P2 + " " + P3 + " " + P1;
        var page = $"<html><body><article><p>{P1}</p><p>{P2}</p><p>{last}</p></article></body></html>";
        Body(NewsParser.ParseHtml(page)).Should().EndWith(last);
    }
    [Fact]
    public void A_headline_worded_slightly_differently_on_the_page_is_not_the_first_body_paragraph()
    {
        const string Meta = "HS Roundup: Viera defeats Rockledge to remain undefeated";
        const string OnPage = "High School Roundup: Viera defeats Rockledge to remain undefeated";
        var page = $"<html><head><meta property=\"og:title\" content=\"{Meta}\"></head><body><article><h2>{OnPage}</h2><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>";
        var article = NewsParser.ParseHtml(page);
        ArticleInvariants.Check(article);
        article.Headline.Should().Be(Meta);
        Body(article).Should().StartWith(P1);
    }

    [Fact]
    public void A_first_paragraph_that_only_shares_words_with_the_headline_stays()
    {
        const string Meta = "Viera defeats Rockledge to remain undefeated";
        const string Lead = "Viera defeats Rockledge again.";
        var page = $"<html><head><meta property=\"og:title\" content=\"{Meta}\"></head><body><article><p>{Lead} {P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>";
        Body(NewsParser.ParseHtml(page)).Should().StartWith(Lead);
    }

    private const string Results = "<table><thead><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr></thead><tbody>"
        + "<tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr><tr><td>2</td><td>Martin Truex Jr.</td><td>5035</td></tr>"
        + "<tr><td>3</td><td><b>Kevin</b> Harvick</td><td>5033</td></tr></tbody></table>";

    [Fact]
    public void A_data_table_in_the_story_is_read_one_row_per_paragraph_in_place()
    {
        var page = $"<html><body><article><p>{P1}</p><p>{P2}</p>{Results}<p>{P3}</p></article></body></html>";
        var article = NewsParser.ParseHtml(page);
        ArticleInvariants.Check(article);
        article.Body.Paragraphs.Select(p => p.Text).Should().Equal(P1, P2, "Pos. Driver Points", "1 Kyle Busch 5040", "2 Martin Truex Jr. 5035", "3 Kevin Harvick 5033", P3);
        var row = article.Body.Paragraphs[3];
        article.Html!.MapToHtml(row.Span).Should().NotBeNull();
        page[article.Html.MapToHtml(row.Span)!.Value.Start..].Should().StartWith("<tr><td>1</td>", "a row maps back to its <tr>");
    }

    [Fact]
    public void A_page_of_tables_only_gives_its_largest_table_and_a_wordpress_table_figure_is_read()
    {
        var only = $"<html><body><div>{Results}</div><table><tr><td>a</td><td>bb</td></tr><tr><td>c</td><td>dd</td></tr><tr><td>e</td><td>ff</td></tr></table></body></html>";
        var article = NewsParser.ParseHtml(only);
        ArticleInvariants.Check(article);
        article.Text.Should().Contain("1 Kyle Busch 5040").And.NotContain("a bb");

        var figure = $"<html><body><article><p>{P1}</p><figure class=\"wp-block-table\">{Results}<figcaption>Standings after 36 races, NASCAR</figcaption></figure><p>{P2}</p></article></body></html>";
        var body = Body(NewsParser.ParseHtml(figure));
        body.Should().Contain("2 Martin Truex Jr. 5035").And.NotContain("Standings after");

        var hidden = Results.Replace("<tr><td>3</td>", "<tr style=\"display:none\"><td>3</td>", StringComparison.Ordinal);
        Body(NewsParser.ParseHtml($"<html><body><article><p>{P1}</p>{hidden}<p>{P2}</p></article></body></html>")).Should().Contain("Kyle Busch").And.NotContain("Harvick");
    }

    [Fact]
    public void Tables_that_are_not_data_stay_out_or_are_walked_as_blocks()
    {
        // a table beside the story, outside its container (directly in the body, or in the page's wrapper): not the article
        var beside = $"<html><body><article><p>{P1}</p><p>{P2}</p><p>{P3}</p></article><div class=\"standings\">{Results}</div></body></html>";
        Body(NewsParser.ParseHtml(beside)).Should().NotContain("Kyle Busch");
        var wrapped = $"<html><body><div id=\"page\"><article><p>{P1}</p><p>{P2}</p><p>{P3}</p></article><div class=\"standings\">{Results}</div></div></body></html>";
        Body(NewsParser.ParseHtml(wrapped)).Should().Contain(P1).And.NotContain("Kyle Busch");

        // a layout table whose cells hold paragraphs: the story inside is read as paragraphs, not as rows
        var layout = $"<html><body><table><tr><td><p>{P1}</p><p>{P2}</p><p>{P3}</p></td><td>Menu</td></tr><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table></body></html>";
        NewsParser.ParseHtml(layout).Body.Paragraphs.Select(p => p.Text).Should().Equal(P1, P2, P3);

        // a table of links (a navigation grid) and a table of numbers only (a calendar) inside the story: not rows
        var links = "<table><tr><td><a href=/a>Politics</a></td><td><a href=/b>Sport</a></td></tr><tr><td><a href=/c>Business</a></td><td><a href=/d>Culture</a></td></tr><tr><td><a href=/e>Science</a></td><td><a href=/f>Travel</a></td></tr></table>";
        var calendar = "<table><tr><td>1</td><td>2</td><td>3</td></tr><tr><td>4</td><td>5</td><td>6</td></tr><tr><td>7</td><td>8</td><td>9</td></tr></table>";
        var inside = $"<html><body><article><p>{P1}</p>{links}<p>{P2}</p>{calendar}<p>{P3}</p></article></body></html>";
        NewsParser.ParseHtml(inside).Body.Paragraphs.Select(p => p.Text).Should().Equal(P1, P2, P3);

        // two rows are not a table of data
        var two = $"<html><body><article><p>{P1}</p><table><tr><td>Kyle Busch</td><td>5040</td></tr><tr><td>Martin Truex</td><td>5035</td></tr></table><p>{P2}</p></article></body></html>";
        Body(NewsParser.ParseHtml(two)).Should().NotContain("Kyle Busch");
    }

    [Theory]
    [InlineData("<h3 class=\"relatedpoststitle\">More for you</h3>")]
    [InlineData("<h2 id=\"recommended-heading\">Elsewhere</h2>")]
    [InlineData("<h2>You may also like:</h2>")]
    [InlineData("<h3>Você pode gostar...</h3>")]
    [InlineData("<h4>À lire aussi</h4>")]
    public void A_block_labelled_as_other_stories_stays_out_however_long(string heading)
    {
        // Eight excerpts of other posts under the label outweigh a two-paragraph story: without the label they win.
        const string Other = "An excerpt of another post on the same site, long enough to score as a paragraph of its own, about something else entirely …";
        var others = string.Concat(Enumerable.Repeat($"<article><p>{Other}</p></article>", 8));
        var page = $"<html><body><div class=\"main-col\"><article><h1>Sixth death</h1><p>{P1} {P2} {P3}</p><p>{P3} {P2} {P1}</p></article>"
            + $"<article class=\"postbox\">{heading}{others}</article></div></body></html>";
        Body(NewsParser.ParseHtml(page.Replace(heading, "", StringComparison.Ordinal))).Should().Contain("another post", "without the label the excerpts win");
        var article = NewsParser.ParseHtml(page);
        ArticleInvariants.Check(article);
        Body(article).Should().Contain(P1).And.NotContain("another post");
    }

    [Fact]
    public void A_story_section_that_starts_with_a_subheading_stays()
    {
        var page = $"<html><body><article><section><h2>The minister's plan</h2><p>{P1}</p><p>{P2}</p></section>"
            + $"<section><h2>Related</h2><div class=\"teaser\"><p>{P3}</p></div></section></article></body></html>";
        var body = Body(NewsParser.ParseHtml(page));
        body.Should().Contain(P1).And.Contain(P2).And.NotContain(P3);

        // a label right above story paragraphs, or story text before the label: the block is the story's
        var direct = $"<html><body><div class=\"wrap\"><h2>Most read</h2><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>";
        Body(NewsParser.ParseHtml(direct)).Should().Contain(P1).And.Contain(P3);
        var before = $"<html><body><div class=\"wrap\">{P1}<br><br>{P2}<h3>Read also</h3><div><p>{P3}</p></div></div></body></html>";
        Body(NewsParser.ParseHtml(before)).Should().Contain(P1).And.Contain(P2);

        // the block's own words saying the story keep it, whatever its first heading says
        var own = $"<html><body><div class=\"story-body\"><h2>Related</h2><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>";
        Body(NewsParser.ParseHtml(own)).Should().Contain(P1).And.Contain(P3);
    }

    [Fact]
    public void Photo_credits_reading_times_and_date_stamps_before_the_story_are_dropped()
    {
        var page = "<html><body><article><p>Photo: David Zalubowski, STF / Associated Press</p><p>Posted: Fri 6:45 PM, Feb 16, 2018 |</p>"
            + $"<p>Tempo de leitura: 1 minuto</p><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>";
        var article = NewsParser.ParseHtml(page);
        ArticleInvariants.Check(article);
        article.Body.Paragraphs.Select(p => p.Text).Should().Equal(P1, P2, P3);
        article.PublishedAt.Should().NotBeNull("the dropped stamp is the only date the page states");
        article.PublishedAt!.Value.Date.Should().Be(new NodaTime.LocalDate(2018, 2, 16));
        article.PublishedAt.Value.TimeOfDay.Should().Be(new NodaTime.LocalTime(18, 45));
    }

    [Fact]
    public void Of_two_date_stamps_the_earlier_is_the_publication_time()
    {
        var page = $"<html><body><article><p>Updated: Sat 8:31 PM, Feb 17, 2018</p><p>Posted: Fri 6:45 PM, Feb 16, 2018 |</p><p>{P1}</p><p>{P2}</p></article></body></html>";
        var article = NewsParser.ParseHtml(page);
        article.Body.Paragraphs.Select(p => p.Text).Should().Equal(P1, P2);
        article.PublishedAt!.Value.LocalDateTime.Should().Be(new NodaTime.LocalDateTime(2018, 2, 16, 18, 45));
    }

    [Theory]
    [InlineData("WASHINGTON, Nov. 20, 2019")] // a dateline: a capitalised word that is not a stamp's
    [InlineData("Last year's champion died on Sunday, June 9, 2019, at his home.")] // stamp words, then a sentence
    [InlineData("Updated guidance took effect on Monday, March 2, 2020")]
    [InlineData("iPhone sales fell on June 9, 2019 - 11:28 AMT")]
    [InlineData("A Reuters/Ipsos poll found support at 41 percent")] // a credit phrase only as whole words, exact case
    [InlineData("Benjamin read the verdict to the court on Tuesday")]
    [InlineData("Getty Images said on Tuesday it would cut 100 jobs.")] // a sentence ends in a full stop
    [InlineData("The vote on November 20, 2019 was close.")] // a sentence
    [InlineData("Photographs of the flooded valley were shared widely on Tuesday, and officials said the water was still rising in several towns along the river, where hundreds of homes were evacuated overnight.")] // long
    public void Lines_before_the_story_that_are_part_of_it_stay(string first)
    {
        var page = $"<html><body><article><p>{first}</p><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>";
        var article = NewsParser.ParseHtml(page);
        article.Text.Should().Contain(first, "it is the dateline or the story's first paragraph");
        Body(article).Should().Contain(P1);
    }
}
