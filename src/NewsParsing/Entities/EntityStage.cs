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

    private readonly NerTagger? _tagger = NerTagger.Default;
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
        if (_tagger is not null)
        {
            context.Entities = Extract(context);
        }
    }

    /// <summary>
    /// Splits every region into sentences and tags the whole article at once — the tagger's second pass reads what its
    /// first pass said about the same word in other sentences — then turns each sentence's tags into mentions, applies
    /// the rules and links the mentions.
    /// </summary>
    private ImmutableArray<Entity> Extract(ArticleContext context)
    {
        var text = context.Text;
        var buffers = context.Workspace.Entities; // the workspace's buffers: cleared when the parse ends
        var tokens = buffers.Tokens;
        var sentences = buffers.Sentences;
        tokens.Clear();
        sentences.Clear();
        var budget = context.Workspace.Budget;
        foreach (var region in context.Regions)
        {
            if (budget.Check())
            {
                break; // past the time budget: the regions read so far are tagged
            }

            var regionStart = tokens.Count;
            NerTokenizer.Tokenize(text, region.Span.Start, region.Span.End, tokens);
            var sentenceStart = regionStart;
            for (var i = regionStart; i < tokens.Count; i++)
            {
                if (EndsSentence(text, tokens, i, tokens.Count))
                {
                    sentences.Add(new NerSentence(sentenceStart, i + 1, false));
                    sentenceStart = i + 1;
                }
            }

            if (sentenceStart < tokens.Count)
            {
                sentences.Add(new NerSentence(sentenceStart, tokens.Count, false));
            }
        }

        var count = tokens.Count;
        var hashes = buffers.Hashes(count);
        var flags = buffers.Flags(count);
        var sentenceSpan = CollectionsMarshal.AsSpan(sentences);
        for (var k = 0; k < sentenceSpan.Length; k++)
        {
            if (budget.Check())
            {
                return []; // past the time budget before the tagger ran: no entity (the features are per sentence, µs each)
            }

            var (start, end, _) = sentenceSpan[k];
            var allCaps = _tagger!.Prepare(text, tokens, start, end, hashes[start..end], flags[start..end]);
            sentenceSpan[k] = new NerSentence(start, end, allCaps);
        }

        var tags = buffers.Tags(count);

        // The tagger looks at the budget (and the token) before each sentence of each pass: a huge article overshoots
        // its budget by about one sentence, not by the whole pass (docs/robustness.md).
        var tagged = _tagger!.Tag(hashes, flags, sentenceSpan, tags, buffers.FirstPass(count), buffers.Detail(count), buffers.Document, budget);
        sentenceSpan = sentenceSpan[..tagged];

        var mentions = buffers.Mentions;
        var sentence = buffers.Sentence;
        foreach (var (start, end, _) in sentenceSpan)
        {
            if (budget.Check())
            {
                break; // past the time budget: the mentions of the sentences read so far are linked
            }

            sentence.Clear();
            for (var k = start; k < end; k++)
            {
                sentence.Add(tokens[k]); // a reused buffer, not a new list per sentence
            }

            SentenceMentions(text, sentence, flags[start..end], tags[start..end], buffers, context.Workspace.Names);
            if (mentions.Count >= Options.MaxItemsPerStage)
            {
                // Per mention, not per sentence: one sentence with more mentions than the limit is cut back to it.
                mentions.RemoveRange(Options.MaxItemsPerStage, mentions.Count - Options.MaxItemsPerStage);
                context.Diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitReached, DiagnosticSeverity.Warning,
                    $"More than {Options.MaxItemsPerStage} entities; the rest were not extracted."));
                break;
            }
        }

        return Link(context, buffers);
    }

    /// <summary>Whether the token at <paramref name="i"/> follows a portfolio role and "of": "Minister of".</summary>
    private static bool AfterRoleOf(string text, List<NerToken> tokens, int i) =>
        i >= 2 && Word(text, tokens[i - 1]).SequenceEqual("of") && EntityRules.Default.IsPortfolioRole(Word(text, tokens[i - 2]));

    /// <summary>Where a capitalised word's glued lower-case suffix starts ("London-based", "AI-generated"), or -1.</summary>
    private static int GluedSuffix(ReadOnlySpan<char> word)
    {
        var dash = word.LastIndexOf('-');
        if (dash <= 0 || dash >= word.Length - 2)
        {
            return -1;
        }

        foreach (var c in word[(dash + 1)..])
        {
            if (!char.IsLower(c))
            {
                return -1;
            }
        }

        return dash;
    }

    private static bool EndsSentence(string text, List<NerToken> tokens, int i, int end)
    {
        var t = tokens[i];
        if (t.End - t.Start != 1 || text[t.Start] is not ('.' or '!' or '?'))
        {
            return false;
        }

        return i + 1 >= end || char.IsUpper(text[tokens[i + 1].Start]) || !char.IsLetter(text[tokens[i + 1].Start]);
    }

    /// <summary>The mentions of one tagged sentence: the rules' finds, the tagger's chunks that do not overlap them, and
    /// nationalities the tagger left untagged.</summary>
    private void SentenceMentions(string text, List<NerToken> tokens, ReadOnlySpan<GazetteerFlags> flags, ReadOnlySpan<int> tags, Buffers buffers, NameTable names)
    {
        var mentions = buffers.Mentions;

        var rules = buffers.Rules;
        rules.Clear();
        RuleMentions(text, tokens, rules);
        var ruleCount = rules.Count; // rules[..ruleCount] are sorted and disjoint; the tagger's chunks follow, also sorted and disjoint
        var chunks = buffers.Chunks;
        chunks.Clear();
        ConllCorpus.Chunks(tags, chunks);
        foreach (var (chunkStart, chunkEnd, chunkType) in chunks)
        {
            var (start, type) = (chunkStart, chunkType);
            if (type is 3 or 4 && AfterRoleOf(text, tokens, start))
            {
                // "Minister of Defense of Azerbaijan": the portfolio belongs to the title; only the place it is "of"
                // is a name of its own.
                var of = start + 1;
                while (of < chunkEnd - 1 && !Word(text, tokens[of]).SequenceEqual("of"))
                {
                    of++;
                }

                if (of >= chunkEnd - 1)
                {
                    continue;
                }

                (start, type) = (of + 1, 2);
            }

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

            // "London-based", "Azerbaijani-made": a name glued to a lower-case word is the name alone.
            var glued = end - start == 1 ? GluedSuffix(Word(text, tokens[start])) : -1;
            if (glued > 0)
            {
                span = new SourceSpan(span.Start, glued);
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
            var known = glued > 0
                ? _gazetteer.TryLookup(text, span.Start, span.End, buffers.Scratch, out entry)
                : end - start <= _gazetteer.MaxTokens && _gazetteer.TryMatch(text, tokens, start, end - start, out entry);
            if (known)
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
                else if (glued > 0 && entry.Flags.HasFlag(GazetteerFlags.City))
                {
                    entityType = EntityType.Location; // "London-based"
                }
            }

            else if (end - start > 1 && entityType != EntityType.Person)
            {
                // The head word decides: "Aghdam Industrial Park", "SOCAR Carbamide Plant" are facilities, "Shusha
                // Global Media Forum" an event (not when an "of" makes another word the head).
                entityType = EntityRules.Default.HeadType(Word(text, tokens[end - 1]), text.AsSpan(span.Start, span.Length)) ?? entityType;
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
        private GazetteerFlags[] _flags = new GazetteerFlags[1024];
        private NerTokenHashes[] _hashes = new NerTokenHashes[1024];
        private int[] _tags = new int[1024];
        private int[] _firstPass = new int[1024];
        private uint[] _detail = new uint[1024];

        /// <summary>The tokens of the whole article, all regions in order.</summary>
        public List<NerToken> Tokens { get; } = new(1024);

        /// <summary>The article's sentences, as ranges of <see cref="Tokens"/>.</summary>
        public List<NerSentence> Sentences { get; } = new(64);

        /// <summary>The tagger's per-word table for its document features.</summary>
        public NerDocumentTable Document { get; } = new();

        public List<NerToken> Sentence { get; } = new(128);

        /// <summary>Scratch tokens for gazetteer lookups of part of a token.</summary>
        public List<NerToken> Scratch { get; } = new(8);

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

        /// <summary>Per token of the article: small-gazetteer flags, token hashes, tags, and the first pass's tags and
        /// details (<see cref="NerModel.Predict"/>).</summary>
        public Span<GazetteerFlags> Flags(int count) => Grow(ref _flags, count);

        public Span<NerTokenHashes> Hashes(int count) => Grow(ref _hashes, count);

        public Span<int> Tags(int count) => Grow(ref _tags, count);

        public Span<int> FirstPass(int count) => Grow(ref _firstPass, count);

        public Span<uint> Detail(int count) => Grow(ref _detail, count);

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
            ParseWorkspace.Retain(Sentences);
            ParseWorkspace.Retain(Sentence);
            ParseWorkspace.Retain(Scratch);
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
            ParseWorkspace.Retain(ref _flags);
            ParseWorkspace.Retain(ref _hashes);
            ParseWorkspace.Retain(ref _tags);
            ParseWorkspace.Retain(ref _firstPass);
            ParseWorkspace.Retain(ref _detail);
            Document.Retain();
        }
    }
}
