using System.Collections.Immutable;
using NewsParsing.Agencies;
using NodaTime;

namespace NewsParsing.Model;

/// <summary>
/// The article's header: the seed metadata line (<c> date 2018-03-09 …</c>) when present, the headline, the byline
/// and the publication date. In wire copy without a metadata line the header is the headline (and byline) lines before
/// the dateline; it may be empty (length 0).
/// </summary>
public sealed class ArticleHeader : ArticleElement
{
    internal ArticleHeader(string source, SourceSpan span)
        : base(source, span)
    {
    }

    /// <summary>The seed-format metadata line, if the article starts with one.</summary>
    public TextSegment? MetadataLine { get; internal init; }

    /// <summary>The publication date written in the article (metadata line), if any.</summary>
    public LocalDate? PublicationDate { get; internal init; }

    /// <summary>Where <see cref="PublicationDate"/> is written, if it is.</summary>
    public SourceSpan? PublicationDateSpan { get; internal init; }

    /// <summary>The headline, if the article has one.</summary>
    public TextSegment? Headline { get; internal init; }

    /// <summary>The byline (<c>By Vugar Khalilov</c>), if any.</summary>
    public Byline? Byline { get; internal init; }

    /// <summary>What LINQPad's <c>Dump()</c> shows.</summary>
    private object ToDump() => new { Span = Span.ToString(), Text, Published = PublicationDate?.ToString("yyyy-MM-dd", null), Headline = Headline?.Text, Byline = Byline?.Text };
}

/// <summary>A person who wrote the article, as named in a byline or dateline.</summary>
public sealed class Author : ArticleElement
{
    internal Author(string source, SourceSpan span)
        : base(source, span)
    {
    }

    /// <summary>The author's name as written, trimmed.</summary>
    public string Name => Text;
}

/// <summary>A byline: the people who wrote the article and possibly their agency (<c>By Cal Mankowski, Reuters</c>).</summary>
public sealed class Byline : ArticleElement
{
    internal Byline(string source, SourceSpan span)
        : base(source, span)
    {
    }

    /// <summary>The authors, in the order written.</summary>
    public ImmutableArray<Author> Authors { get; internal init; } = [];

    /// <summary>The agency named in the byline, if any.</summary>
    public Agency? Agency { get; internal init; }

    /// <summary>Where the agency is named, if it is.</summary>
    public SourceSpan? AgencySpan { get; internal init; }
}

/// <summary>
/// A dateline: where and when the story was filed and by which agency (<c>HOUSTON, Jan 27 (Reuters) -</c>,
/// <c>Baku, March 9, AZERTAC</c>). The span covers the dateline including its closing separator.
/// </summary>
public sealed class Dateline : ArticleElement
{
    internal Dateline(string source, SourceSpan span)
        : base(source, span)
    {
    }

    /// <summary>The place in title case (<c>Washington</c>, <c>Chevy Chase</c>), or <see langword="null"/> (<c>(AP) _</c>).</summary>
    public string? Place { get; internal init; }

    /// <summary>Where the place is written.</summary>
    public SourceSpan? PlaceSpan { get; internal init; }

    /// <summary>The region, state or country written after the place (<c>Md.</c>, <c>Texas</c>, <c>Azerbaijan</c>), as written.</summary>
    public string? Region { get; internal init; }

    /// <summary>Where the region is written.</summary>
    public SourceSpan? RegionSpan { get; internal init; }

    /// <summary>The date of the dateline with its year (written or inferred), if it has a date and a year is known; for a
    /// dateline without a date on an HTML page, the page's publication date (<see cref="DateFromPublication"/>).</summary>
    public LocalDate? Date { get; internal init; }

    /// <summary>The month and day as written, also when no year could be found.</summary>
    public AnnualDate? MonthDay { get; internal init; }

    /// <summary>Where the date is written.</summary>
    public SourceSpan? DateSpan { get; internal init; }

    /// <summary>Whether the year of <see cref="Date"/> was inferred from the publication date rather than written.</summary>
    public bool YearInferred { get; internal init; }

    /// <summary>Whether the dateline writes no date and <see cref="Date"/> is the publication date its page states
    /// (an HTML page's <c>MEXICO CITY (AP) —</c>); <see cref="DateSpan"/> is then <see langword="null"/>.</summary>
    public bool DateFromPublication { get; internal init; }

    /// <summary>The agency named in the dateline, if any.</summary>
    public Agency? Agency { get; internal init; }

    /// <summary>Where the agency is named.</summary>
    public SourceSpan? AgencySpan { get; internal init; }

    /// <summary>Authors named inside the dateline (Trend's <c>Apr. 27 By Umid Niayesh - Trend:</c>).</summary>
    public ImmutableArray<Author> Authors { get; internal init; } = [];

    /// <summary>What LINQPad's <c>Dump()</c> shows.</summary>
    private object ToDump() => new { Span = Span.ToString(), Text, Place, Region, Date = Date?.ToString("yyyy-MM-dd", null), YearInferred, DateFromPublication, Agency = Agency?.Id, Authors = string.Join(", ", Authors.Select(a => a.Name)) };
}

/// <summary>The body of the article: its paragraphs, from the first to the last.</summary>
public sealed class ArticleBody : ArticleElement
{
    internal ArticleBody(string source, SourceSpan span)
        : base(source, span)
    {
    }

    /// <summary>The paragraphs, each trimmed of surrounding white space.</summary>
    public ImmutableArray<TextSegment> Paragraphs { get; internal init; } = [];

    /// <summary>What LINQPad's <c>Dump()</c> shows.</summary>
    private object ToDump() => new { Span = Span.ToString(), Paragraphs = Paragraphs.Select(p => new { Span = p.Span.ToString(), p.Text }).ToArray() };
}

/// <summary>What kind of text a <see cref="Trailer"/> is.</summary>
public enum TrailerKind
{
    /// <summary>A social-media call to action (<c>Follow us on Twitter @AzerNewsAz</c>).</summary>
    FollowUs,

    /// <summary>A wire sign-off (<c>Reuter</c>).</summary>
    SignOff,

    /// <summary>An agency tag closing the story (<c>/By Trend/</c>).</summary>
    AgencyTag,

    /// <summary>Subscription or site boilerplate scraped along with the story.</summary>
    Boilerplate,
}

/// <summary>Text after the story that is not part of it: sign-offs, follow-us lines, subscription boxes.</summary>
public sealed class Trailer : ArticleElement
{
    internal Trailer(string source, SourceSpan span)
        : base(source, span)
    {
    }

    /// <summary>What the trailer is (the kind of its first part).</summary>
    public TrailerKind Kind { get; internal init; }

    /// <summary>The agency the trailer names, if any.</summary>
    public Agency? Agency { get; internal init; }

    /// <summary>What LINQPad's <c>Dump()</c> shows.</summary>
    private object ToDump() => new { Span = Span.ToString(), Kind, Agency = Agency?.Id, Text };
}
