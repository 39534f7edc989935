using System.Collections.Immutable;

namespace NewsParsing.Entities;

/// <summary>The entity stage: people, places, organisations, events, facilities and groups.</summary>
internal sealed class EntityStage
{
    public EntityStage(NewsParserOptions options)
    {
        Options = options;
    }

    public NewsParserOptions Options { get; }

    /// <summary>Extracts the entity mentions of every region in <paramref name="context"/>.</summary>
    public ImmutableArray<Entity> Extract(ArticleContext context)
    {
        _ = context;
        _ = Options;
        return [];
    }
}
