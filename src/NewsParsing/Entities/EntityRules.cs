using System.Collections.Frozen;
using System.Text.Json;

namespace NewsParsing.Entities;

/// <summary>The words of <c>rules.data.json</c>: role words that are titles, never names; capitalised common words,
/// months and weekdays that are never an entity on their own.</summary>
internal sealed class EntityRules
{
    private static readonly Lazy<EntityRules> Instance = new(Load);

    private EntityRules(FrozenSet<string> roleWords, FrozenSet<string> stopNames, string[] stateForms, FrozenSet<string> particles, FrozenSet<string> portfolioRoles,
        FrozenSet<string> facilityHeads, FrozenSet<string> eventHeads, FrozenSet<string> placeNouns)
    {
        PortfolioRoles = portfolioRoles;
        FacilityHeads = facilityHeads;
        EventHeads = eventHeads;
        PlaceNouns = placeNouns;
        RoleWords = roleWords;
        StopNames = stopNames;
        StateForms = stateForms;
        Particles = particles;
#if NET9_0_OR_GREATER
        _stops = stopNames.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
    }

#if NET9_0_OR_GREATER
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _stops;
#endif

    public static EntityRules Default => Instance.Value;

    /// <summary>Role, rank and honorific words, compared ignoring case and a final full stop (<c>Victim</c>, <c>Judges</c>, <c>Dr.</c>).</summary>
    public FrozenSet<string> RoleWords { get; }

    /// <summary>Words that are never an entity alone, as written: common words and weekdays (<c>Article</c>, <c>Mon</c>).</summary>
    public FrozenSet<string> StopNames { get; }

    /// <summary>Forms of state written before a country's name ("Republic" in "Republic of Armenia"), longest first.</summary>
    public string[] StateForms { get; }

    /// <summary>Lower-case patronymic particles that stand inside a person's name (<c>oglu</c>, <c>gizi</c>).</summary>
    public FrozenSet<string> Particles { get; }

    /// <summary>Role words whose "of" names a portfolio, part of the title: <c>Minister</c> in "Minister of Defense".</summary>
    public FrozenSet<string> PortfolioRoles { get; }

    /// <summary>Last words that make a multi-word name a facility: "Aghdam Industrial Park", "SOCAR Carbamide Plant".</summary>
    public FrozenSet<string> FacilityHeads { get; }

    /// <summary>Last words that make a multi-word name an event: "Shusha Global Media Forum", "European Games".</summary>
    public FrozenSet<string> EventHeads { get; }

    /// <summary>Lower-case nouns that make the name before them a place: "Vang village", "Garabagh region".</summary>
    public FrozenSet<string> PlaceNouns { get; }

    /// <summary>The type a multi-word name's last word gives it (<see cref="FacilityHeads"/>, <see cref="EventHeads"/>), or
    /// <see langword="null"/>; none when the name has an "of" (its head is then before the "of").</summary>
    public EntityType? HeadType(ReadOnlySpan<char> last, ReadOnlySpan<char> name)
    {
        if (last.IsEmpty || last.Length > 24 || name.Contains(" of ", StringComparison.Ordinal))
        {
            return null;
        }

        return ContainsLower(FacilityHeads, last) ? EntityType.Facility : ContainsLower(EventHeads, last) ? EntityType.Event : null;
    }

    /// <summary>Whether the word is one of <see cref="PlaceNouns"/> (as written: they are lower-case after a name).</summary>
    public bool IsPlaceNoun(ReadOnlySpan<char> word) => word.Length is > 0 and <= 24 && Contains(PlaceNouns, word);

    /// <summary>Endings of adjectives that stand before place nouns without naming a place: "Kurdish region", "Jewish
    /// settlements", "Northern district".</summary>
    public string[] AdjectiveEndings { get; private init; } = [];

    /// <summary>Whether a name ends like an adjective (<see cref="AdjectiveEndings"/>).</summary>
    public bool HasAdjectiveEnding(ReadOnlySpan<char> name)
    {
        foreach (var ending in AdjectiveEndings)
        {
            if (name.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="word"/> is a lower-case patronymic particle (<see cref="Particles"/>), as written.</summary>
    public bool IsParticle(ReadOnlySpan<char> word) => Contains(Particles, word);

    /// <summary>Whether <paramref name="word"/> is a portfolio role (<see cref="PortfolioRoles"/>), ignoring case.</summary>
    public bool IsPortfolioRole(ReadOnlySpan<char> word) => ContainsLower(PortfolioRoles, word);

    /// <summary>Whether <paramref name="word"/> is a role or rank word, ignoring case and a final full stop.</summary>
    public bool IsRoleWord(ReadOnlySpan<char> word) => ContainsLower(RoleWords, word.TrimEnd('.'));

    /// <summary>Whether the lower-cased <paramref name="word"/> is in <paramref name="set"/> (of lower-case words), without
    /// making a string.</summary>
    internal static bool ContainsLower(FrozenSet<string> set, ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > 32)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return Contains(set, lower);
    }

    private static bool Contains(FrozenSet<string> set, ReadOnlySpan<char> word)
    {
#if NET9_0_OR_GREATER
        return set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
#else
        return set.Contains(word.ToString());
#endif
    }

    /// <summary>Whether a one-word mention is never an entity: a stop name, a weekday, or a month or its abbreviation
    /// (from the shared month table: <c>Jan</c>, <c>Sept</c>, <c>MARCH</c>).</summary>
    public bool IsStopName(ReadOnlySpan<char> word)
    {
        word = word.TrimEnd('.');
        if (Text.Months.Match(word) != 0)
        {
            return true;
        }
#if NET9_0_OR_GREATER
        return _stops.Contains(word);
#else
        return StopNames.Contains(word.ToString());
#endif
    }

    private static EntityRules Load()
    {
        using var stream = EmbeddedData.Open("Entities.rules.data.json");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var stops = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in new[] { "stopNames", "weekdays" })
        {
            foreach (var w in root.GetProperty(name).EnumerateArray())
            {
                stops.Add(w.GetString()!);
            }
        }

        var roles = root.GetProperty("roleWords").EnumerateArray().Select(w => w.GetString()!);
        var states = root.GetProperty("stateForms").EnumerateArray().Select(w => w.GetString()!).OrderByDescending(w => w.Length).ToArray();
        var particles = root.GetProperty("patronymicParticles").EnumerateArray().Select(w => w.GetString()!);
        var portfolios = root.GetProperty("portfolioRoles").EnumerateArray().Select(w => w.GetString()!);
        return new EntityRules(roles.ToFrozenSet(StringComparer.Ordinal), stops.ToFrozenSet(StringComparer.Ordinal), states,
            particles.ToFrozenSet(StringComparer.Ordinal), portfolios.ToFrozenSet(StringComparer.Ordinal), Set("facilityHeads"), Set("eventHeads"), Set("placeNouns"))
        {
            AdjectiveEndings = [.. root.GetProperty("adjectiveEndings").EnumerateArray().Select(w => w.GetString()!)],
        };

        FrozenSet<string> Set(string name) => root.GetProperty(name).EnumerateArray().Select(w => w.GetString()!).ToFrozenSet(StringComparer.Ordinal);
    }
}
