using System.Collections.Immutable;
using NewsParsing.Agencies;
using NewsParsing.Entities;
using NewsParsing.Quantities;
using NewsParsing.Temporal;
using NodaTime;

namespace NewsParsing.Model;

/// <summary>Where an article's publication date came from.</summary>
public enum PublicationDateSource
{
    /// <summary>No publication date is known.</summary>
    None,

    /// <summary>The seed-format metadata line (<c> date 2018-03-09 …</c>).</summary>
    Metadata,

    /// <summary>The caller (<see cref="NewsPipelineOptions.ReferenceDate"/> or the per-call argument).</summary>
    Caller,

    /// <summary>A dateline that writes its year (<c>December 5, 2023</c>).</summary>
    Dateline,

    /// <summary>HTML metadata (JSON-LD, OpenGraph, <c>&lt;time&gt;</c>).</summary>
    Html,
}

/// <summary>
/// A parsed news article. Immutable; every element has a <see cref="SourceSpan"/> into <see cref="Text"/>.
/// The top-level segments — <see cref="Header"/>, <see cref="Dateline"/> (when it is not inside the header),
/// <see cref="Body"/> and <see cref="Trailer"/> — are in input order, do not overlap, and together with the white
/// space between them cover the whole input.
/// </summary>
public sealed class NewsArticle
{
    internal NewsArticle(string text, ArticleHeader header, ArticleBody body)
    {
        Text = text;
        Header = header;
        Body = body;
    }

    /// <summary>The input the article was parsed from; all spans refer to it.</summary>
    public string Text { get; }

    /// <summary>The header: metadata line, headline, byline. May be empty (length 0).</summary>
    public ArticleHeader Header { get; }

    /// <summary>The dateline, if the article has one.</summary>
    public Dateline? Dateline { get; internal init; }

    /// <summary>The body paragraphs.</summary>
    public ArticleBody Body { get; }

    /// <summary>Trailing non-story text (sign-off, follow-us line, subscription boilerplate), if any.</summary>
    public Trailer? Trailer { get; internal init; }

    /// <summary>The headline text, if any (a shortcut for <c>Header.Headline?.Text</c>).</summary>
    public string? Headline => Header.Headline?.Text;

    /// <summary>The publication date: from the article, else from the caller, else from a dateline with a year.</summary>
    public LocalDate? PublicationDate { get; internal init; }

    /// <summary>Where <see cref="PublicationDate"/> came from.</summary>
    public PublicationDateSource PublicationDateSource { get; internal init; }

    /// <summary>The publication instant with its UTC offset, when the source gives a time (HTML pages).</summary>
    public OffsetDateTime? PublishedAt { get; internal init; }

    /// <summary>The page address, for articles read from HTML.</summary>
    public string? Url { get; internal init; }

    /// <summary>For articles read from HTML: the page and the map from the article's text back to it.</summary>
    public Html.HtmlSource? Html { get; internal init; }

    /// <summary>The article's agency: from the dateline, else the byline, else the trailer or sign-off, else the story's
    /// own self credit (<c>…, Azernews reports.</c>), else (HTML) the page's publisher or address.</summary>
    public Agency? Agency { get; internal init; }

    /// <summary>Where <see cref="Agency"/> was found.</summary>
    public AgencyEvidence AgencyEvidence { get; internal init; }

    /// <summary>The outlets and agencies the story cites (<c>via AzerTag</c>, <c>citing Yonhap</c>, <c>TASS reported</c>).</summary>
    public ImmutableArray<Source> Sources { get; internal init; } = [];

    /// <summary>The language of the body as a BCP 47 tag (<c>en</c>, <c>tr</c>, <c>de</c>), or <see langword="null"/>
    /// when the text is too short or mixed to tell.</summary>
    public string? Language { get; internal init; }

    /// <summary>The authors from the byline (and from a dateline that names one).</summary>
    public ImmutableArray<Author> Authors { get; internal init; } = [];

    /// <summary>Dates, periods, durations and sets found in the headline, dateline and body.</summary>
    public ImmutableArray<TemporalExpression> Dates { get; internal init; } = [];

    /// <summary>Numeric facts found in the headline, dateline and body.</summary>
    public ImmutableArray<Quantity> Quantities { get; internal init; } = [];

    /// <summary>Named entity mentions found in the headline, dateline, byline and body.</summary>
    public ImmutableArray<Entity> Entities { get; internal init; } = [];

    /// <summary>Problems found in the input, each with a stable code.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; internal init; } = [];

    /// <summary>A copy with other diagnostics, page details or agency (the one place that lists every member).</summary>
    internal NewsArticle With(
        ImmutableArray<Diagnostic>? diagnostics = null,
        OffsetDateTime? publishedAt = null,
        string? url = null,
        Agency? agency = null,
        AgencyEvidence? agencyEvidence = null,
        Html.HtmlSource? html = null) =>
        new(Text, Header, Body)
        {
            Dateline = Dateline,
            Trailer = Trailer,
            PublicationDate = PublicationDate,
            PublicationDateSource = PublicationDateSource,
            PublishedAt = publishedAt ?? PublishedAt,
            Url = url ?? Url,
            Html = html ?? Html,
            Agency = agency ?? Agency,
            AgencyEvidence = agencyEvidence ?? AgencyEvidence,
            Sources = Sources,
            Language = Language,
            Authors = Authors,
            Dates = Dates,
            Quantities = Quantities,
            Entities = Entities,
            Diagnostics = diagnostics ?? Diagnostics,
        };

    /// <summary>What LINQPad's <c>Dump()</c> shows (found by name, so the library needs no LINQPad reference).</summary>
    private object ToDump() => new
    {
        Published = PublicationDate is { } p ? $"{p:yyyy-MM-dd} ({PublicationDateSource})" : null,
        Agency = Agency is null ? null : $"{Agency.Id} ({AgencyEvidence})",
        Language,
        Authors = string.Join(", ", Authors.Select(a => a.Name)),
        Headline,
        Header,
        Dateline,
        Body,
        Trailer,
        Dates,
        Quantities,
        Entities,
        Sources = Sources.Select(s => $"{s.Cue} {s.Name}").ToArray(),
        Diagnostics = Diagnostics.Select(d => $"{d.Code} {d.Severity}: {d.Message}").ToArray(),
    };
}
