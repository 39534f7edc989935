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
    private readonly TimeSpan? _timeBudget;
    private readonly TimeProvider _timeProvider = TimeProvider.System;

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

    /// <summary>
    /// The most wall-clock time one parse may take (none by default). The extraction stages look at the clock every few
    /// hundred tokens and at each paragraph; past the budget they stop, and the article holds what was found by then,
    /// with diagnostic <see cref="Model.DiagnosticCodes.TimeBudgetExceeded"/>. Segmentation always completes. Must be
    /// positive when set.
    /// </summary>
    public TimeSpan? TimeBudget
    {
        get => _timeBudget;
        init => _timeBudget = value is null || value.Value > TimeSpan.Zero ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be positive.");
    }

    /// <summary>
    /// The clock the time budgets are measured on: <see cref="TimeBudget"/> and <c>HtmlReadOptions.TimeBudget</c>
    /// (default <see cref="TimeProvider.System"/>). A test or a host with its own notion of time supplies another; the
    /// pipeline is shared by threads, so a provider used by parallel parses must be thread-safe.
    /// </summary>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        init => _timeProvider = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Checks every value again (a pipeline is built only from valid options, however they were made: the
    /// builder, <c>with</c>, a deserialiser).</summary>
    /// <exception cref="ArgumentException">A value is out of range or missing.</exception>
    internal void Validate()
    {
        _ = Agencies ?? throw new ArgumentException("The options have no agency registry.", nameof(Agencies));
        _ = TimeProvider ?? throw new ArgumentException("The options have no time provider.", nameof(TimeProvider));
        _ = Positive(MaxInputLength);
        _ = Positive(MaxItemsPerStage);
        _ = NotNegative(WordCacheCapacity);
        if ((Stages & ~NewsStages.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Stages), Stages, "Unknown stage flags.");
        }

        if (NameTableSize is < 0 or > 1 << 20)
        {
            throw new ArgumentOutOfRangeException(nameof(NameTableSize), NameTableSize, "Must be between 0 and 1,048,576.");
        }

        if (TimeBudget is { } budget && budget <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeBudget), budget, "Must be positive.");
        }
    }

    private static int Positive(int value) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be positive.");

    private static int NotNegative(int value) =>
        value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must not be negative.");
}
