namespace NewsParsing.Model;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Informational: the parser made a documented choice (for example inferred a year).</summary>
    Info,

    /// <summary>Something in the input looks wrong, but a result was produced.</summary>
    Warning,

    /// <summary>Part of the input could not be parsed; the result is incomplete.</summary>
    Error,
}

/// <summary>
/// A problem found in the input. Bad input never throws: it is reported as data with a stable
/// <see cref="Code"/> (see <see cref="DiagnosticCodes"/>).
/// </summary>
/// <param name="Code">Stable identifier such as <c>NP0001</c>.</param>
/// <param name="Severity">How serious the problem is.</param>
/// <param name="Message">Human-readable explanation.</param>
/// <param name="Span">Where in the input the problem is, when it has a place.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceSpan? Span = null);

/// <summary>The stable diagnostic codes the parser emits.</summary>
public static class DiagnosticCodes
{
    /// <summary>The input is empty or only white space.</summary>
    public const string EmptyInput = "NP0001";

    /// <summary>The input looks binary (many control characters or NUL bytes).</summary>
    public const string BinaryInput = "NP0002";

    /// <summary>No publication date was found in the article and none was given by the caller.</summary>
    public const string NoPublicationDate = "NP0003";

    /// <summary>The metadata line (<c> date YYYY-MM-DD ...</c>) has a date that does not exist.</summary>
    public const string InvalidMetadataDate = "NP0004";

    /// <summary>The input is longer than <see cref="NewsPipelineOptions.MaxInputLength"/>; only segmentation ran.</summary>
    public const string InputTooLong = "NP0005";

    /// <summary>A dateline date has no year and there is no reference date to infer it from.</summary>
    public const string DatelineYearUnknown = "NP0006";

    /// <summary>The dateline's year was inferred from the publication date.</summary>
    public const string DatelineYearInferred = "NP0007";

    /// <summary>The article has no body text.</summary>
    public const string NoBody = "NP0008";

    /// <summary>The input contains invalid UTF-16 (lone surrogates) or control characters that were kept as is.</summary>
    public const string ControlCharacters = "NP0009";

    /// <summary>A limit from <see cref="NewsPipelineOptions"/> (entities, dates, quantities) cut the extraction short.</summary>
    public const string LimitReached = "NP0010";

    /// <summary>The dateline date disagrees with the publication date by more than a week.</summary>
    public const string DatelineDateMismatch = "NP0011";

    /// <summary>A count is followed by a list with a different number of members ("fifteen members – A, B and C").</summary>
    public const string CountMismatch = "NP0012";

    /// <summary>The page could not be read as HTML.</summary>
    public const string HtmlUnreadable = "NP0013";

    /// <summary>No article text was found in the page.</summary>
    public const string HtmlNoArticle = "NP0014";

    /// <summary>The article is written in another language than English (<see cref="NewsArticle.Language"/>); the
    /// English-only stages (dates, quantities, entities, sources) did not run.</summary>
    public const string NotEnglish = "NP0015";

    /// <summary>The story credits itself to another agency than its dateline, byline or trailer names.</summary>
    public const string AgencyConflict = "NP0016";

    /// <summary>A date expression resolves outside the calendar (years -9998 to 9999), usually a relative one against a
    /// publication or reference date at its edge ("next week" on 9999-12-31); the expression was skipped.</summary>
    public const string DateOutOfRange = "NP0017";

    /// <summary>A number is too large or too small for <see cref="decimal"/> ("100,000,000,000,000,000,000 trillion");
    /// the quantity was skipped.</summary>
    public const string NumberOutOfRange = "NP0018";

    /// <summary>The parse reached <see cref="NewsPipelineOptions.TimeBudget"/>: the article holds what the stages had
    /// found by then; the stages after that point did not run or stopped early.</summary>
    public const string TimeBudgetExceeded = "NP0019";

    /// <summary>An HTML page is larger than <c>HtmlReadOptions.MaxBytes</c>; only its first part was read.</summary>
    public const string HtmlTooLarge = "NP0030";

    /// <summary>An HTML page took longer than <c>HtmlReadOptions.TimeBudget</c> (or its parse was cancelled); the text
    /// read so far was kept.</summary>
    public const string HtmlTimeBudget = "NP0031";

    /// <summary>An HTML page has bytes that are not valid in its encoding (U+FFFD in their place, or read as Windows-1252).</summary>
    public const string HtmlInvalidBytes = "NP0032";

    /// <summary>An HTML page or its caller names a charset that is not known; the page was read as UTF-8.</summary>
    public const string HtmlUnknownCharset = "NP0033";
}
