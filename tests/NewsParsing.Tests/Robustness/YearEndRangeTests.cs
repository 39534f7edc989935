using NewsParsing.Tests.Temporal;
using NodaTime;

namespace NewsParsing.Tests.Robustness;

/// <summary>
/// Issue 20: a range of dates without years over a year end ("Dec 31 - January 1", "December 28 – January 3"). Its end
/// belongs to the year after its start: resolved from a publication date, the end is the next year; with no year to be
/// had, a year-less TIMEX3 value cannot say so ("XXXX-12-31/XXXX-01-01" would read backwards), and the ends are two
/// dates, as TimeML writes a range (two TIMEX3 tags). Found by the extreme-dates fuzz generator.
/// </summary>
public class YearEndRangeTests
{
    [Theory]
    [InlineData("The festival runs from Dec 31 to January 2.", "2020-12-20", "2020-12-31/2021-01-02", "2020-12-31", "2021-01-02")]
    [InlineData("The festival runs Dec 31 - January 1.", "2020-12-20", "2020-12-31/2021-01-01", "2020-12-31", "2021-01-01")]
    [InlineData("The office was closed December 28 – January 3.", "2021-01-10", "2020-12-28/2021-01-03", "2020-12-28", "2021-01-03")]
    [InlineData("The talks lasted from December 30, 2019 to January 4.", "2020-03-01", "2019-12-30/2020-01-04", "2019-12-30", "2020-01-04")]
    [InlineData("The exhibition runs from December to February.", "2020-11-20", "2020-12/2021-02", "2020-12-01", "2021-02-28")]
    [InlineData("The festival runs from Dec 31 to January 2.", "9998-12-20", "9998-12-31/9999-01-02", "9998-12-31", "9999-01-02")]
    public void With_a_publication_date_the_end_is_in_the_next_year(string text, string published, string value, string first, string last)
    {
        var article = NewsParser.Parse(text, Date(published));

        var range = article.Dates.Should().ContainSingle().Subject;
        range.IsRange.Should().BeTrue();
        range.Value.Should().Be(value);
        range.Range.Should().NotBeNull();
        range.Range!.Start.Should().Be(Date(first));
        range.Range.End.Should().Be(Date(last));
        Timex3.IsValid("DATE", range.Value).Should().BeTrue();
    }

    [Theory]
    [InlineData("The festival runs Dec 31 - January 1.", "XXXX-12-31", "XXXX-01-01")]
    [InlineData("The festival runs from Dec 31 to January 2.", "XXXX-12-31", "XXXX-01-02")]
    [InlineData("The office was closed December 28 – January 3.", "XXXX-12-28", "XXXX-01-03")]
    [InlineData("The exhibition runs from December to February.", "XXXX-12", "XXXX-02")]
    public void Without_a_year_the_ends_are_two_dates_each_a_valid_TIMEX3_value(string text, string start, string end)
    {
        var article = NewsParser.Parse(text);

        article.Dates.Select(d => d.Value).Should().Equal(start, end);
        article.Dates.Should().OnlyContain(d => !d.IsRange && Timex3.IsValid("DATE", d.Value));
    }

    [Theory]
    [InlineData("The festival runs Dec 3 - December 7.", "XXXX-12-03/XXXX-12-07")]
    [InlineData("The festival runs from January 31 to February 2.", "XXXX-01-31/XXXX-02-02")]
    [InlineData("The festival runs Dec 30 - Dec 30.", "XXXX-12-30/XXXX-12-30")]
    public void Without_a_year_a_range_within_a_year_stays_one_range(string text, string value)
    {
        var article = NewsParser.Parse(text);

        var range = article.Dates.Should().ContainSingle().Subject;
        range.IsRange.Should().BeTrue();
        range.Value.Should().Be(value);
    }

    private static LocalDate Date(string iso) =>
        NodaTime.Text.LocalDatePattern.Iso.Parse(iso).GetValueOrThrow();
}
