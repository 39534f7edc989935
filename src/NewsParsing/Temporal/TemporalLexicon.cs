using System.Collections.Frozen;
using System.Numerics;
using System.Text.Json;
using NewsParsing.Text;

namespace NewsParsing.Temporal;

/// <summary>
/// What a word does in the temporal grammar. Each role's words are data (<c>temporal.data.json</c>); the scanner only
/// names roles, so no English word is written in its code. The first group comes from the file's <c>roles</c> object
/// (the JSON name is the member's name in camelCase); the rest from its named sections.
/// </summary>
internal enum Role : byte
{
    Of,
    Than,
    Definite,
    Article,
    Other,
    DecadeSuffix,
    OrdinalSuffix,
    RangeOpener,
    RangeTo,
    RangeAnd,
    BareRangeJoiner,
    ListJoiner,
    FuzzyModifier,
    PartOf,
    Fraction,
    PeriodShift,
    Fiscal,
    Latest,
    Days,
    DayPart,
    DayPartWord,
    DayPartLead,
    ClockWord,
    Meridiem,
    MeridiemLetter,
    TimeZone,
    YearAgo,
    SeasonLead,
    WeekendLead,
    Recent,
    DocumentReference,
    ReferenceFollower,
    WithinPeriod,
    ThisPeriod,
    WeekdayLead,
    OutsideSpan,
    Offset,
    EventOffset,
    FromNow,
    Approximator,
    Comparative,
    DurationLead,
    VagueDurationLead,
    NotAfterVagueDuration,
    Age,
    AgeNoun,
    FractionLead,
    Rate,
    SetOpener,
    SmallQuantity,
    MonthPreposition,
    MayVerbFollower,
    NameYearPreceder,
    YearPreposition,
    YearWord,
    Deadline,
    Baseline,
    AfterListItem,

    // From the named sections.
    Number,
    VagueNumber,
    Ordinal,
    Unit,
    PluralUnit,
    Weekday,
    Season,
    Set,
    Reference,
    FutureCue,
    PastCue,
    PresentCue,
    PastReporting,
    PresentReporting,
    PassiveAuxiliary,
    Determiner,
    ClauseOpener,
    Abbreviation,
    Anaphor,
}

/// <summary>The patterns of the temporal grammar, in the order the scanner tries them at a token.</summary>
internal enum TemporalPattern : byte
{
    List,
    Range,
    Fuzzy,
    Anaphor,
    Explicit,
    Time,
    Relative,
    Duration,
    Set,
    Reference,
}

/// <summary>A set of <see cref="TemporalPattern"/>s, one bit each.</summary>
[Flags]
internal enum PatternSet : ushort
{
    None = 0,
}

/// <summary>The value a word carries in one of its roles: a number (a shift, a count, a weekday) or a text (a TIMEX
/// code, a modifier name).</summary>
internal readonly record struct RoleValue(int Number, string? Text);

/// <summary>Everything the temporal grammar knows of one lower-case word: its roles (one bit each), their values,
/// and the patterns that may start with it. One frozen lookup answers all of a token's questions.</summary>
internal sealed class TemporalWord
{
    /// <summary>A word the grammar does not know.</summary>
    public static readonly TemporalWord None = new(0, 0, [], PatternSet.None);

    // The roles as two 64-bit masks (there are more than 64 roles); a shift and a mask answer Has, which the scanner asks
    // of every token near a date.
    private readonly ulong _low;
    private readonly ulong _high;
    private readonly RoleValue[] _values; // one per role bit, in bit order

    public TemporalWord(ulong low, ulong high, RoleValue[] values, PatternSet patterns)
    {
        _low = low;
        _high = high;
        _values = values;
        Patterns = patterns;
    }

    /// <summary>The patterns that may start at this word.</summary>
    public PatternSet Patterns { get; }

    public bool Has(Role role)
    {
        var r = (int)role;
        return r < 64 ? ((_low >> r) & 1) != 0 : ((_high >> (r - 64)) & 1) != 0;
    }

    /// <summary>The value of <paramref name="role"/>; default when the word does not have it.</summary>
    public RoleValue Value(Role role)
    {
        if (!Has(role))
        {
            return default;
        }

        var r = (int)role;
        var index = r < 64
            ? BitOperations.PopCount(_low & ((1UL << r) - 1))
            : BitOperations.PopCount(_low) + BitOperations.PopCount(_high & ((1UL << (r - 64)) - 1));
        return _values[index];
    }

    public bool TryNumber(Role role, out int number)
    {
        number = Value(role).Number;
        return Has(role);
    }

    public bool TryText(Role role, out string text)
    {
        text = Value(role).Text ?? "";
        return Has(role);
    }
}

/// <summary>A phrase of the grammar (<c>the same year</c>) as lower-case words, with its value.</summary>
internal sealed record TemporalPhrase(string[] Words, int Shift);

/// <summary>
/// The temporal grammar's data (<c>temporal.data.json</c>), frozen once: every word with its roles, the phrases, and the
/// patterns with the words each can start with. The set of words that can open a time expression (<see cref="Starters"/>)
/// is derived from the patterns' declared starts, never kept by hand.
/// </summary>
internal sealed class TemporalLexicon
{
    private static readonly Lazy<TemporalLexicon> Instance = new(Load);

    private readonly FrozenDictionary<string, TemporalWord> _words;
#if NET9_0_OR_GREATER
    private readonly FrozenDictionary<string, TemporalWord>.AlternateLookup<ReadOnlySpan<char>> _lookup;
#endif

    private TemporalLexicon(FrozenDictionary<string, TemporalWord> words, PatternSet digits, PatternSet isoDates, PatternSet dottedDates,
        Dictionary<string, TemporalPhrase[]> phrases, string pastSuffix, int pastSuffixMinLength, string adjectivePrefix, string[] units)
    {
        _words = words;
#if NET9_0_OR_GREATER
        _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        DigitPatterns = digits;
        IsoDatePatterns = isoDates;
        DottedDatePatterns = dottedDates;
        YearAnaphors = phrases["year"];
        OfYearAnaphors = phrases["ofYear"];
        RelativeYears = phrases["relativeYear"];
        PastSuffix = pastSuffix;
        PastSuffixMinLength = pastSuffixMinLength;
        AdjectivePrefix = adjectivePrefix;
        UnitCodes = units;
        var starters = new List<string>();
        foreach (var (word, data) in words)
        {
            if (data.Patterns != PatternSet.None)
            {
                starters.Add(word);
            }
        }

        Starters = starters.ToFrozenSet(StringComparer.Ordinal);
    }

    public static TemporalLexicon Default => Instance.Value;

    /// <summary>
    /// Every lower-case word that can open a time expression: the union of the patterns' declared starts. The scanner
    /// rejects any other word with one flag test (worked out once per distinct word by the word cache), so ordinary text
    /// costs nothing per pattern.
    /// </summary>
    public FrozenSet<string> Starters { get; }

    /// <summary>The patterns that may start at a number token, an ISO date token and a dotted date token.</summary>
    public PatternSet DigitPatterns { get; }

    /// <inheritdoc cref="DigitPatterns"/>
    public PatternSet IsoDatePatterns { get; }

    /// <inheritdoc cref="DigitPatterns"/>
    public PatternSet DottedDatePatterns { get; }

    /// <summary>"the same year", "that year", "the following year": a year relative to the year the text last wrote.</summary>
    public TemporalPhrase[] YearAnaphors { get; }

    /// <summary>"of the same year", "of that year" after a year-less date.</summary>
    public TemporalPhrase[] OfYearAnaphors { get; }

    /// <summary>"of this year", "last year" after a year-less date: a year relative to the publication date.</summary>
    public TemporalPhrase[] RelativeYears { get; }

    /// <summary>The ending of regular past-tense verbs ("ed") and the shortest word it counts in.</summary>
    public string PastSuffix { get; }

    /// <inheritdoc cref="PastSuffix"/>
    public int PastSuffixMinLength { get; }

    /// <summary>A prefix that makes an -ed word an adjective rather than a past verb ("un": "unspecified").</summary>
    public string AdjectivePrefix { get; }

    /// <summary>The TIMEX unit codes the data defines (D, W, WE, M, Q, Y, DE, CE, H, MIN, S).</summary>
    public string[] UnitCodes { get; }

    /// <summary>Every word the grammar knows.</summary>
    public IEnumerable<string> Words => _words.Keys;

    /// <summary>Whether the grammar knows <paramref name="lower"/> at all (the word cache flags it once per distinct
    /// word, so the scanner looks up only known words).</summary>
    public bool Knows(string lower) => _words.ContainsKey(lower);

    /// <summary>What the grammar knows of <paramref name="lower"/>; <see cref="TemporalWord.None"/> if nothing.</summary>
    public TemporalWord Word(string lower) => _words.TryGetValue(lower, out var w) ? w : TemporalWord.None;

    /// <inheritdoc cref="Word(string)"/>
    public TemporalWord Word(ReadOnlySpan<char> lower)
    {
#if NET9_0_OR_GREATER
        return _lookup.TryGetValue(lower, out var w) ? w : TemporalWord.None;
#else
        return Word(lower.ToString());
#endif
    }

    /// <summary>Whether <paramref name="pattern"/> is in <paramref name="set"/>.</summary>
    public static bool Contains(PatternSet set, TemporalPattern pattern) => ((int)set & (1 << (int)pattern)) != 0;

    private static TemporalLexicon Load()
    {
        using var stream = EmbeddedData.Open("Temporal.temporal.data.json");
        using var doc = JsonDocument.Parse(stream);
        var builder = new Builder();
        builder.Read(doc.RootElement);
        return builder.Build();
    }

    /// <summary>Reads the JSON into word entries; every role and pattern it names must exist in code, and every role
    /// and pattern in code must have data.</summary>
    private sealed class Builder
    {
        private readonly Dictionary<string, SortedDictionary<Role, RoleValue>> _roles = new(StringComparer.Ordinal);
        private readonly Dictionary<string, PatternSet> _patterns = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TemporalPhrase[]> _phrases = new(StringComparer.Ordinal);
        private readonly HashSet<Role> _seen = [];
        private readonly List<string> _units = [];
        private PatternSet _digits, _iso, _dotted;
        private string _pastSuffix = "";
        private string _adjectivePrefix = "";
        private int _pastSuffixMinLength;

        public void Read(JsonElement root)
        {
            foreach (var p in root.GetProperty("numbers").EnumerateObject())
            {
                Add(p.Name, Role.Number, new RoleValue(p.Value.GetInt32(), null));
            }

            Words(root.GetProperty("vagueNumbers"), Role.VagueNumber);
            foreach (var p in root.GetProperty("ordinals").EnumerateObject())
            {
                Add(p.Name, Role.Ordinal, new RoleValue(p.Value.GetInt32(), null));
            }

            foreach (var unit in root.GetProperty("units").EnumerateArray())
            {
                var code = unit.GetProperty("code").GetString()!;
                _units.Add(code);
                foreach (var w in unit.GetProperty("singular").EnumerateArray())
                {
                    Add(w.GetString()!, Role.Unit, new RoleValue(0, code));
                }

                foreach (var w in unit.GetProperty("plural").EnumerateArray())
                {
                    Add(w.GetString()!, Role.Unit, new RoleValue(0, code));
                    Add(w.GetString()!, Role.PluralUnit, new RoleValue(0, code));
                }
            }

            var day = 1;
            foreach (var w in root.GetProperty("weekdays").EnumerateArray())
            {
                Add(w.GetString()!, Role.Weekday, new RoleValue(day++, null));
            }

            Texts(root.GetProperty("seasons"), Role.Season);
            Texts(root.GetProperty("sets"), Role.Set);
            Texts(root.GetProperty("references"), Role.Reference);

            foreach (var role in root.GetProperty("roles").EnumerateObject())
            {
                if (!Enum.TryParse<Role>(role.Name, ignoreCase: true, out var r) || r >= Role.Number)
                {
                    throw new InvalidDataException($"temporal.data.json: unknown role '{role.Name}'.");
                }

                foreach (var p in role.Value.EnumerateObject())
                {
                    Add(p.Name, r, p.Value.ValueKind == JsonValueKind.Number ? new RoleValue(p.Value.GetInt32(), null) : new RoleValue(0, p.Value.GetString()));
                }
            }

            var tense = root.GetProperty("tense");
            Words(tense.GetProperty("future"), Role.FutureCue);
            Words(tense.GetProperty("past"), Role.PastCue);
            Words(tense.GetProperty("present"), Role.PresentCue);
            Words(tense.GetProperty("pastReporting"), Role.PastReporting);
            Words(tense.GetProperty("presentReporting"), Role.PresentReporting);
            Words(tense.GetProperty("passiveAuxiliaries"), Role.PassiveAuxiliary);
            Words(tense.GetProperty("determiners"), Role.Determiner);
            Words(tense.GetProperty("clauseOpeners"), Role.ClauseOpener);
            _pastSuffix = tense.GetProperty("pastSuffix").GetString()!;
            _adjectivePrefix = tense.GetProperty("adjectivePrefix").GetString()!;
            _pastSuffixMinLength = tense.GetProperty("pastSuffixMinLength").GetInt32();
            Words(root.GetProperty("sentence").GetProperty("abbreviations"), Role.Abbreviation);

            foreach (var kind in root.GetProperty("anaphors").EnumerateObject())
            {
                var list = new List<TemporalPhrase>();
                foreach (var p in kind.Value.EnumerateObject())
                {
                    var words = p.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    list.Add(new TemporalPhrase(words, p.Value.GetInt32()));
                    Add(words[0], Role.Anaphor, default);
                }

                list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length)); // longest first
                _phrases[kind.Name] = [.. list];
            }

            var declared = new HashSet<TemporalPattern>();
            foreach (var pattern in root.GetProperty("patterns").EnumerateArray())
            {
                var name = pattern.GetProperty("name").GetString()!;
                if (!Enum.TryParse<TemporalPattern>(name, ignoreCase: true, out var p) || !declared.Add(p))
                {
                    throw new InvalidDataException($"temporal.data.json: unknown or repeated pattern '{name}'.");
                }

                var bit = (PatternSet)(1 << (int)p);
                foreach (var start in pattern.GetProperty("starts").EnumerateArray())
                {
                    Start(start.GetString()!, bit);
                }
            }

            foreach (var p in Enum.GetValues<TemporalPattern>())
            {
                if (!declared.Contains(p))
                {
                    throw new InvalidDataException($"temporal.data.json: the pattern '{p}' declares no start words.");
                }
            }

            foreach (var r in Enum.GetValues<Role>())
            {
                if (!_seen.Contains(r))
                {
                    throw new InvalidDataException($"temporal.data.json: the role '{r}' has no words.");
                }
            }
        }

        public TemporalLexicon Build()
        {
            var words = new Dictionary<string, TemporalWord>(StringComparer.Ordinal);
            foreach (var word in _roles.Keys.Union(_patterns.Keys))
            {
                ulong low = 0, high = 0;
                var values = new List<RoleValue>();
                if (_roles.TryGetValue(word, out var byRole))
                {
                    foreach (var (role, value) in byRole) // sorted by role: values line up with the bits
                    {
                        if ((int)role < 64)
                        {
                            low |= 1UL << (int)role;
                        }
                        else
                        {
                            high |= 1UL << ((int)role - 64);
                        }

                        values.Add(value);
                    }
                }

                words[word] = new TemporalWord(low, high, [.. values], _patterns.GetValueOrDefault(word));
            }

            return new TemporalLexicon(words.ToFrozenDictionary(StringComparer.Ordinal), _digits, _iso, _dotted, _phrases, _pastSuffix, _pastSuffixMinLength, _adjectivePrefix, [.. _units]);
        }

        /// <summary>A declared start: a word, <c>@role</c> or <c>@section</c> (its words), <c>@months</c>, or a token kind
        /// (<c>&lt;digits&gt;</c>, <c>&lt;iso-date&gt;</c>, <c>&lt;dotted-date&gt;</c>).</summary>
        private void Start(string start, PatternSet bit)
        {
            switch (start)
            {
                case "<digits>":
                    _digits |= bit;
                    return;
                case "<iso-date>":
                    _iso |= bit;
                    return;
                case "<dotted-date>":
                    _dotted |= bit;
                    return;
                case "@months":
                    foreach (var m in Months.AllSpellings)
                    {
                        StartWord(m.ToLowerInvariant(), bit);
                    }

                    return;
            }

            if (!start.StartsWith('@'))
            {
                StartWord(start, bit);
                return;
            }

            var name = start[1..];
            var role = name switch
            {
                "numbers" => Role.Number,
                "vagueNumbers" => Role.VagueNumber,
                "ordinals" => Role.Ordinal,
                "weekdays" => Role.Weekday,
                "sets" => Role.Set,
                "references" => Role.Reference,
                "anaphors" => Role.Anaphor,
                _ => Enum.TryParse<Role>(name, ignoreCase: true, out var r) ? r : throw new InvalidDataException($"temporal.data.json: unknown start '{start}'."),
            };
            var any = false;
            foreach (var (word, roles) in _roles)
            {
                if (roles.ContainsKey(role))
                {
                    StartWord(word, bit);
                    any = true;
                }
            }

            if (!any)
            {
                throw new InvalidDataException($"temporal.data.json: the start '{start}' names no words.");
            }
        }

        private void StartWord(string word, PatternSet bit) => _patterns[word] = _patterns.GetValueOrDefault(word) | bit;

        private void Words(JsonElement array, Role role)
        {
            foreach (var w in array.EnumerateArray())
            {
                Add(w.GetString()!, role, default);
            }
        }

        private void Texts(JsonElement map, Role role)
        {
            foreach (var p in map.EnumerateObject())
            {
                Add(p.Name, role, new RoleValue(0, p.Value.GetString()));
            }
        }

        private void Add(string word, Role role, RoleValue value)
        {
            if (!_roles.TryGetValue(word, out var byRole))
            {
                _roles[word] = byRole = [];
            }

            byRole[role] = value;
            _seen.Add(role);
        }
    }
}
