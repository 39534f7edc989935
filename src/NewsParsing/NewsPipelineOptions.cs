using NewsParsing.Agencies;
using NodaTime;

namespace NewsParsing;

/// <summary>
/// Options of a <see cref="NewsPipeline"/>; build them with <see cref="NewsPipelineBuilder"/> or as a record
/// (<c>NewsPipelineOptions.Default with { … }</c>). Every value is checked when it is set: an out-of-range value throws
/// <see cref="ArgumentOutOfRangeException"/>, a null one <see cref="ArgumentNullException"/>.
/// </summary>
public sealed record NewsPipelineOptions
{
    private readonly AgencyRegistry _agencies = AgencyRegistry.Default;
    private readonly int _maxInputLength = 32 * 1024 * 1024;
    private readonly int _maxItemsPerStage = 100_000;
    private readonly NewsStages _stages = NewsStages.All;
    private readonly int _wordCacheCapacity = 200_000;
    private readonly int _nameTableSize = 2048;

    /// <summary>The default options.</summary>
    public static NewsPipelineOptions Default { get; } = new();

    /// <summary>
    /// The publication date to assume for articles that do not state one (year inference, relative dates).
    /// The system clock is never used.
    /// </summary>
    public LocalDate? ReferenceDate { get; init; }

    /// <summary>The agencies to recognise (defaults to the embedded registry).</summary>
    public AgencyRegistry Agencies
    {
        get => _agencies;
        init => _agencies = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Inputs longer than this (UTF-16 code units) are only segmented; extraction stages are skipped with
    /// diagnostic <see cref="Model.DiagnosticCodes.InputTooLong"/>. Must be positive.</summary>
    public int MaxInputLength
    {
        get => _maxInputLength;
        init => _maxInputLength = Positive(value);
    }

    /// <summary>The most entities, dates or quantities kept per article; more gives <see cref="Model.DiagnosticCodes.LimitReached"/>.
    /// Must be positive.</summary>
    public int MaxItemsPerStage
    {
        get => _maxItemsPerStage;
        init => _maxItemsPerStage = Positive(value);
    }

    /// <summary>The extraction stages to run (all by default).</summary>
    public NewsStages Stages
    {
        get => _stages;
        init => _stages = (value & ~NewsStages.All) == 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown stage flags.");
    }

    /// <summary>When set, a diagnostic of <see cref="Model.DiagnosticSeverity.Error"/> throws <see cref="NewsParseException"/>.</summary>
    public bool Strict { get; init; }

    /// <summary>
    /// How many distinct lower-cased words the pipeline interns, shared by its parses (200,000 by default; 0 turns the
    /// cache off). Words recur across an archive, so interning saves a string per token; past the capacity new words are
    /// allocated and not kept. Must not be negative.
    /// </summary>
    public int WordCacheCapacity
    {
        get => _wordCacheCapacity;
        init => _wordCacheCapacity = NotNegative(value);
    }

    /// <summary>
    /// Slots of each parse workspace's name table, which shares recurring short result strings (names, places, TIMEX
    /// values) between articles (2,048 by default, rounded up to a power of two; 0 turns it off). Must not be negative.
    /// </summary>
    public int NameTableSize
    {
        get => _nameTableSize;
        init => _nameTableSize = value is >= 0 and <= 1 << 20 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be between 0 and 1,048,576.");
    }

    private static int Positive(int value) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be positive.");

    private static int NotNegative(int value) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must not be negative.");
}
