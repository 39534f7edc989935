using NewsParsing.Agencies;
using NodaTime;

namespace NewsParsing;

/// <summary>
/// Builds an immutable <see cref="NewsPipeline"/>. The builder is not thread-safe; the pipeline it builds is.
/// </summary>
/// <example>
/// <code>
/// var parser = new NewsParserBuilder()
///     .WithReferenceDate(new LocalDate(2021, 10, 5))
///     .AddAgency(new Agency("apa", "APA") { Aliases = ["APA"] })
///     .Build();
/// var article = parser.Parse(text);
/// </code>
/// </example>
public sealed class NewsParserBuilder
{
    private readonly List<Agency> _extraAgencies = [];
    private NewsParserOptions _options = NewsParserOptions.Default;

    /// <summary>Starts from the default options.</summary>
    public NewsParserBuilder()
    {
    }

    /// <summary>Starts from existing options.</summary>
    /// <param name="options">The options to start from.</param>
    public NewsParserBuilder(NewsParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Sets the publication date assumed for articles that do not state one.</summary>
    /// <param name="date">The reference date.</param>
    public NewsParserBuilder WithReferenceDate(LocalDate date)
    {
        _options = _options with { ReferenceDate = date };
        return this;
    }

    /// <summary>Adds an agency (or replaces the one with the same id).</summary>
    /// <param name="agency">The agency with its aliases.</param>
    public NewsParserBuilder AddAgency(Agency agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        _extraAgencies.Add(agency);
        return this;
    }

    /// <summary>Sets the longest input that the extraction stages analyse.</summary>
    /// <param name="maxLength">The limit in UTF-16 code units; must be positive.</param>
    public NewsParserBuilder WithMaxInputLength(int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        _options = _options with { MaxInputLength = maxLength };
        return this;
    }

    /// <summary>Sets the most items (dates, quantities, entities) each stage keeps per article.</summary>
    /// <param name="maxItems">The limit; must be positive.</param>
    public NewsParserBuilder WithMaxItemsPerStage(int maxItems)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        _options = _options with { MaxItemsPerStage = maxItems };
        return this;
    }

    /// <summary>Chooses which extraction stages run (all by default).</summary>
    /// <param name="dates">Extract dates.</param>
    /// <param name="quantities">Extract numeric facts.</param>
    /// <param name="entities">Extract named entities.</param>
    public NewsParserBuilder WithStages(bool dates = true, bool quantities = true, bool entities = true)
    {
        _options = _options with { ExtractDates = dates, ExtractQuantities = quantities, ExtractEntities = entities };
        return this;
    }

    /// <summary>Makes error diagnostics throw <see cref="NewsParseException"/>.</summary>
    public NewsParserBuilder UseStrictMode()
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
