using NewsParsing.Model;

namespace NewsParsing.Agencies;

/// <summary>Where an article's <see cref="NewsArticle.Agency"/> was found.</summary>
public enum AgencyEvidence
{
    /// <summary>No agency is known.</summary>
    None,

    /// <summary>The dateline names it (<c>HOUSTON, Jan 27 (Reuters) -</c>).</summary>
    Dateline,

    /// <summary>The byline names it (<c>By Cal Mankowski, Reuters</c>).</summary>
    Byline,

    /// <summary>A trailer, sign-off or tag line names it (<c>Reuter</c>, <c>(Trend)</c>).</summary>
    Trailer,

    /// <summary>The story credits itself in its own words (<c>…, Azernews reports.</c>, <c>Report informs</c>).</summary>
    SelfCredit,

    /// <summary>An HTML page's publisher metadata or web address.</summary>
    Page,
}

/// <summary>
/// An outlet or agency the article cites: <c>via AzerTag</c>, <c>citing Yonhap</c>, <c>TASS reported</c>,
/// <c>told Trend</c>. The span is the outlet's name as written.
/// </summary>
public sealed class Source : ArticleElement
{
    internal Source(string source, SourceSpan span)
        : base(source, span)
    {
    }

    /// <summary>The registered agency, when the name is one of the registry's aliases; else <see langword="null"/>.</summary>
    public Agency? Agency { get; internal init; }

    /// <summary>The agency's display name, or the outlet's name as written (<c>Middle East Eye</c>, <c>Armenian media</c>).</summary>
    public string Name { get; internal init; } = "";

    /// <summary>The cue that makes it a citation, lower-case: <c>via</c>, <c>citing</c>, <c>according to</c>,
    /// <c>told</c>, <c>reported by</c>, <c>quoted by</c>, <c>reported</c>, <c>said</c>, ….</summary>
    public string Cue { get; internal init; } = "";

    /// <summary>Where the cue is written.</summary>
    public SourceSpan CueSpan { get; internal init; }

    /// <summary>What LINQPad's <c>Dump()</c> shows.</summary>
    private object ToDump() => new { Span = Span.ToString(), Text, Name, Agency = Agency?.Id, Cue };
}
