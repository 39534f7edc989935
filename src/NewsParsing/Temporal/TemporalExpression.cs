using NewsParsing.Model;

namespace NewsParsing.Temporal;

/// <summary>A date, period, duration or set found in the article (filled by the temporal stage).</summary>
public sealed class TemporalExpression : ArticleElement
{
    internal TemporalExpression(string source, SourceSpan span)
        : base(source, span)
    {
    }
}
