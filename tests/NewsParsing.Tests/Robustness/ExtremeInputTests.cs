using NewsParsing.Model;
using NewsParsing.Tests.Infrastructure;
using NodaTime;

namespace NewsParsing.Tests.Robustness;

/// <summary>
/// Issue 20, items 2 and 8: text never makes <see cref="NewsPipeline.Parse(string, LocalDate?)"/> throw. Numbers past
/// <see cref="decimal"/> and dates past the calendar's ends (years -9998 and 9999) become diagnostics with a stable
/// code; the rest of the article is parsed as usual.
/// </summary>
public class ExtremeInputTests
{
    public static TheoryData<string, string?, string?, string?> Cases => new()
    {
        // text, publication date, reference date, the diagnostic code expected (null: none required)
        { "The debt is 100,000,000,000,000,000,000 trillion dollars.", null, null, DiagnosticCodes.NumberOutOfRange },
        { "The debt is 79,228,162,514,264,337,593,543,950,335 trillion trillion dollars.", null, null, null }, // dropped silently: a known gap
        { " date 9999-12-30 By A B\n\nThe meeting is next week.", null, null, DiagnosticCodes.DateOutOfRange },
        { "BAKU, Dec 30 - The meeting is next week.", "9999-12-31", null, DiagnosticCodes.DateOutOfRange },
        { "BAKU, Jan 1 - The meeting was last week, two days ago.", "-9998-01-01", null, DiagnosticCodes.DateOutOfRange },
        { "BAKU, Dec 30 - The meeting is next week.", null, "9999-12-31", DiagnosticCodes.DateOutOfRange },
        { "BAKU, Jan 2 - It was held last year.", null, "-9998-01-01", DiagnosticCodes.DateOutOfRange },
        { "LONDON, Dec 31 (Reuters) - Talks resume in 5,000 years.", "9999-12-31", null, null }, // a duration: no date to resolve
        { "LONDON, Dec 31 (Reuters) - Talks resume next year.", "9999-12-31", null, DiagnosticCodes.DateOutOfRange },
        { "BAKU, Jan 1 - It happened yesterday.", "0001-01-01", null, DiagnosticCodes.DateOutOfRange }, // year 0: no TIMEX year
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Text_at_the_edges_gives_a_diagnostic_not_an_exception(string text, string? published, string? reference, string? code)
    {
        var pipeline = reference is null ? NewsParser.Default : new NewsPipelineBuilder().WithReferenceDate(Date(reference)).Build();
        var article = published is null ? pipeline.Parse(text) : pipeline.Parse(text, Date(published));

        ArticleInvariants.Check(article);
        article.Body.Paragraphs.Should().NotBeEmpty("the rest of the article is still parsed");
        if (code is not null)
        {
            article.Diagnostics.Should().Contain(d => d.Code == code);
        }
    }

    [Fact]
    public void A_dateline_at_the_calendar_end_keeps_its_date()
    {
        // "Dec 30" on a 9999-12-31 article is 9999-12-30: the year after 9999 is not a candidate, and is no error.
        var article = NewsParser.Parse("BAKU, Dec 30 - The talks ended.", new LocalDate(9999, 12, 31));
        article.Dateline!.Date.Should().Be(new LocalDate(9999, 12, 30));
        var first = NewsParser.Parse("BAKU, Jan 2 - The talks ended.", new LocalDate(-9998, 1, 1));
        first.Dateline!.Date.Should().Be(new LocalDate(-9998, 1, 2));
    }

    private static LocalDate Date(string iso) =>
        NodaTime.Text.LocalDatePattern.Iso.Parse(iso).GetValueOrThrow();
}
