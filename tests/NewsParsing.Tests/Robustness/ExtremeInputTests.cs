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
        { "The debt is 79,228,162,514,264,337,593,543,950,335 trillion trillion dollars.", null, null, DiagnosticCodes.NumberOutOfRange },
        { "It holds 1234567890123456789012345678901234567890 atoms.", null, null, DiagnosticCodes.NumberOutOfRange },
        { "It holds 10^400 atoms.", null, null, DiagnosticCodes.NumberOutOfRange },
        { "It holds 1e400 atoms.", null, null, DiagnosticCodes.NumberOutOfRange },
        { "It holds 3e4000000 atoms.", null, null, DiagnosticCodes.NumberOutOfRange },
        { "It holds 2^2000 atoms.", null, null, DiagnosticCodes.NumberOutOfRange },
        { "It weighs 1.6×10−40 kg.", null, null, DiagnosticCodes.NumberOutOfRange },
        { "It weighs 5e-40 kg.", null, null, DiagnosticCodes.NumberOutOfRange },
        { "It costs 1,00,00,00,00,00,00,00,00,00,00,00,00,00,000 rupees.", null, null, DiagnosticCodes.NumberOutOfRange },
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

    [Theory]
    [InlineData("It holds 1234567890123456789012345678901234567890 atoms and 5 tonnes of sand.")]
    [InlineData("It holds 1,000,000,000,000,000,000,000,000,000,000 atoms and 5 tonnes of sand.")]
    [InlineData("It holds 1 000 000 000 000 000 000 000 000 000 000 000 atoms and 5 tonnes of sand.")]
    [InlineData("It holds 1e400 atoms and 5 tonnes of sand.")]
    [InlineData("It holds 10^400 atoms and 5 tonnes of sand.")]
    [InlineData("It holds 7×10⁻⁴⁰⁰ atoms and 5 tonnes of sand.")]
    public void A_number_beyond_decimal_is_reported_and_no_part_of_it_is_read_as_a_smaller_number(string text)
    {
        // Issue 20: "numbers saturate or become diagnostics". The number is one NP0018 with its whole span; none of its
        // digits is read as another quantity (the groups after the 28th digit, the exponent's digits); the rest of the
        // sentence still is.
        var article = NewsParser.Parse(text);

        var start = text.AsSpan().IndexOfAnyInRange('0', '9');
        var atoms = text.IndexOf(" atoms", StringComparison.Ordinal);
        var diagnostic = article.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.NumberOutOfRange).Subject;
        diagnostic.Span.Should().NotBeNull();
        diagnostic.Span!.Value.Start.Should().Be(start);
        diagnostic.Span!.Value.End.Should().Be(atoms, "the span covers the whole number");
        article.Quantities.Should().ContainSingle().Which.Value.Should().Be(5m);
    }

    [Theory]
    [InlineData("It holds 0000000000000000000000000000000000000042 atoms.", "42")] // leading zeros take no place
    [InlineData("It holds 9,999,999,999,999,999,999,999,999,999 atoms.", "9999999999999999999999999999")] // 28 digits: in range
    [InlineData("It holds 1e27 atoms.", "1000000000000000000000000000")]
    public void Numbers_at_the_edge_of_decimal_are_still_read(string text, string value)
    {
        var expected = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        var article = NewsParser.Parse(text);

        article.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.NumberOutOfRange);
        article.Quantities.Should().ContainSingle().Which.Value.Should().Be(expected);
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
