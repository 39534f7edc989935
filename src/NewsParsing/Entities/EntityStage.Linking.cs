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
    /// Cleans the article's mentions (<see cref="Refine"/>), then links them: people by their names (never two people
    /// whose given names, patronymics or initials conflict), places and organisations by canonical name
    /// (case-insensitive); assigns ids in order of first mention. Keys are spans of the article or gazetteer names, so
    /// linking allocates one canonical string per cluster rather than several strings per mention.
    /// </summary>
    private ImmutableArray<Entity> Link(ArticleContext context, Buffers buffers)
    {
        var text = context.Text;
        var workspace = context.Workspace;
        Refine(context, buffers);
        var mentions = buffers.Mentions;
        var clusters = buffers.Clusters;
        var canonical = buffers.Canonical;
        var clusterOf = buffers.ClusterOf(mentions.Count);
        LinkPeople(text, buffers, clusterOf);
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (mention.Type == EntityType.Person)
            {
                continue;
            }

            var surface = WithoutArticle(text, mention.Span);
            var form = mention.Canonical is { } c ? new NameForm(c, 0, c.Length)
                : _gazetteer.TryLookup(text, surface.Start, surface.Start + surface.Length, workspace.NameTokens, out var e) && (e.Flags & GazetteerFlags.Title) == 0
                    ? new NameForm(e.Canonical, 0, e.Canonical.Length)
                    : surface;
            var key = new LinkKey(mention.Type, form);
            if (!clusters.TryGetValue(key, out var cluster))
            {
                cluster = canonical.Count;
                clusters.Add(key, cluster);
                canonical.Add(form);
            }
            else if (form.Length > canonical[cluster].Length)
            {
                canonical[cluster] = form; // the fullest written form of a name is its canonical form
            }

            clusterOf[m] = cluster;
        }

        // Ids in order of first mention.
        var idOf = buffers.Ids(canonical.Count);
        var next = 0;
        for (var m = 0; m < mentions.Count; m++)
        {
            if (idOf[clusterOf[m]] == 0)
            {
                idOf[clusterOf[m]] = ++next;
            }
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
            entities[m] = new Entity(text, SourceSpan.WholeCharacters(text, mention.Span)) // never half a surrogate pair
            {
                Type = mention.Type,
                Canonical = names[clusterOf[m]],
                Id = idOf[clusterOf[m]],
                Title = mention.Title,
                CountryCode = mention.Country,
            };
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(entities);
    }

    /// <summary>
    /// Links the people of the article. Full names first, in order: a name joins an earlier person only when the
    /// surnames are equal and the given names (or initials: <c>Z. Hasanov</c> = <c>Zakir Hasanov</c>) and patronymics
    /// that both write agree; several such people → the one mentioned last before it. Then bare surnames: the one
    /// person with that surname, else the nearest preceding mention of one, else (only later ones) not linked.
    /// </summary>
    private static void LinkPeople(string text, Buffers buffers, int[] clusterOf)
    {
        var mentions = buffers.Mentions;
        var people = buffers.People;
        var bySurname = buffers.PeopleBySurname;
        var canonical = buffers.Canonical;
        for (var m = 0; m < mentions.Count; m++)
        {
            if (mentions[m].Type != EntityType.Person || !PersonName.TryParse(WithoutArticle(text, mentions[m].Span), out var name) || name.Words < 2)
            {
                continue;
            }

            var key = new LinkKey(EntityType.Person, name.Surname);
            var found = -1;
            var ambiguous = false;
            for (var p = bySurname.TryGetValue(key, out var head) ? head : -1; p >= 0; p = people[p].Next)
            {
                if (!people[p].Name.Agrees(name))
                {
                    continue;
                }

                if (found >= 0)
                {
                    ambiguous = true;
                }

                if (found < 0 || people[p].LastMention > people[found].LastMention)
                {
                    found = p;
                }
            }

            _ = ambiguous; // several agreeing people: the one mentioned last before this name (found) is taken
            if (found < 0)
            {
                found = people.Count;
                people.Add(new Person(name, canonical.Count, m, bySurname.TryGetValue(key, out var first) ? first : -1));
                bySurname[key] = found;
                canonical.Add(name.Form);
            }
            else
            {
                var person = people[found];
                if (name.Words > person.Name.Words)
                {
                    canonical[person.Cluster] = name.Form; // the fullest written form is the canonical name
                }

                people[found] = person with { Name = person.Name.Merge(name), LastMention = m };
            }

            clusterOf[m] = people[found].Cluster;
        }

        // Bare surnames (and any other one-word person mention).
        var bare = buffers.Clusters; // (Person, word) → cluster of a bare name nobody else has
        for (var m = 0; m < mentions.Count; m++)
        {
            if (mentions[m].Type != EntityType.Person || !PersonName.TryParse(WithoutArticle(text, mentions[m].Span), out var name) || name.Words >= 2)
            {
                continue;
            }

            var key = new LinkKey(EntityType.Person, name.Surname);
            var cluster = -1;
            if (bySurname.TryGetValue(key, out var head))
            {
                if (people[head].Next < 0)
                {
                    cluster = people[head].Cluster; // exactly one person has this surname
                }
                else
                {
                    cluster = NearestPreceding(text, mentions, clusterOf, m, name.Surname);
                }
            }

            if (cluster < 0 && !bare.TryGetValue(key, out cluster))
            {
                cluster = canonical.Count;
                bare.Add(key, cluster);
                canonical.Add(name.Form);
            }

            clusterOf[m] = cluster;
        }
    }

    /// <summary>The cluster of the nearest full name before mention <paramref name="m"/> with this surname, or -1.</summary>
    private static int NearestPreceding(string text, List<Mention> mentions, int[] clusterOf, int m, NameForm surname)
    {
        const int MaxLookBack = 500; // bounds the cost on a list of thousands of names
        for (var k = m - 1; k >= 0 && m - k <= MaxLookBack; k--)
        {
            if (mentions[k].Type == EntityType.Person && PersonName.TryParse(WithoutArticle(text, mentions[k].Span), out var other)
                && other.Words >= 2 && other.Surname.AsSpan().Equals(surname.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return clusterOf[k];
            }
        }

        return -1;
    }

    /// <summary>
    /// Cleans the mentions before linking: role and rank words written inside a person's name go to its title
    /// (<c>Victim Karam Mammadov</c>), mentions that are only role words, months, weekdays or capitalised common words go
    /// (<c>Senior Lieutenant</c>, <c>Jan</c>, <c>Article</c>), the dateline's place is one Location equal to
    /// <see cref="Model.Dateline.Place"/>, its agency one Organization, byline authors are Person mentions, and a name
    /// gets one type in the article.
    /// </summary>
    private static void Refine(ArticleContext context, Buffers buffers)
    {
        var text = context.Text;
        var mentions = buffers.Mentions;
        var rules = EntityRules.Default;
        var kept = 0;
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            var s = mention.Span;
            var words = text.AsSpan(s.Start, s.Length);
            if (mention.Type == EntityType.Person)
            {
                // Leading role words: "Victim Karam Mammadov", "Judges Jamal Ramazanov".
                var start = 0;
                while (true)
                {
                    var space = words[start..].IndexOf(' ');
                    if (space < 0 || !rules.IsRoleWord(words.Slice(start, space)))
                    {
                        break;
                    }

                    start += space + 1;
                }

                if (start > 0)
                {
                    var title = context.Workspace.Names.Get(words[..(start - 1)]);
                    mention = mention with { Span = new SourceSpan(s.Start + start, s.Length - start), Title = mention.Title ?? title };
                    words = words[start..];
                }
            }

            if (OnlyRoleOrStopWords(words, rules) || InTitle(text, mention, words, rules))
            {
                continue; // "Senior Lieutenant", "Article", "Jan", "States"; "Defense" in "Minister of Defense"
            }

            mentions[kept++] = mention;
        }

        mentions.RemoveRange(kept, mentions.Count - kept);
        Join(text, mentions, rules);

        // The dateline's place is one Location, as the dateline reads it ("LOS ANGELES" → Los Angeles).
        if (context.Dateline is { PlaceSpan: { } place, Place: { } placeName })
        {
            Replace(mentions, place, new Mention(place, EntityType.Location, null, null, placeName, Fixed: true));
        }

        // The dateline's agency is one Organization ("(AP)", "(Reuters)"), whatever the tagger read there.
        if (context.Dateline is { AgencySpan: { } agency } && agency.Length > 0)
        {
            Replace(mentions, agency, new Mention(agency, EntityType.Organization, null, null, null, Fixed: true));
        }

        foreach (var author in context.Authors)
        {
            Replace(mentions, author.Span, new Mention(author.Span, EntityType.Person, null, null, null, Fixed: true));
        }

        OneTypePerName(text, buffers);
    }

    /// <summary>
    /// Joins the pieces the tagger cut one name into: a place before an organisation ("Baku" + "Military Court"), an
    /// organisation and the place it is "of" ("District Internal Affairs Department" + "of Armenia"), a form of state
    /// before a country ("Republic of" + "Armenia"), and patronymics ("Samran Soltan" + "oglu" + "Karimov").
    /// </summary>
    private static void Join(string text, List<Mention> mentions, EntityRules rules)
    {
        var kept = 0;
        for (var m = 0; m < mentions.Count; m++)
        {
            var current = mentions[m];

            // "Republic of Armenia": the form of state written just before a country.
            if (current.Type == EntityType.Location)
            {
                var before = text.AsSpan(0, current.Span.Start);
                foreach (var form in rules.StateForms)
                {
                    var prefix = form.Length + 4; // "<form> of "
                    if (before.EndsWith(" of ", StringComparison.Ordinal) && before.Length >= prefix
                        && before[^prefix..^4].SequenceEqual(form) && (kept == 0 || mentions[kept - 1].Span.End <= current.Span.Start - prefix))
                    {
                        current = current with { Span = SourceSpan.FromBounds(current.Span.Start - prefix, current.Span.End), Canonical = null, Country = current.Country };
                        break;
                    }
                }
            }

            if (kept > 0)
            {
                var previous = mentions[kept - 1];
                var gap = text.AsSpan(previous.Span.End, Math.Max(0, current.Span.Start - previous.Span.End));
                var joined = previous.Type switch
                {
                    EntityType.Location when current.Type == EntityType.Organization && gap is " " => EntityType.Organization,
                    EntityType.Organization when current.Type == EntityType.Location && gap is " of " && text.AsSpan(previous.Span.Start, previous.Span.Length).Contains(' ') => EntityType.Organization,
                    // A patronymic particle between two names makes them one person, whatever the tagger read:
                    // "Firuz Samran" + "oglu" + "Karimov".
                    _ when IsTaggerType(previous.Type) && IsTaggerType(current.Type) && IsParticleGap(gap, rules) => EntityType.Person,
                    // A facility or event head the tagger cut off: "Aghdam Industrial" + "Park".
                    EntityType.Organization or EntityType.Location or EntityType.Misc when gap is " " && IsTaggerType(current.Type)
                        && !text.AsSpan(current.Span.Start, current.Span.Length).Contains(' ')
                        && rules.HeadType(text.AsSpan(current.Span.Start, current.Span.Length), text.AsSpan(previous.Span.Start, current.Span.End - previous.Span.Start)) is { } head => head,
                    // Two names the tagger cut apart with only a space between: "Baghirov Shakir" + "Avaz oglu";
                    // a surname after a patronymic particle, whatever its tag: "Firuz Samran oglu" + "Karimov".
                    // A given name the tagger read as something else just before the rest of a person's name: "Vazgen" +
                    // "Mikaeli Manukyan" (one word, not in capitals, not a known place or organisation).
                    EntityType.Misc or EntityType.Organization when current.Type == EntityType.Person && gap is " " && previous.Country is null
                        && IsPlainWord(text.AsSpan(previous.Span.Start, previous.Span.Length)) => EntityType.Person,
                    EntityType.Person when gap is " " && (current.Type == EntityType.Person
                        || (IsTaggerType(current.Type) && EndsWithParticle(text, previous.Span, rules))) => EntityType.Person,
                    _ => (EntityType?)null,
                };
                if (joined is { } type)
                {
                    mentions[kept - 1] = previous with { Span = SourceSpan.FromBounds(previous.Span.Start, current.Span.End), Type = type, Country = null, Canonical = null };
                    continue;
                }
            }

            // A patronymic particle closing a person's name: "Baghirov Shakir Avaz oglu".
            if (current.Type == EntityType.Person)
            {
                var after = text.AsSpan(current.Span.End);
                foreach (var particle in rules.Particles)
                {
                    if (after.Length > particle.Length && after[0] == ' ' && after[1..].StartsWith(particle, StringComparison.Ordinal)
                        && (after.Length == particle.Length + 1 || !char.IsLetter(after[particle.Length + 1])))
                    {
                        current = current with { Span = new SourceSpan(current.Span.Start, current.Span.Length + particle.Length + 1) };
                        break;
                    }
                }
            }

            mentions[kept++] = current;
        }

        mentions.RemoveRange(kept, mentions.Count - kept);
    }

    /// <summary>Whether a name is one capitalised word of letters, not in capitals: "Vazgen", not "NATO" or "U.S.".</summary>
    private static bool IsPlainWord(ReadOnlySpan<char> name)
    {
        if (name.Length < 2 || !char.IsUpper(name[0]))
        {
            return false;
        }

        foreach (var c in name[1..])
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a mention's last word is a patronymic particle: "Firuz Samran oglu".</summary>
    private static bool EndsWithParticle(string text, SourceSpan span, EntityRules rules)
    {
        var s = text.AsSpan(span.Start, span.Length);
        var space = s.LastIndexOf(' ');
        return space > 0 && rules.IsParticle(s[(space + 1)..]);
    }

    /// <summary>Whether a lower-case place noun follows the mention: "Vang village", "Garabagh region".</summary>
    private static bool FollowedByPlaceNoun(string text, SourceSpan span, EntityRules rules)
    {
        var at = span.End;
        if (at >= text.Length - 1 || text[at] != ' ' || !char.IsLower(text[at + 1]))
        {
            return false;
        }

        var end = at + 1;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return rules.IsPlaceNoun(text.AsSpan(at + 1, end - at - 1)) && !rules.HasAdjectiveEnding(text.AsSpan(span.Start, span.Length));
    }

    /// <summary>Whether the text between two person mentions is one patronymic particle: " oglu ", " gizi ".</summary>
    private static bool IsParticleGap(ReadOnlySpan<char> gap, EntityRules rules)
    {
        if (gap.Length < 3 || gap[0] != ' ' || gap[^1] != ' ')
        {
            return false;
        }
        return rules.IsParticle(gap[1..^1]);
    }

    /// <summary>Whether a one-word organisation or other name is the end of a title: "Minister of Defense".</summary>
    private static bool InTitle(string text, Mention mention, ReadOnlySpan<char> words, EntityRules rules)
    {
        if (mention.Type is not (EntityType.Organization or EntityType.Misc) || words.Contains(' '))
        {
            return false;
        }

        var before = text.AsSpan(0, mention.Span.Start);
        if (!before.EndsWith(" of ", StringComparison.Ordinal))
        {
            return false;
        }

        before = before[..^4];
        var start = before.LastIndexOf(' ') + 1;
        return rules.IsRoleWord(before[start..]);
    }

    /// <summary>Whether every word of a mention is a role word or a stop name.</summary>
    private static bool OnlyRoleOrStopWords(ReadOnlySpan<char> words, EntityRules rules)
    {
        while (!words.IsEmpty)
        {
            var space = words.IndexOf(' ');
            var word = space < 0 ? words : words[..space];
            if (word.Length > 0 && !rules.IsRoleWord(word) && !rules.IsStopName(word))
            {
                return false;
            }

            words = space < 0 ? default : words[(space + 1)..];
        }

        return true;
    }

    /// <summary>Replaces the mentions that overlap <paramref name="span"/> with <paramref name="replacement"/>, keeping
    /// the list sorted.</summary>
    private static void Replace(List<Mention> mentions, SourceSpan span, Mention replacement)
    {
        var at = mentions.Count;
        var kept = 0;
        for (var m = 0; m < mentions.Count; m++)
        {
            if (mentions[m].Span.Overlaps(span))
            {
                at = Math.Min(at, kept);
                continue;
            }

            if (at == mentions.Count && mentions[m].Span.Start > span.Start)
            {
                at = kept;
            }

            mentions[kept++] = mentions[m];
        }

        mentions.RemoveRange(kept, mentions.Count - kept);
        mentions.Insert(Math.Min(at, mentions.Count), replacement);
    }

    /// <summary>
    /// One type per name in the article, decided from all its mentions (the document-level pass of the classic
    /// taggers): a one-word name that is the surname of a person named in full is that person ("Pashinyan"); otherwise
    /// a place noun after one of its mentions ("Vang village") makes it a Location; otherwise
    /// the type most of its mentions have, ties going to Person, then Location, Organization, Misc. Only the tagger's
    /// four types vote and change; rule types (events, facilities, nationalities) stay, and fixed mentions (dateline,
    /// byline) count twice and stay.
    /// </summary>
    private static void OneTypePerName(string text, Buffers buffers)
    {
        var mentions = buffers.Mentions;
        var votes = buffers.Votes;
        votes.Clear();
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (!IsTaggerType(mention.Type))
            {
                continue;
            }

            var key = VoteKey(text, mention.Span);
            votes.TryGetValue(key, out var v);
            v = v.Add(mention.Type);
            if (mention.Fixed)
            {
                v = v.Add(mention.Type); // the dateline's and byline's reading counts twice
            }

            votes[key] = FollowedByPlaceNoun(text, mention.Span, EntityRules.Default) ? v with { Place = true } : v;
            if (mention.Type == EntityType.Person && PersonName.TryParse(key.Name, out var name) && name.Words >= 2)
            {
                var surname = new LinkKey(EntityType.Misc, name.Surname);
                votes.TryGetValue(surname, out var sv);
                votes[surname] = sv with { FullPersonSurname = true };
            }
        }

        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (IsTaggerType(mention.Type) && !mention.Fixed && votes.TryGetValue(VoteKey(text, mention.Span), out var v)
                && v.Winner() is var type && type != mention.Type)
            {
                mentions[m] = mention with { Type = type, Title = type == EntityType.Person ? mention.Title : null };
            }
        }
    }

    /// <summary>The key a mention votes under: its name without a leading "the", ignoring case.</summary>
    private static LinkKey VoteKey(string text, SourceSpan span) => new(EntityType.Misc, WithoutArticle(text, span));

    private static bool IsTaggerType(EntityType type) => type is EntityType.Person or EntityType.Location or EntityType.Organization or EntityType.Misc;

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

    /// <summary>A mention before linking; a <paramref name="Fixed"/> one has its type from the article's structure (dateline,
    /// byline): the one-type-per-name pass counts it twice and never changes it.</summary>
    internal readonly record struct Mention(SourceSpan Span, EntityType Type, string? Title, string? Country, string? Canonical, bool Fixed = false);

    /// <summary>The votes for a name's type across the article.</summary>
    internal readonly record struct TypeVotes(int Person, int Location, int Organization, int Misc, bool FullPersonSurname, bool Place = false)
    {
        public TypeVotes Add(EntityType type) => type switch
        {
            EntityType.Person => this with { Person = Person + 1 },
            EntityType.Location => this with { Location = Location + 1 },
            EntityType.Organization => this with { Organization = Organization + 1 },
            _ => this with { Misc = Misc + 1 },
        };

        public EntityType Winner()
        {
            if (FullPersonSurname)
            {
                return EntityType.Person;
            }

            if (Place)
            {
                return EntityType.Location; // "Garabagh region" somewhere in the article
            }

            var best = Math.Max(Math.Max(Person, Location), Math.Max(Organization, Misc));
            return best == Person ? EntityType.Person : best == Location ? EntityType.Location : best == Organization ? EntityType.Organization : EntityType.Misc;
        }
    }

    /// <summary>A person of the article: what its names say so far, its cluster, its last full-name mention, and the
    /// next person with the same surname.</summary>
    internal readonly record struct Person(PersonName Name, int Cluster, int LastMention, int Next);

    /// <summary>
    /// A person's name as written, read as given name, middle names (patronymics) and surname: slices of the article.
    /// </summary>
    internal readonly record struct PersonName(NameForm Form, NameForm Given, NameForm Middle, NameForm Surname, int Words)
    {
        public static bool TryParse(NameForm form, out PersonName name)
        {
            var s = form.AsSpan();
            var first = s.IndexOf(' ');
            var last = s.LastIndexOf(' ');
            if (s.IsEmpty || s.Trim().Length != s.Length)
            {
                name = default;
                return false;
            }

            var words = 1 + s.Count(' ');
            var surname = s[(last + 1)..].TrimEnd('.');
            name = new PersonName(
                form,
                first < 0 ? default : new NameForm(form.Source, form.Start, first),
                last > first ? new NameForm(form.Source, form.Start + first + 1, last - first - 1) : default,
                new NameForm(form.Source, form.Start + last + 1, surname.Length),
                words);
            return true;
        }

        /// <summary>Whether two full names can be one person: equal surnames, agreeing given names and middle names.</summary>
        public bool Agrees(PersonName other) =>
            Surname.AsSpan().Equals(other.Surname.AsSpan(), StringComparison.OrdinalIgnoreCase)
            && PartsAgree(Given, other.Given) && PartsAgree(Middle, other.Middle);

        /// <summary>What both names say: the fuller given name and the middle name where one is missing or an initial.</summary>
        public PersonName Merge(PersonName other) => this with
        {
            Given = IsInitial(Given) && !IsInitial(other.Given) && other.Given.Length > 0 ? other.Given : Given,
            Middle = (Middle.Length == 0 || IsInitial(Middle)) && other.Middle.Length > 0 ? other.Middle : Middle,
            Words = Math.Max(Words, other.Words),
        };

        /// <summary>Parts agree when one is missing, they are equal, or one is an initial of the other.</summary>
        private static bool PartsAgree(NameForm a, NameForm b)
        {
            if (a.Length == 0 || b.Length == 0)
            {
                return true;
            }

            var x = a.AsSpan().TrimEnd('.');
            var y = b.AsSpan().TrimEnd('.');
            return x.Equals(y, StringComparison.OrdinalIgnoreCase)
                || ((x.Length == 1 || y.Length == 1) && char.ToUpperInvariant(x[0]) == char.ToUpperInvariant(y[0]));
        }

        private static bool IsInitial(NameForm part) => part.Length > 0 && part.AsSpan().TrimEnd('.').Length == 1;
    }

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
