using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NewsParsing.Model;
using NewsParsing.Text;

namespace NewsParsing.Entities;

/// <summary>
/// The entity stage: the trained tagger (<see cref="NerModel"/>) over each sentence of the headline, byline, dateline and
/// body, then the news-wire rules a CoNLL model misses — events with years in their names, facilities, ministries in
/// apposition, nationalities as groups, titles before people — and finally linking of mentions within the article.
/// </summary>
internal sealed class EntityStage : IArticleStage
{
    private static readonly FrozenSet<string> TitleModifiers = new[]
    {
        "defence", "defense", "foreign", "deputy", "prime", "vice", "first", "chief", "executive", "lieutenant", "major", "colonel",
        "brigadier", "senior", "economy", "finance", "interior", "justice", "health", "education", "culture", "energy", "general",
        "national", "former", "acting", "state", "honored", "honoured", "people's", "prominent", "ophthalmologist", "academician", "of",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> FacilityHeads = new[]
    {
        "alley", "square", "stadium", "airport", "palace", "museum", "bridge", "mosque", "cathedral", "center", "centre", "hall", "park", "theatre", "theater", "arena", "tower",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly NerModel? _model = NerModel.Default;
    private readonly Gazetteer _gazetteer = Gazetteer.Default;

    public EntityStage(NewsPipelineOptions options)
    {
        Options = options;
    }

    public NewsPipelineOptions Options { get; }

    public NewsStages Stage => NewsStages.Entities;

    /// <summary>Extracts the entity mentions of every region into <see cref="ArticleContext.Entities"/>.</summary>
    public void Run(ArticleContext context)
    {
        if (_model is not null)
        {
            context.Entities = Extract(context);
        }
    }

    private ImmutableArray<Entity> Extract(ArticleContext context)
    {
        var text = context.Text;
        var buffers = context.Workspace.Entities; // the workspace's buffers: cleared when the parse ends
        var mentions = buffers.Mentions;
        var tokens = buffers.Tokens;
        var sentence = buffers.Sentence;
        foreach (var region in context.Regions)
        {
            tokens.Clear();
            NerTokenizer.Tokenize(text, region.Span.Start, region.Span.End, tokens);
            var sentenceStart = 0;
            for (var i = 0; i <= tokens.Count; i++)
            {
                if (i < tokens.Count && !EndsSentence(text, tokens, i))
                {
                    continue;
                }

                var end = Math.Min(i + 1, tokens.Count);
                if (end > sentenceStart)
                {
                    sentence.Clear();
                    for (var k = sentenceStart; k < end; k++)
                    {
                        sentence.Add(tokens[k]); // a reused buffer, not a new list per sentence
                    }

                    TagSentence(text, sentence, buffers, context.Workspace.Names);
                }

                sentenceStart = end;
                if (mentions.Count >= Options.MaxItemsPerStage)
                {
                    context.Diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitReached, DiagnosticSeverity.Warning,
                        $"More than {Options.MaxItemsPerStage} entities; the rest were not extracted."));
                    return Link(text, buffers, context.Workspace);
                }
            }
        }

        return Link(text, buffers, context.Workspace);
    }

    private static bool EndsSentence(string text, List<NerToken> tokens, int i)
    {
        var t = tokens[i];
        if (t.End - t.Start != 1 || text[t.Start] is not ('.' or '!' or '?'))
        {
            return false;
        }

        return i + 1 >= tokens.Count || char.IsUpper(text[tokens[i + 1].Start]) || !char.IsLetter(text[tokens[i + 1].Start]);
    }

    private void TagSentence(string text, List<NerToken> tokens, Buffers buffers, NameTable names)
    {
        var mentions = buffers.Mentions;
        var count = tokens.Count;
        // Small sentences on the stack; long ones (wire tables without full stops) in the workspace's arrays, not new ones.
        var flags = count <= 256 ? stackalloc GazetteerFlags[count] : buffers.LongFlags(count);
        var hashes = count <= 256 ? stackalloc NerTokenHashes[count] : buffers.LongHashes(count);
        var allCaps = NerFeatures.Prepare(text, tokens, hashes);
        NerFeatures.Gazetteer(text, tokens, hashes, _gazetteer, flags);
        var tags = count <= 256 ? stackalloc int[count] : buffers.LongTags(count);
        _model!.Predict(hashes, flags, allCaps, tags);

        var rules = buffers.Rules;
        rules.Clear();
        RuleMentions(text, tokens, rules);
        var ruleCount = rules.Count; // rules[..ruleCount] are sorted and disjoint; the tagger's chunks follow, also sorted and disjoint
        var chunks = buffers.Chunks;
        chunks.Clear();
        ConllCorpus.Chunks(tags, chunks);
        foreach (var (start, chunkEnd, type) in chunks)
        {
            // A name does not end in a lower-case word: "Minister of Defense of Azerbaijan" may tag "Defense of".
            var end = chunkEnd;
            while (end - start > 1 && IsLowerWord(text, tokens[end - 1]))
            {
                end--;
            }

            var span = SourceSpan.FromBounds(tokens[start].Start, tokens[end - 1].End);
            if (Overlaps(rules, 0, ruleCount, span))
            {
                continue; // the rule's reading wins ("Eternity-2021" is an event, not MISC)
            }

            var entityType = type switch
            {
                1 => EntityType.Person,
                2 => EntityType.Location,
                3 => EntityType.Organization,
                _ => EntityType.Misc,
            };
            string? country = null;
            var entry = default(GazetteerEntry);
            if (end - start <= _gazetteer.MaxTokens && _gazetteer.TryMatch(text, tokens, start, end - start, out entry))
            {
                if (entry.Flags.HasFlag(GazetteerFlags.Demonym))
                {
                    entityType = EntityType.Group;
                    country = entry.Iso;
                }
                else if (entry.Flags.HasFlag(GazetteerFlags.Country))
                {
                    entityType = EntityType.Location;
                    country = entry.Iso;
                }
            }

            string? title = null;
            if (entityType == EntityType.Person)
            {
                title = TitleBefore(text, tokens, flags, start, names);
            }

            rules.Add(new Mention(span, entityType, title, country, country is not null ? entry.Canonical : null));
        }

        // Nationalities the tagger left untagged ("Georgian, Azerbaijani and Turkish servicemen").
        var taggedEnd = rules.Count;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (flags[i].HasFlag(GazetteerFlags.Demonym) && _gazetteer.TryMatch(text, tokens, i, 1, out var d) && d.Flags.HasFlag(GazetteerFlags.Demonym))
            {
                var span = SourceSpan.FromBounds(tokens[i].Start, tokens[i].End);
                if (!Overlaps(rules, 0, ruleCount, span) && !Overlaps(rules, ruleCount, taggedEnd, span))
                {
                    rules.Add(new Mention(span, EntityType.Group, null, d.Iso, d.Canonical));
                }
            }
        }

        rules.Sort(static (a, b) => a.Span.Start.CompareTo(b.Span.Start));
        mentions.AddRange(rules);
    }

    /// <summary>Events with years in their names, the N-day war, facilities, and ministries in apposition.</summary>
    private static void RuleMentions(string text, List<NerToken> tokens, List<Mention> rules)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var w = Word(text, tokens[i]);
            // "Eternity-2021"
            var dash = w.LastIndexOf('-');
            if (dash > 0 && char.IsUpper(w[0]) && w.Length - dash == 5 && IsYear(w[(dash + 1)..]))
            {
                rules.Add(new Mention(SourceSpan.FromBounds(tokens[i].Start, tokens[i].End), EntityType.Event, null, null, null));
                continue;
            }

            // "Agile Spirit - 2021"
            if (i + 2 < tokens.Count && char.IsUpper(w[0]) && Word(text, tokens[i + 1]) is "-" or "–" && IsYear(Word(text, tokens[i + 2])))
            {
                var first = i;
                while (first > 0 && char.IsUpper(text[tokens[first - 1].Start]) && i - first < 3)
                {
                    first--;
                }

                var from = tokens[first].Start;
                var kept = 0;
                for (var r = 0; r < rules.Count; r++)
                {
                    if (rules[r].Span.Start < from)
                    {
                        rules[kept++] = rules[r];
                    }
                }

                rules.RemoveRange(kept, rules.Count - kept);
                rules.Add(new Mention(SourceSpan.FromBounds(tokens[first].Start, tokens[i + 2].End), EntityType.Event, null, null, null));
                i += 2;
                continue;
            }

            // "the 44-day war"
            if (w.EndsWith("-day", StringComparison.OrdinalIgnoreCase) && w.Length > 4 && char.IsDigit(w[0]) && i + 1 < tokens.Count
                && Word(text, tokens[i + 1]).Equals("war", StringComparison.OrdinalIgnoreCase))
            {
                rules.Add(new Mention(SourceSpan.FromBounds(tokens[i].Start, tokens[i + 1].End), EntityType.Event, null, null, null));
                i++;
                continue;
            }

            // "Alley of Honor", "Alley of Martyrs"
            // Cheap checks first: the lower-cased copy is made only for "<Capitalised> of <Capitalised>".
            if (char.IsUpper(w[0]) && i + 2 < tokens.Count && Word(text, tokens[i + 1]) is "of" && char.IsUpper(text[tokens[i + 2].Start])
                && ContainsLower(FacilityHeads, w))
            {
                rules.Add(new Mention(SourceSpan.FromBounds(tokens[i].Start, tokens[i + 2].End), EntityType.Facility, null, null, null));
                i += 2;
                continue;
            }

            // "the Ministries of Defense of Azerbaijan and Georgia", "Ministry of Foreign Affairs"
            if (w is "Ministry" or "Ministries" && i + 2 < tokens.Count && Word(text, tokens[i + 1]) is "of")
            {
                var end = i + 2;
                while (end < tokens.Count && (char.IsUpper(text[tokens[end].Start]) || Word(text, tokens[end]) is "of" or "and")
                    && !(Word(text, tokens[end]) is "and" && (end + 1 >= tokens.Count || !char.IsUpper(text[tokens[end + 1].Start]))))
                {
                    end++;
                }

                while (end > i + 2 && Word(text, tokens[end - 1]) is "of" or "and")
                {
                    end--;
                }

                rules.Add(new Mention(SourceSpan.FromBounds(tokens[i].Start, tokens[end - 1].End), EntityType.Organization, null, null, null));
                i = end - 1;
            }
        }

    }

    /// <summary>The title written just before a person: "Defence Minister", "Georgian counterpart", "Colonel General".</summary>
    private string? TitleBefore(string text, List<NerToken> tokens, ReadOnlySpan<GazetteerFlags> flags, int start, NameTable names)
    {
        var first = start;
        var hasTitle = false;
        for (var k = start - 1; k >= 0 && start - k <= 6; k--)
        {
            var w = Word(text, tokens[k]);
            var isTitle = flags[k].HasFlag(GazetteerFlags.Title) || (_gazetteer.TryMatch(text, tokens, k, 1, out var e) && e.Flags.HasFlag(GazetteerFlags.Title));
            var isModifier = ContainsLower(TitleModifiers, w) || (flags[k] & GazetteerFlags.Demonym) != 0;
            if (!isTitle && !isModifier)
            {
                break;
            }

            hasTitle |= isTitle;
            first = k;
        }

        while (first < start && Word(text, tokens[first]) is "of")
        {
            first++;
        }

        return hasTitle && first < start ? names.Get(text.AsSpan(tokens[first].Start, tokens[start - 1].End - tokens[first].Start)) : null;
    }

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

    /// <summary>Whether <paramref name="span"/> overlaps one of <c>mentions[from..to)</c>, which are sorted and disjoint:
    /// a binary search for the first that ends after the span starts, so a sentence with thousands of names stays linear.</summary>
    private static bool Overlaps(List<Mention> mentions, int from, int to, SourceSpan span)
    {
        int lo = from, hi = to;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (mentions[mid].Span.End <= span.Start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < to && mentions[lo].Span.Overlaps(span);
    }

    /// <summary>Whether the lower-cased word is in the set, lower-casing into a stack buffer.</summary>
    private static bool ContainsLower(FrozenSet<string> set, ReadOnlySpan<char> word)
    {
        if (word.Length > 32)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
#if NET9_0_OR_GREATER
        return set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower);
#else
        return set.Contains(new string(lower));
#endif
    }

    private static bool IsLowerWord(string text, NerToken t)
    {
        foreach (var c in text.AsSpan(t.Start, t.End - t.Start))
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static ReadOnlySpan<char> Word(string text, NerToken t) => text.AsSpan(t.Start, t.End - t.Start);

    private static bool IsYear(ReadOnlySpan<char> s) => s.Length == 4 && char.IsDigit(s[0]) && char.IsDigit(s[1]) && char.IsDigit(s[2]) && char.IsDigit(s[3]) && (s[0] is '1' or '2');

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

    /// <summary>The working lists of the stage, part of the <see cref="ParseWorkspace"/>.</summary>
    internal sealed class Buffers
    {
        private int[] _clusterOf = new int[64];
        private string[] _names = new string[64];
        private GazetteerFlags[] _longFlags = [];
        private NerTokenHashes[] _longHashes = [];
        private int[] _longTags = [];

        public List<NerToken> Tokens { get; } = new(512);

        public List<NerToken> Sentence { get; } = new(128);

        public List<Mention> Mentions { get; } = new(64);

        public List<Mention> Rules { get; } = new(16);

        public List<(int Start, int End, int Type)> Chunks { get; } = new(16);

        public Dictionary<LinkKey, int> Clusters { get; } = new(64, LinkKeyComparer.Instance);

        public List<NameForm> Canonical { get; } = new(64);

        public int[] ClusterOf(int count) => _clusterOf.Length >= count ? _clusterOf : _clusterOf = new int[Math.Max(count, 2 * _clusterOf.Length)];

        public string[] Names(int count) => _names.Length >= count ? _names : _names = new string[Math.Max(count, 2 * _names.Length)];

        public Span<GazetteerFlags> LongFlags(int count) => Grow(ref _longFlags, count);

        public Span<NerTokenHashes> LongHashes(int count) => Grow(ref _longHashes, count);

        public Span<int> LongTags(int count) => Grow(ref _longTags, count);

        private static Span<T> Grow<T>(ref T[] array, int count)
        {
            if (array.Length < count)
            {
                array = new T[Math.Max(count, 2 * array.Length)];
            }

            return array.AsSpan(0, count);
        }

        /// <summary>Forgets the parse under the workspace's retention rule: no input string (the keys and canonical
        /// forms slice it) stays reachable once the parse ends.</summary>
        public void Reset()
        {
            ParseWorkspace.Retain(Tokens);
            ParseWorkspace.Retain(Sentence);
            ParseWorkspace.Retain(Mentions);
            ParseWorkspace.Retain(Rules);
            ParseWorkspace.Retain(Chunks);
            Clusters.Clear();
            if (Clusters.EnsureCapacity(0) > ParseWorkspace.RetainLimit)
            {
                Clusters.TrimExcess(64);
            }

            ParseWorkspace.Retain(Canonical);
            ParseWorkspace.Retain(ref _clusterOf);
            ParseWorkspace.Retain(ref _names);
            ParseWorkspace.Retain(ref _longFlags);
            ParseWorkspace.Retain(ref _longHashes);
            ParseWorkspace.Retain(ref _longTags);
        }
    }
}
