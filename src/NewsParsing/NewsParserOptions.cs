using NewsParsing.Agencies;
using NodaTime;

namespace NewsParsing;

/// <summary>Options of a <see cref="NewsPipeline"/>; build them with <see cref="NewsParserBuilder"/>.</summary>
public sealed record NewsParserOptions
{
    /// <summary>The default options.</summary>
    public static NewsParserOptions Default { get; } = new();

    /// <summary>
    /// The publication date to assume for articles that do not state one (year inference, relative dates).
    /// The system clock is never used.
    /// </summary>
    public LocalDate? ReferenceDate { get; init; }

    /// <summary>The agencies to recognise (defaults to the embedded registry).</summary>
    public AgencyRegistry Agencies { get; init; } = AgencyRegistry.Default;

    /// <summary>Inputs longer than this (UTF-16 code units) are only segmented; extraction stages are skipped with
    /// diagnostic <see cref="Model.DiagnosticCodes.InputTooLong"/>.</summary>
    public int MaxInputLength { get; init; } = 32 * 1024 * 1024;

    /// <summary>The most entities, dates or quantities kept per article; more gives <see cref="Model.DiagnosticCodes.LimitReached"/>.</summary>
    public int MaxItemsPerStage { get; init; } = 100_000;

    /// <summary>Whether to extract dates (<see cref="Model.NewsArticle.Dates"/>).</summary>
    public bool ExtractDates { get; init; } = true;

    /// <summary>Whether to extract numeric facts (<see cref="Model.NewsArticle.Quantities"/>).</summary>
    public bool ExtractQuantities { get; init; } = true;

    /// <summary>Whether to extract named entities (<see cref="Model.NewsArticle.Entities"/>).</summary>
    public bool ExtractEntities { get; init; } = true;

    /// <summary>When set, a diagnostic of <see cref="Model.DiagnosticSeverity.Error"/> throws <see cref="NewsParseException"/>.</summary>
    public bool Strict { get; init; }
}
