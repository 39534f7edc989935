using NewsParsing.Model;
using NodaTime;

namespace NewsParsing;

/// <summary>
/// One-line entry points over a shared default <see cref="NewsPipeline"/>. Build your own pipeline with
/// <see cref="NewsPipelineBuilder"/> to change options, and keep it for reuse.
/// </summary>
public static partial class NewsParser
{
    private static readonly Lazy<NewsPipeline> DefaultPipeline = new(() => new NewsPipelineBuilder().Build());

    /// <summary>The shared pipeline with default options.</summary>
    public static NewsPipeline Default => DefaultPipeline.Value;

    /// <summary>Parses a plain-text article with the default pipeline.</summary>
    /// <param name="text">The article text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static NewsArticle Parse(string text) => Default.Parse(text);

    /// <summary>Parses a plain-text article published on <paramref name="publicationDate"/> with the default pipeline.</summary>
    /// <param name="text">The article text.</param>
    /// <param name="publicationDate">The publication date, used when the article does not state one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static NewsArticle Parse(string text, LocalDate publicationDate) => Default.Parse(text, publicationDate);

    /// <summary>Parses a plain-text article with the given pipeline.</summary>
    /// <param name="text">The article text.</param>
    /// <param name="pipeline">The pipeline to use.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static NewsArticle Parse(string text, NewsPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return pipeline.Parse(text);
    }
}
