using NewsParsing.Model;
using NodaTime;

namespace NewsParsing.Temporal;

/// <summary>The TIMEX3 type of a temporal expression.</summary>
public enum TemporalType
{
    /// <summary>A calendar date, month, year, week, quarter or decade (also a range of them).</summary>
    Date,

    /// <summary>A length of time (<c>three days</c>, <c>44-day</c>).</summary>
    Duration,

    /// <summary>A recurring time (<c>every year</c>, <c>weekly</c>).</summary>
    Set,

    /// <summary>A time of day (<c>2 p.m.</c>, <c>this morning</c>).</summary>
    Time,
}

/// <summary>The TIMEX3 <c>mod</c> of an expression: which part of the period, or how exact it is.</summary>
public enum TemporalModifier
{
    /// <summary>No modifier.</summary>
    None,

    /// <summary>The start of the period (<c>early 2020</c>, <c>the beginning of March</c>).</summary>
    Start,

    /// <summary>The middle of the period (<c>mid-2021</c>).</summary>
    Mid,

    /// <summary>The end of the period (<c>late 2020</c>, <c>the end of the year</c>).</summary>
    End,

    /// <summary>About (<c>about three years</c>).</summary>
    Approx,

    /// <summary>Less than (<c>less than a year</c>).</summary>
    LessThan,

    /// <summary>More than (<c>more than two decades</c>).</summary>
    MoreThan,
}

/// <summary>
/// A date, period, duration, set or time found in the article, normalised against the publication date. Ranges are
/// inclusive at both ends: <c>from July 26 to August 6</c> is <see cref="Range"/> 2021-07-26..2021-08-06 with both
/// days included.
/// </summary>
public sealed class TemporalExpression : ArticleElement
{
    internal TemporalExpression(string source, SourceSpan span)
        : base(source, span)
    {
    }

    private byte _type;
    private byte _modifier;

    /// <summary>DATE, DURATION, SET or TIME.</summary>
    public TemporalType Type { get => (TemporalType)_type; internal init => _type = checked((byte)value); }

    /// <summary>
    /// The TIMEX3 value: <c>2021-10-05</c>, <c>2020-05</c>, <c>2020</c>, <c>2019-W37</c>, <c>2020-Q1</c>, <c>2020-H2</c>,
    /// <c>199X</c>, <c>P44D</c>, <c>PXY</c>, an ISO 8601 interval <c>2021-07-26/2021-08-06</c> for ranges, or a reference
    /// (<c>PRESENT_REF</c>, <c>PAST_REF</c>, <c>FUTURE_REF</c>). An unresolved value keeps <c>X</c>s (<c>XXXX-03-09</c>).
    /// </summary>
    public string Value { get; internal init; } = "";

    /// <summary>The TIMEX3 modifier (<c>late 2020</c> is 2020 with <see cref="TemporalModifier.End"/>).</summary>
    public TemporalModifier Modifier { get => (TemporalModifier)_modifier; internal init => _modifier = checked((byte)value); }

    /// <summary>The day, when the expression names one.</summary>
    public LocalDate? Date { get; internal init; }

    /// <summary>The month, when the expression names a month (<c>June 2019</c>).</summary>
    public YearMonth? YearMonth { get; internal init; }

    /// <summary>The year, when the expression names a year or a part of one.</summary>
    public int? Year { get; internal init; }

    /// <summary>The days covered, inclusive at both ends: for ranges, and for months, weeks, quarters and years.</summary>
    public DateInterval? Range { get; internal init; }

    /// <summary>The length of a duration (<c>P44D</c>); <see langword="null"/> when vague (<c>PXY</c>).</summary>
    public Period? Duration { get; internal init; }

    /// <summary>Whether the year was not written and was inferred from the publication date and the tense.</summary>
    public bool YearInferred { get; internal init; }

    /// <summary>Whether the expression is an interval written with two ends (<c>from July 26 to August 6</c>).</summary>
    public bool IsRange { get; internal init; }

    /// <summary>What LINQPad's <c>Dump()</c> shows.</summary>
    private object ToDump() => new { Span = Span.ToString(), Text, Type, Value, Modifier, YearInferred };
}
