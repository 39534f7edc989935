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

    /// <summary>A rank (<c>25th</c>, <c>first</c>): not a count.</summary>
    Ordinal,
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

    /// <summary>A range written with two ends (<see cref="Quantity.Min"/> and <see cref="Quantity.Max"/>).</summary>
    Range,
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

    /// <summary>The value in base units (scales applied: <c>2.5 million</c> is 2,500,000; percentages as written: 3 for 3 %).</summary>
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

    /// <summary>The hedge or bound.</summary>
    public QuantityModifier Modifier { get => (QuantityModifier)_modifier; internal init => _modifier = checked((byte)value); }

    /// <summary>What the quantity measures.</summary>
    public QuantityKind Kind { get => (QuantityKind)_kind; internal init => _kind = checked((byte)value); }

    /// <summary>The normalised unit (<c>km</c>, <c>t</c>, <c>MW</c>, <c>bbl/d</c>, <c>%</c>), or the ISO 4217 code for money.</summary>
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
    private object ToDump() => new { Span = Span.ToString(), Text, Value, Modifier, Kind, Unit, Counted = Counted?.Text, Members = Members.Length, CountMatches };

    private sealed class Bounds
    {
        public decimal? Min { get; set; }

        public decimal? Max { get; set; }
    }
}
