namespace NewsParsing;

/// <summary>
/// The extraction stages a <see cref="NewsPipeline"/> runs after segmentation (which always runs). A flags enum, so
/// adding a stage adds a member rather than a parameter: <c>new NewsPipelineBuilder().WithoutStages(NewsStages.Entities)</c>.
/// </summary>
[Flags]
public enum NewsStages
{
    /// <summary>Segmentation only.</summary>
    None = 0,

    /// <summary>Dates, periods, durations, sets and times (<see cref="Model.NewsArticle.Dates"/>).</summary>
    Dates = 1,

    /// <summary>Numeric facts (<see cref="Model.NewsArticle.Quantities"/>); the numbers inside dates are skipped only
    /// when <see cref="Dates"/> runs too.</summary>
    Quantities = 2,

    /// <summary>Named entities (<see cref="Model.NewsArticle.Entities"/>).</summary>
    Entities = 4,

    /// <summary>The outlets the story cites, and its agency from its own self credit when no dateline, byline or
    /// trailer names one (<see cref="Model.NewsArticle.Sources"/>).</summary>
    Sources = 8,

    /// <summary>Language detection (<see cref="Model.NewsArticle.Language"/>): text in another language than English
    /// skips the English-only stages with diagnostic <see cref="Model.DiagnosticCodes.NotEnglish"/>. Without it every
    /// stage runs on any text.</summary>
    Language = 16,

    /// <summary>Every stage.</summary>
    All = Dates | Quantities | Entities | Sources | Language,
}
