using NodaTime;

namespace NewsParsing.Html;

/// <summary>
/// How one page is read by <see cref="NewsPipeline.ParseHtml(Stream, HtmlReadOptions, CancellationToken)"/>: what the
/// caller knows about it (address, publication date, the charset of an HTTP <c>Content-Type</c>) and the limits that
/// keep a hostile or broken page from costing more than its share. Every limit reached is a diagnostic on the article,
/// with the text read up to that point kept.
/// </summary>
public sealed record HtmlReadOptions
{
    /// <summary>The default options.</summary>
    public static HtmlReadOptions Default { get; } = new();

    /// <summary>The page address, if known (used for the agency, a date in the address, and <see cref="Model.NewsArticle.Url"/>).</summary>
    public string? Url { get; init; }

    /// <summary>The publication date to use when the page states none.</summary>
    public LocalDate? PublicationDate { get; init; }

    /// <summary>The charset the transport declared (HTTP <c>Content-Type</c>), which wins over the page's own
    /// <c>&lt;meta charset&gt;</c> as in browsers; a byte-order mark still wins over both. An unknown name is a
    /// diagnostic (<c>NP0033</c>) and the page is sniffed as if none were given.</summary>
    public string? Charset { get; init; }

    /// <summary>The most bytes read from a stream (default 64 MiB); the rest is not read (<c>NP0030</c>).</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The most elements the tree builder may create and the walks may visit (default 400,000); past it the
    /// page is read without a tree, or the walks stop, keeping the text so far (<c>NP0010</c>).</summary>
    public int MaxElements { get; init; } = 400_000;

    /// <summary>The time one page may take to read, on the pipeline's <see cref="NewsPipelineOptions.TimeProvider"/>
    /// (default 20 s; <see cref="Timeout.InfiniteTimeSpan"/> for none); past it the page's text so far is kept
    /// (<c>NP0031</c>).</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(20);
}
