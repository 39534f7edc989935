using System.Collections.Frozen;
using System.Collections.Immutable;
using NewsParsing.Model;

namespace NewsParsing.Entities;

/// <summary>
/// The entity stage: the trained tagger (<see cref="NerModel"/>) over each sentence of the headline, byline, dateline and
/// body, then the news-wire rules a CoNLL model misses — events with years in their names, facilities, ministries in
/// apposition, nationalities as groups, titles before people — and finally linking of mentions within the article.
/// </summary>
internal sealed class EntityStage
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

    [ThreadStatic]
    private static List<NerToken>? t_tokens;

    [ThreadStatic]
    private static List<NerToken>? t_sentence;

    private readonly NerModel? _model = NerModel.Default;
    private readonly Gazetteer _gazetteer = Gazetteer.Default;

    public EntityStage(NewsParserOptions options)
    {
        Options = options;
    }

    public NewsParserOptions Options { get; }

    /// <summary>Extracts the entity mentions of every region in <paramref name="context"/>.</summary>
    public ImmutableArray<Entity> Extract(ArticleContext context)
    {
        if (_model is null)
        {
            return [];
        }

        var text = context.Text;
        var mentions = new List<Mention>();
        var tokens = t_tokens ??= new List<NerToken>(512);
        var sentence = t_sentence ??= new List<NerToken>(128);
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

                    TagSentence(text, sentence, mentions);
                }

                sentenceStart = end;
                if (mentions.Count >= Options.MaxItemsPerStage)
                {
                    context.Diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitReached, DiagnosticSeverity.Warning,
                        $"More than {Options.MaxItemsPerStage} entities; the rest were not extracted."));
                    return Link(text, mentions);
                }
            }
        }

        if (tokens.Capacity > 65_536)
        {
            t_tokens = null;
        }

        return Link(text, mentions);
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

    private void TagSentence(string text, List<NerToken> tokens, List<Mention> mentions)
    {
        var count = tokens.Count;
        var flags = count <= 256 ? stackalloc GazetteerFlags[count] : new GazetteerFlags[count];
        NerFeatures.Gazetteer(text, tokens, _gazetteer, flags);
        var tags = count <= 256 ? stackalloc int[count] : new int[count];
        _model!.Predict(text, tokens, flags, tags);

        var rules = new List<Mention>();
        RuleMentions(text, tokens, rules);
        foreach (var (start, chunkEnd, type) in ConllCorpus.Chunks(tags))
        {
            // A name does not end in a lower-case word: "Minister of Defense of Azerbaijan" may tag "Defense of".
            var end = chunkEnd;
            while (end - start > 1 && IsLowerWord(text, tokens[end - 1]))
            {
                end--;
            }

            var span = SourceSpan.FromBounds(tokens[start].Start, tokens[end - 1].End);
            if (rules.Exists(r => r.Span.Overlaps(span)))
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
                title = TitleBefore(text, tokens, flags, start);
            }

            rules.Add(new Mention(span, entityType, title, country, country is not null ? entry.Canonical : null));
        }

        // Nationalities the tagger left untagged ("Georgian, Azerbaijani and Turkish servicemen").
        for (var i = 0; i < tokens.Count; i++)
        {
            if (flags[i].HasFlag(GazetteerFlags.Demonym) && _gazetteer.TryMatch(text, tokens, i, 1, out var d) && d.Flags.HasFlag(GazetteerFlags.Demonym))
            {
                var span = SourceSpan.FromBounds(tokens[i].Start, tokens[i].End);
                if (!rules.Exists(r => r.Span.Overlaps(span)))
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

                rules.RemoveAll(r => r.Span.Start >= tokens[first].Start);
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
                && FacilityHeads.Contains(w.ToString().ToLowerInvariant()))
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
    private string? TitleBefore(string text, List<NerToken> tokens, ReadOnlySpan<GazetteerFlags> flags, int start)
    {
        var first = start;
        var hasTitle = false;
        for (var k = start - 1; k >= 0 && start - k <= 6; k--)
        {
            var w = Word(text, tokens[k]);
            var lower = w.ToString().ToLowerInvariant();
            var isTitle = flags[k].HasFlag(GazetteerFlags.Title) || (_gazetteer.TryMatch(text, tokens, k, 1, out var e) && e.Flags.HasFlag(GazetteerFlags.Title));
            var isModifier = TitleModifiers.Contains(lower) || flags[k].HasFlag(GazetteerFlags.Demonym);
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

        return hasTitle && first < start ? text[tokens[first].Start..tokens[start - 1].End] : null;
    }

    /// <summary>Links mentions: people by surname, places and organisations by canonical name; assigns ids.</summary>
    private ImmutableArray<Entity> Link(string text, List<Mention> mentions)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var canonicalOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new string[mentions.Count];
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            var surface = Clean(text.Substring(mention.Span.Start, mention.Span.Length));
            string key;
            string canonical;
            if (mention.Type == EntityType.Person)
            {
                var parts = surface.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                key = "P:" + parts[^1].TrimEnd('.').ToLowerInvariant();
                canonical = surface;
            }
            else
            {
                canonical = mention.Canonical ?? (TryCanonical(surface, out var c) ? c : surface);
                key = mention.Type.ToString()[0] + ":" + canonical.ToLowerInvariant();
            }

            keys[m] = key;
            // The fullest written form of a name is its canonical form ("Zakir Hasanov" over "Hasanov").
            if (!canonicalOf.TryGetValue(key, out var existing) || canonical.Length > existing.Length)
            {
                canonicalOf[key] = canonical;
            }

            ids.TryAdd(key, ids.Count + 1);
        }

        var builder = ImmutableArray.CreateBuilder<Entity>(mentions.Count);
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            builder.Add(new Entity(text, mention.Span)
            {
                Type = mention.Type,
                Canonical = canonicalOf[keys[m]],
                Id = ids[keys[m]],
                Title = mention.Title,
                CountryCode = mention.Country,
            });
        }

        return builder.MoveToImmutable();
    }

    private bool TryCanonical(string surface, out string canonical)
    {
        var key = Gazetteer.Key(surface);
        if (_gazetteer.Names.TryGetValue(key, out var entry) && !entry.Flags.HasFlag(GazetteerFlags.Title))
        {
            canonical = entry.Canonical;
            return true;
        }

        canonical = surface;
        return false;
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

    private static string Clean(string s) => s.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? s[4..] : s;

    private static ReadOnlySpan<char> Word(string text, NerToken t) => text.AsSpan(t.Start, t.End - t.Start);

    private static bool IsYear(ReadOnlySpan<char> s) => s.Length == 4 && char.IsDigit(s[0]) && char.IsDigit(s[1]) && char.IsDigit(s[2]) && char.IsDigit(s[3]) && (s[0] is '1' or '2');

    private sealed record Mention(SourceSpan Span, EntityType Type, string? Title, string? Country, string? Canonical);
}
