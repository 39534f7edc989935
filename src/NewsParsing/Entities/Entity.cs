using NewsParsing.Model;

namespace NewsParsing.Entities;

/// <summary>The kind of a named entity.</summary>
public enum EntityType
{
    /// <summary>A person.</summary>
    Person,

    /// <summary>A place: country, city, region.</summary>
    Location,

    /// <summary>An organisation: ministry, company, alliance, agency.</summary>
    Organization,

    /// <summary>A named event (<c>Eternity-2021</c>, <c>the 44-day war</c>).</summary>
    Event,

    /// <summary>A named facility (<c>Alley of Honor</c>).</summary>
    Facility,

    /// <summary>A nationality or group (<c>Georgian</c>, <c>Azerbaijani</c>), linked to its country.</summary>
    Group,

    /// <summary>Any other name (CoNLL's MISC).</summary>
    Misc,
}

/// <summary>
/// A named-entity mention: its span (without a possessive <c>’s</c>), type, canonical name, the id shared by every
/// mention of the same entity in the article, the title written before a person, and a country's ISO 3166 code.
/// </summary>
public sealed class Entity : ArticleElement
{
    internal Entity(string source, SourceSpan span)
        : base(source, span)
    {
    }

    /// <summary>The entity type.</summary>
    public EntityType Type { get; internal init; }

    /// <summary>The canonical name (<c>United States</c> for <c>the U.S</c>; the fullest form of a person's name in the article).</summary>
    public string Canonical { get; internal init; } = "";

    /// <summary>The mention-cluster id: linked mentions (<c>Zakir Hasanov</c>, <c>Z. Hasanov</c>, <c>Hasanov</c>) share it.</summary>
    public int Id { get; internal init; }

    /// <summary>The title or role written before a person (<c>Defence Minister</c>, <c>Colonel General</c>).</summary>
    public string? Title { get; internal init; }

    /// <summary>The ISO 3166-1 alpha-2 code of a country, or of the country of a nationality.</summary>
    public string? CountryCode { get; internal init; }

    /// <summary>What LINQPad's <c>Dump()</c> shows.</summary>
    private object ToDump() => new { Span = Span.ToString(), Text, Type, Canonical, Id, Title, CountryCode };
}
