using NewsParsing.Agencies;
using NodaTime;

namespace NewsParsing;

/// <summary>
/// Builds an immutable <see cref="NewsPipeline"/>. The builder is not thread-safe; the pipeline it builds is.
/// </summary>
/// <example>
/// <code>
/// var pipeline = new NewsPipelineBuilder()
///     .WithReferenceDate(new LocalDate(2021, 10, 5))
///     .AddAgency(new Agency("interfax", "Interfax") { Aliases = ["Interfax"] })
///     .WithoutStages(NewsStages.Entities)
///     .Build();
/// var article = pipeline.Parse(text);
/// </code>
/// </example>
public sealed class NewsPipelineBuilder
{
    private readonly List<Agency> _extraAgencies = [];
    private NewsPipelineOptions _options = NewsPipelineOptions.Default;

    /// <summary>Starts from the default options.</summary>
    public NewsPipelineBuilder()
    {
    }

    /// <summary>Starts from existing options.</summary>
    /// <param name="options">The options to start from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public NewsPipelineBuilder(NewsPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Sets the publication date assumed for articles that do not state one.</summary>
    /// <param name="date">The reference date.</param>
    public NewsPipelineBuilder WithReferenceDate(LocalDate date)
    {
        _options = _options with { ReferenceDate = date };
        return this;
    }

    /// <summary>Adds an agency (or replaces the one with the same id).</summary>
    /// <param name="agency">The agency with its aliases.</param>
    /// <exception cref="ArgumentNullException"><paramref name="agency"/> is <see langword="null"/>.</exception>
    public NewsPipelineBuilder AddAgency(Agency agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        _extraAgencies.Add(agency);
        return this;
    }

    /// <summary>Sets the longest input that the extraction stages analyse (<see cref="NewsPipelineOptions.MaxInputLength"/>).</summary>
    /// <param name="maxLength">The limit in UTF-16 code units; must be positive.</param>
    public NewsPipelineBuilder WithMaxInputLength(int maxLength)
    {
        _options = _options with { MaxInputLength = maxLength };
        return this;
    }

    /// <summary>Sets the most items (dates, quantities, entities) each stage keeps per article.</summary>
    /// <param name="maxItems">The limit; must be positive.</param>
    public NewsPipelineBuilder WithMaxItemsPerStage(int maxItems)
    {
        _options = _options with { MaxItemsPerStage = maxItems };
        return this;
    }

    /// <summary>Runs exactly <paramref name="stages"/> after segmentation (all by default).</summary>
    /// <param name="stages">The stages to run.</param>
    public NewsPipelineBuilder WithStages(NewsStages stages)
    {
        _options = _options with { Stages = stages };
        return this;
    }

    /// <summary>Leaves <paramref name="stages"/> out (<c>WithoutStages(NewsStages.Entities)</c>).</summary>
    /// <param name="stages">The stages not to run.</param>
    public NewsPipelineBuilder WithoutStages(NewsStages stages)
    {
        _options = _options with { Stages = _options.Stages & ~stages };
        return this;
    }

    /// <summary>Sets the capacity of the shared word cache (<see cref="NewsPipelineOptions.WordCacheCapacity"/>; 0 turns it off).</summary>
    /// <param name="words">The most distinct words interned.</param>
    public NewsPipelineBuilder WithWordCache(int words)
    {
        _options = _options with { WordCacheCapacity = words };
        return this;
    }

    /// <summary>Sets the size of each workspace's name table (<see cref="NewsPipelineOptions.NameTableSize"/>; 0 turns it off).</summary>
    /// <param name="slots">The number of slots.</param>
    public NewsPipelineBuilder WithNameTable(int slots)
    {
        _options = _options with { NameTableSize = slots };
        return this;
    }

    /// <summary>Sets the most time one parse may take (<see cref="NewsPipelineOptions.TimeBudget"/>).</summary>
    /// <param name="budget">The budget; must be positive.</param>
    public NewsPipelineBuilder WithTimeBudget(TimeSpan budget)
    {
        _options = _options with { TimeBudget = budget };
        return this;
    }

    /// <summary>Sets the clock the time budgets are measured on (<see cref="NewsPipelineOptions.TimeProvider"/>).</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    public NewsPipelineBuilder WithTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = _options with { TimeProvider = timeProvider };
        return this;
    }

    /// <summary>Makes error diagnostics throw <see cref="NewsParseException"/>.</summary>
    public NewsPipelineBuilder UseStrictMode()
    {
        _options = _options with { Strict = true };
        return this;
    }

    /// <summary>Builds the immutable, thread-safe pipeline.</summary>
    public NewsPipeline Build()
    {
        var options = _extraAgencies.Count == 0 ? _options : _options with { Agencies = _options.Agencies.With(_extraAgencies) };
        return new NewsPipeline(options);
    }
}
