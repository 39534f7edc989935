using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NewsParsing.Model;
using NewsParsing.Text;

namespace NewsParsing.Entities;

/// <summary>Linking the mentions of one article into entities with ids and canonical names.</summary>
internal sealed partial class EntityStage
{
    /// <summary>
    /// Links mentions: people by surname, places and organisations by canonical name (case-insensitive); assigns ids in
    /// order of first mention. Keys are spans of the article or gazetteer names, so linking allocates one canonical
    /// string per cluster rather than several strings per mention.
    /// </summary>
    private ImmutableArray<Entity> Link(string text, Buffers buffers, ParseWorkspace workspace)
    {
        var mentions = buffers.Mentions;
        var clusters = buffers.Clusters;
        var canonical = buffers.Canonical;
        var clusterOf = buffers.ClusterOf(mentions.Count);
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            var surface = WithoutArticle(text, mention.Span);
            NameForm form;
            LinkKey key;
            if (mention.Type == EntityType.Person)
            {
                form = surface;
                key = new LinkKey(EntityType.Person, Surname(surface));
            }
            else
            {
                form = mention.Canonical is { } c ? new NameForm(c, 0, c.Length)
                    : _gazetteer.TryLookup(text, surface.Start, surface.Start + surface.Length, workspace.NameTokens, out var e) && (e.Flags & GazetteerFlags.Title) == 0
                        ? new NameForm(e.Canonical, 0, e.Canonical.Length)
                        : surface;
                key = new LinkKey(mention.Type, form);
            }

            if (!clusters.TryGetValue(key, out var cluster))
            {
                cluster = canonical.Count;
                clusters.Add(key, cluster);
                canonical.Add(form);
            }
            else if (form.Length > canonical[cluster].Length)
            {
                canonical[cluster] = form; // the fullest written form of a name is its canonical form ("Zakir Hasanov" over "Hasanov")
            }

            clusterOf[m] = cluster;
        }

        var names = buffers.Names(canonical.Count);
        for (var k = 0; k < canonical.Count; k++)
        {
            names[k] = canonical[k].ToName(workspace.Names);
        }

        var entities = new Entity[mentions.Count]; // exact, wrapped without a copy
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            entities[m] = new Entity(text, mention.Span)
            {
                Type = mention.Type,
                Canonical = names[clusterOf[m]],
                Id = clusterOf[m] + 1,
                Title = mention.Title,
                CountryCode = mention.Country,
            };
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(entities);
    }

    /// <summary>The mention without a leading "the ".</summary>
    private static NameForm WithoutArticle(string text, SourceSpan span)
    {
        var s = text.AsSpan(span.Start, span.Length);
        return s.StartsWith("the ", StringComparison.OrdinalIgnoreCase)
            ? new NameForm(text, span.Start + 4, span.Length - 4)
            : new NameForm(text, span.Start, span.Length);
    }

    /// <summary>The last space-separated word of a person's name without a trailing full stop.</summary>
    private static NameForm Surname(NameForm name)
    {
        var s = name.AsSpan().TrimEnd(' ');
        var start = s.LastIndexOf(' ') + 1;
        var word = s[start..].TrimEnd('.');
        return new NameForm(name.Source, name.Start + start, word.Length);
    }

    internal readonly record struct Mention(SourceSpan Span, EntityType Type, string? Title, string? Country, string? Canonical);

    /// <summary>A name written in the article or taken from the gazetteer: a slice of <see cref="Source"/>.</summary>
    internal readonly record struct NameForm(string Source, int Start, int Length)
    {
        public ReadOnlySpan<char> AsSpan() => Source.AsSpan(Start, Length);

        /// <summary>The name as a string: the source itself when the form is all of it, else from the name table.</summary>
        public string ToName(NameTable names) => Start == 0 && Length == Source.Length ? Source : names.Get(AsSpan());
    }

    /// <summary>A cluster key: the entity type and a name compared case-insensitively.</summary>
    internal readonly record struct LinkKey(EntityType Type, NameForm Name);

    private sealed class LinkKeyComparer : IEqualityComparer<LinkKey>
    {
        public static readonly LinkKeyComparer Instance = new();

        public bool Equals(LinkKey x, LinkKey y) => x.Type == y.Type && x.Name.AsSpan().Equals(y.Name.AsSpan(), StringComparison.OrdinalIgnoreCase);

        public int GetHashCode(LinkKey key) => HashCode.Combine(key.Type, string.GetHashCode(key.Name.AsSpan(), StringComparison.OrdinalIgnoreCase));
    }
}
