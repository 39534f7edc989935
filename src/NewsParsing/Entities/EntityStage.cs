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
internal sealed partial class EntityStage : IArticleStage
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

    public bool EnglishOnly => true;

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
                    return Link(context, buffers);
                }
            }
        }

        return Link(context, buffers);
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

    /// <summary>The working lists of the stage, part of the <see cref="ParseWorkspace"/>.</summary>
    internal sealed class Buffers
    {
        private int[] _clusterOf = new int[64];
        private string[] _names = new string[64];
        private int[] _ids = new int[64];
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

        public List<Person> People { get; } = new(16);

        public Dictionary<LinkKey, int> PeopleBySurname { get; } = new(16, LinkKeyComparer.Instance);

        public Dictionary<LinkKey, TypeVotes> Votes { get; } = new(64, LinkKeyComparer.Instance);

        public int[] ClusterOf(int count) => _clusterOf.Length >= count ? _clusterOf : _clusterOf = new int[Math.Max(count, 2 * _clusterOf.Length)];

        public int[] Ids(int count)
        {
            var ids = _ids.Length >= count ? _ids : _ids = new int[Math.Max(count, 2 * _ids.Length)];
            Array.Clear(ids, 0, count);
            return ids;
        }

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
            ParseWorkspace.Retain(People);
            PeopleBySurname.Clear();
            Votes.Clear();
            ParseWorkspace.Retain(ref _ids);
            ParseWorkspace.Retain(ref _clusterOf);
            ParseWorkspace.Retain(ref _names);
            ParseWorkspace.Retain(ref _longFlags);
            ParseWorkspace.Retain(ref _longHashes);
            ParseWorkspace.Retain(ref _longTags);
        }
    }
}
