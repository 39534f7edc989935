using System.Collections.Immutable;
using NewsParsing.Model;

namespace NewsParsing.Quantities;

/// <summary>What a quantity measures.</summary>
public enum QuantityKind
{
    /// <summary>A bare number with nothing it counts or measures.</summary>
    Number,

    /// <summary>A count of things (<c>2,500 troops</c>).</summary>
    Count,

    /// <summary>Money (<c>$3.4 billion</c>).</summary>
    Currency,

    /// <summary>A percentage or percentage points.</summary>
    Percent,

    /// <summary>A length or distance.</summary>
    Length,

    /// <summary>A mass or weight.</summary>
    Mass,

    /// <summary>An amount of energy.</summary>
    Energy,

    /// <summary>Power (<c>240 megawatts</c>).</summary>
    Power,

    /// <summary>A volume.</summary>
    Volume,

    /// <summary>An area.</summary>
    Area,

    /// <summary>A rate (<c>640,000 barrels per day</c>).</summary>
    Rate,

    /// <summary>A speed.</summary>
    Speed,

    /// <summary>A temperature.</summary>
    Temperature,

    /// <summary>A length of time (<c>60 days</c>).</summary>
    Duration,

    /// <summary>A rank (<c>25th</c>, <c>first</c>, <c>number 24</c>): not a count.</summary>
    Ordinal,

    /// <summary>A ratio or proportion (<c>3 in 10</c> is 0.3, <c>two-for-one</c> is 2).</summary>
    Ratio,

    /// <summary>An age (<c>10-day-old</c>, <c>45-year-old</c>, <c>aged 73</c>); <see cref="Quantity.Unit"/> is <c>year</c>, <c>month</c>, <c>week</c> or <c>day</c>.</summary>
    Age,

    /// <summary>Another physical measure (acceleration, pressure, frequency, data size, dose…): <see cref="Quantity.Unit"/> says which.</summary>
    Other,
}

/// <summary>How exact a quantity is: its hedge or bound.</summary>
public enum QuantityModifier
{
    /// <summary>As written.</summary>
    None,

    /// <summary><c>about</c>, <c>around</c>, <c>roughly</c>, <c>some</c>.</summary>
    Approximate,

    /// <summary><c>nearly</c>, <c>almost</c>, <c>close to</c>: a little under.</summary>
    Nearly,

    /// <summary><c>over</c>, <c>more than</c>, <c>above</c>.</summary>
    MoreThan,

    /// <summary><c>at least</c>; also vague amounts (<c>thousands of</c>) with their lower bound.</summary>
    AtLeast,

    /// <summary><c>up to</c>, <c>as many as</c>.</summary>
    UpTo,

    /// <summary><c>under</c>, <c>less than</c>, <c>fewer than</c>.</summary>
    LessThan,

    /// <summary><c>at most</c>.</summary>
    AtMost,

    /// <summary>A range written with two ends (<see cref="Quantity.Min"/> and <see cref="Quantity.Max"/>); the value is the upper end.</summary>
    Range,

    /// <summary><c>exactly</c>, <c>precisely</c>, <c>equal to</c>.</summary>
    Exactly,

    /// <summary>A value with its uncertainty (<c>9.81 +/- 0.02</c>): <see cref="Quantity.Tolerance"/>, and <see cref="Quantity.Min"/> and
    /// <see cref="Quantity.Max"/> the value minus and plus it.</summary>
    Tolerance,
}

/// <summary>A phrase inside a quantity: what it counts, or a member of the list it counts.</summary>
public sealed class QuantityPart : ArticleElement
{
    internal QuantityPart(string source, SourceSpan span)
        : base(source, span)
    {
    }
}

/// <summary>
/// A numeric fact: a number with its unit or currency, what it counts, its hedge, and — when a count is followed by
/// the list it counts — that list and whether the count matches it.
/// </summary>
public sealed class Quantity : ArticleElement
{
    internal Quantity(string source, SourceSpan span)
        : base(source, span)
    {
    }

    /// <summary>
    /// The value as written in its unit, scales applied and the sign kept: <c>2.5 million</c> is 2,500,000, <c>-5 °C</c> is -5,
    /// <c>37 cents</c> is 0.37 (USD); percentages as written (3 for 3 %). A range's value is its upper end
    /// (<see cref="Max"/>), a vague amount's its lower bound (<see cref="Min"/>), a ratio's the quotient (0.3 for 3 in 10).
    /// </summary>
    public decimal Value { get; internal init; }

    // Storage is compact because an article yields many quantities: the bounds, present on few of them, live in a
    // side object, and the enums in single bytes (about 48 bytes less per quantity than plain auto-properties).
    private Bounds? _bounds;
    private byte _modifier;
    private byte _kind;

    /// <summary>The lower end of a range or bound, when there is one.</summary>
    public decimal? Min
    {
        get => _bounds?.Min;
        internal init
        {
            if (value is not null || _bounds is not null)
            {
                (_bounds ??= new Bounds()).Min = value;
            }
        }
    }

    /// <summary>The upper end of a range or bound, when there is one.</summary>
    public decimal? Max
    {
        get => _bounds?.Max;
        internal init
        {
            if (value is not null || _bounds is not null)
            {
                (_bounds ??= new Bounds()).Max = value;
            }
        }
    }

    /// <summary>The uncertainty of a value written with one (<c>9.81 +/- 0.02</c> has 0.02), when there is one.</summary>
    public decimal? Tolerance
    {
        get => _bounds?.Tolerance;
        internal init
        {
            if (value is not null || _bounds is not null)
            {
                (_bounds ??= new Bounds()).Tolerance = value;
            }
        }
    }

    /// <summary>Whether the amount is vague (<c>hundreds of millions</c>, <c>dozens</c>, <c>several thousand</c>): the value is
    /// only its lower bound, and <see cref="Modifier"/> is <see cref="QuantityModifier.AtLeast"/>.</summary>
    public bool IsVague { get; internal init; }

    /// <summary>The hedge or bound.</summary>
    public QuantityModifier Modifier { get => (QuantityModifier)_modifier; internal init => _modifier = checked((byte)value); }

    /// <summary>What the quantity measures.</summary>
    public QuantityKind Kind { get => (QuantityKind)_kind; internal init => _kind = checked((byte)value); }

    /// <summary>The canonical unit symbol (<c>km</c>, <c>t</c>, <c>MW</c>, <c>m/s2</c>, <c>bbl/d</c>, <c>%</c>), or the ISO 4217 code
    /// for money and the code over the unit for a price per unit (<c>USD/t</c>).</summary>
    public string? Unit { get; internal init; }

    /// <summary>The ISO 4217 currency code for money (<c>USD</c>, <c>AZN</c>).</summary>
    public string? Currency { get; internal init; }

    /// <summary>The phrase the number counts (<c>NATO members and partners</c>).</summary>
    public QuantityPart? Counted { get; internal init; }

    /// <summary>The head noun of <see cref="Counted"/> (<c>members</c>).</summary>
    public string? CountedHead { get; internal init; }

    /// <summary>The members of the list this count is followed by, each with its span.</summary>
    public ImmutableArray<QuantityPart> Members { get; internal init; } = [];

    /// <summary>Whether the count equals the number of listed members (only when there is a list).</summary>
    public bool? CountMatches { get; internal init; }

    /// <summary>Whether the quantity is a change (<c>up 2.4 percent</c>, <c>rose 3 pct</c>).</summary>
    public bool IsChange { get; internal init; }

    /// <summary>What LINQPad's <c>Dump()</c> shows.</summary>
    private object ToDump() => new { Span = Span.ToString(), Text, Value, Min, Max, Modifier, Kind, Unit, Currency, Tolerance, IsVague, Counted = Counted?.Text, Members = Members.Length, CountMatches };

    private sealed class Bounds
    {
        public decimal? Min { get; set; }

        public decimal? Max { get; set; }

        public decimal? Tolerance { get; set; }
    }
}
