using NewsParsing.Model;

namespace NewsParsing.Quantities;

/// <summary>A numeric fact found in the article (filled by the quantity stage).</summary>
public sealed class Quantity : ArticleElement
{
    internal Quantity(string source, SourceSpan span)
        : base(source, span)
    {
    }
}
