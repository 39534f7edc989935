using NewsParsing.Model;

namespace NewsParsing.Entities;

/// <summary>A named entity mention found in the article (filled by the entity stage).</summary>
public sealed class Entity : ArticleElement
{
    internal Entity(string source, SourceSpan span)
        : base(source, span)
    {
    }
}
