using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace NewsParsing.Quantities;

/// <summary>What a word can be at the start of a pattern (a word can be several: "second" is an ordinal; "a" an article).</summary>
[Flags]
internal enum WordRole
{
    None = 0,
    Number = 1 << 0,
    Hundred = 1 << 1,
    Scale = 1 << 2,
    Ordinal = 1 << 3,
    OrdinalAdverb = 1 << 4,
    Denominator = 1 << 5,
    Vague = 1 << 6,
    VagueMultiplier = 1 << 7,
    Article = 1 << 8,
    Sign = 1 << 9,
    Hedge = 1 << 10,
    RangeOpener = 1 << 11,
    Rank = 1 << 12,
    Top = 1 << 13,
    AgePrefix = 1 << 14,
    Currency = 1 << 15,
    RatioPhrase = 1 << 16,
    Dozen = 1 << 17,
    Url = 1 << 18,
    PercentOf = 1 << 19,

    /// <summary>A word that can be (part of) a number by itself.</summary>
    Numeric = Number | Hundred | Ordinal | OrdinalAdverb | Denominator | Vague | VagueMultiplier | Article | Sign | Dozen,
}

/// <summary>
/// The grammar of numeric facts as data (<c>quantities.data.json</c>, <c>units.data.json</c>,
/// <c>currencies.data.json</c>), frozen once: number words, scales, fractions, ordinals, hedges, range, ratio and
/// tolerance patterns, the words that make a number an identifier, a date or an age, the unit catalogue and the
/// currencies. Every pattern declares the words or characters that can start it; <see cref="Roles"/> and
/// <see cref="StartCharacters"/> are their union, which the scanner checks before anything else.
/// </summary>
internal sealed class QuantityLexicon
{
    private static readonly Lazy<QuantityLexicon> Instance = new(Load);

    private QuantityLexicon()
    {
    }

    public static QuantityLexicon Default => Instance.Value;

    public FrozenDictionary<string, int> NumberWords { get; private init; } = null!;

    public FrozenSet<string> Hundred { get; private init; } = null!;

    public FrozenDictionary<string, decimal> Scales { get; private init; } = null!;

    /// <summary>Magnitude suffixes as written after digits ("10k", "$5M", "1.2b").</summary>
    public PhraseTable<decimal> ScaleSuffixes { get; private init; } = null!;

    /// <summary>Suffixes that are a magnitude only after money ("€5m", "$1.8t").</summary>
    public PhraseTable<decimal> ScaleSuffixesAfterMoney { get; private init; } = null!;

    /// <summary>One-letter suffixes that are a magnitude only after money ("$1.8T", not "5G").</summary>
    public string ScaleSuffixesNeedMoney { get; private init; } = null!;

    public FrozenDictionary<string, int> Dozens { get; private init; } = null!;

    /// <summary>Denominator words: "half" 2, "quarters" 4, and every ordinal but the first two ("fifths" 5).</summary>
    public FrozenDictionary<string, decimal> Denominators { get; private init; } = null!;

    public FrozenDictionary<string, decimal> Ordinals { get; private init; } = null!;

    /// <summary>Ordinals with the plural ending, for compound denominators ("twenty-firsts").</summary>
    public FrozenDictionary<string, decimal> OrdinalPlurals { get; private init; } = null!;

    /// <summary>The denominators that are no ordinals ("half", "quarters"): after "and" they take only the part after it
    /// ("one hundred and three quarters" is 100¾).</summary>
    public FrozenSet<string> SplitDenominators { get; private init; } = null!;

    public FrozenDictionary<string, int> OrdinalAdverbs { get; private init; } = null!;

    public FrozenSet<string> OrdinalSuffixes { get; private init; } = null!;

    public FrozenSet<string> Articles { get; private init; } = null!;

    public FrozenSet<string> NumberJoiners { get; private init; } = null!;

    public FrozenSet<string> DecimalPointWords { get; private init; } = null!;

    public FrozenDictionary<string, int> SignWords { get; private init; } = null!;

    public SearchValues<char> SignCharacters { get; private init; } = null!;

    public FrozenDictionary<char, decimal> VulgarFractions { get; private init; } = null!;

    public SearchValues<char> FractionSlashes { get; private init; } = null!;

    /// <summary>Denominators that are a fraction with no number before them ("half of the staff"; "quarter" needs "a").</summary>
    public FrozenSet<string> StandaloneFractions { get; private init; } = null!;

    public string[] NotFractions { get; private init; } = null!;

    public SearchValues<char> GroupSeparators { get; private init; } = null!;

    public SearchValues<char> MultiplicationSigns { get; private init; } = null!;

    public SearchValues<char> PowerSigns { get; private init; } = null!;

    /// <summary>Vague plural scales ("hundreds" 100, "dozens" 12); the lower bound is <see cref="VagueLowerBound"/> times the product.</summary>
    public FrozenDictionary<string, decimal> Vague { get; private init; } = null!;

    public decimal VagueLowerBound { get; private init; }

    public FrozenSet<string> VagueJoiners { get; private init; } = null!;

    public PhraseTable<decimal> VagueMultipliers { get; private init; } = null!;

    public PhraseTable<QuantityModifier> Hedges { get; private init; } = null!;

    public PhraseTable<QuantityModifier> SuffixHedges { get; private init; } = null!;

    /// <summary>"or equal", "or equal to": a strict bound that includes its end.</summary>
    public PhraseTable<bool> EqualSuffixes { get; private init; } = null!;

    /// <summary>Words that join two bounds into a range ("and", "but").</summary>
    public FrozenSet<string> BoundJoiners { get; private init; } = null!;

    /// <summary>Words that open a web address; its numbers are no quantities.</summary>
    public FrozenSet<string> UrlStarts { get; private init; } = null!;

    /// <summary>Words near a glued C or F that make it a temperature ("40C" in a weather story, not "13F filing").</summary>
    public FrozenSet<string> TemperatureContext { get; private init; } = null!;

    /// <summary>Range openers and the joiners each takes ("between … and", "from … to").</summary>
    public FrozenDictionary<string, FrozenSet<string>> RangeOpeners { get; private init; } = null!;

    public FrozenSet<string> RangeJoiners { get; private init; } = null!;

    public SearchValues<char> RangeDashes { get; private init; } = null!;

    public PhraseTable<bool> ToleranceSigns { get; private init; } = null!;

    public PhraseTable<bool> RatioJoiners { get; private init; } = null!;

    public FrozenSet<string> FractionJoiners { get; private init; } = null!;

    public PhraseTable<decimal> RatioPhrases { get; private init; } = null!;

    public FrozenSet<string> RatioCompoundJoiners { get; private init; } = null!;

    public FrozenSet<string> ChangeWords { get; private init; } = null!;

    public FrozenSet<string> ChangeVerbs { get; private init; } = null!;

    public int ChangeVerbWindow { get; private init; }

    public FrozenSet<string> IdentifierWords { get; private init; } = null!;

    public SearchValues<char> IdentifierSigns { get; private init; } = null!;

    public FrozenSet<string> RankWords { get; private init; } = null!;

    public FrozenSet<string> TopWords { get; private init; } = null!;

    public SearchValues<char> RomanNumerals { get; private init; } = null!;

    public FrozenDictionary<string, string> AgeUnits { get; private init; } = null!;

    public PhraseTable<bool> AgeAfter { get; private init; } = null!;

    public PhraseTable<bool> AgeAbbreviations { get; private init; } = null!;

    public FrozenSet<string> AgePrefixes { get; private init; } = null!;

    public PhraseTable<bool> YearEras { get; private init; } = null!;

    public FrozenSet<string> DateFollowers { get; private init; } = null!;

    public FrozenSet<string> CalendarNouns { get; private init; } = null!;

    public FrozenSet<string> CompoundCountNouns { get; private init; } = null!;

    public FrozenSet<string> MassContext { get; private init; } = null!;

    public FrozenSet<string> MoneyContext { get; private init; } = null!;

    public FrozenSet<string> CountStopWords { get; private init; } = null!;

    public FrozenSet<string> PluralNouns { get; private init; } = null!;

    public string[] SingularEndings { get; private init; } = null!;

    public string PluralEnding { get; private init; } = null!;

    public int MinPluralLength { get; private init; }

    public UnitCatalogue Units { get; private init; } = null!;

    public CurrencyCatalogue Currencies { get; private init; } = null!;

    /// <summary>What each word that can start a pattern can be (lower case): the scanner looks at no other word, and one
    /// lookup tells it which patterns to try.</summary>
    public FrozenDictionary<string, WordRole> Roles { get; private init; } = null!;

    public FrozenSet<string> UnitBlockers { get; private init; } = null!;

    /// <summary>The roles of a word token (none for words no pattern starts with).</summary>
    public WordRole RoleOf(string lower) => lower.Length > 0 && Roles.TryGetValue(lower, out var r) ? r : WordRole.None;

    /// <summary>Words that follow an article in a pattern ("a hundred", "a third", "a few", "a minimum of"): an article
    /// before any other word starts nothing, and the scanner skips it on that one lookup.</summary>
    public FrozenSet<string> ArticleFollowers { get; private init; } = null!;

    /// <summary>Every character that can start a pattern as punctuation (currency symbols, signs, vulgar fractions, hedges).</summary>
    public SearchValues<char> StartCharacters { get; private init; } = null!;

    /// <summary>Whether <paramref name="w"/> is a plural common noun: irregular plurals, else the regular ending.</summary>
    public bool Plural(string w)
    {
        if (PluralNouns.Contains(w))
        {
            return true;
        }

        if (w.Length < MinPluralLength || !w.EndsWith(PluralEnding, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var e in SingularEndings)
        {
            if (w.EndsWith(e, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static QuantityLexicon Load()
    {
        using var grammarDoc = Parse("Quantities.quantities.data.json");
        using var unitsDoc = Parse("Quantities.units.data.json");
        using var currencyDoc = Parse("Quantities.currencies.data.json");
        var g = grammarDoc.RootElement;
        var units = UnitCatalogue.Load(unitsDoc.RootElement);
        var currencies = CurrencyCatalogue.Load(currencyDoc.RootElement);

        var ordinals = Decimals(g, "ordinals");
        var notDenominators = Strings(g, "ordinalsNotDenominators").ToHashSet(StringComparer.Ordinal);
        var denominators = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (k, v) in Decimals(g, "denominators"))
        {
            denominators[k] = v;
        }

        // Every ordinal but "first" and "second" names a part ("a fifth"), and so does its plural ("three fifths").
        var pluralEnding = g.GetProperty("pluralEnding").GetString()!;
        foreach (var (k, v) in ordinals)
        {
            if (!notDenominators.Contains(k))
            {
                denominators[k] = v;
                denominators[k + pluralEnding] = v;
            }
        }

        var hedges = new PhraseTable<QuantityModifier>(Modifiers(g, "hedges"));
        var suffixHedges = new PhraseTable<QuantityModifier>(Modifiers(g, "suffixHedges"));
        var rangeOpeners = g.GetProperty("rangeOpeners").EnumerateObject()
            .ToFrozenDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(x => x.GetString()!).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var vagueMultipliers = new PhraseTable<decimal>(Decimals(g, "vagueMultipliers"));
        var ratioPhrases = new PhraseTable<decimal>(Decimals(g, "ratioPhrases"));
        var numberWords = g.GetProperty("numberWords").EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
        var scales = Decimals(g, "scales");
        var vague = Decimals(g, "vague");
        var articles = Strings(g, "articles");
        var signWords = g.GetProperty("signWords").EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
        var ordinalAdverbs = g.GetProperty("ordinalAdverbs").EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);

        // The roles: the first word of every pattern that can open a quantity, and what it can be.
        var roles = new Dictionary<string, WordRole>(StringComparer.Ordinal);
        void Add(IEnumerable<string> words, WordRole role)
        {
            foreach (var w in words)
            {
                roles[w] = roles.GetValueOrDefault(w) | role;
            }
        }

        var hundred = g.GetProperty("hundred").EnumerateObject().Select(p => p.Name).ToList();
        var dozens = g.GetProperty("dozens").EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
        Add(numberWords.Keys, WordRole.Number);
        Add(hundred, WordRole.Hundred);
        Add(scales.Keys, WordRole.Scale);
        Add(dozens.Keys, WordRole.Dozen);
        Add(ordinals.Keys, WordRole.Ordinal);
        Add(ordinalAdverbs.Keys, WordRole.OrdinalAdverb);
        Add(denominators.Keys, WordRole.Denominator);
        Add(vague.Keys, WordRole.Vague);
        Add(vagueMultipliers.FirstTokens, WordRole.VagueMultiplier);
        Add(articles, WordRole.Article);
        Add(signWords.Keys, WordRole.Sign);
        Add(hedges.FirstTokens, WordRole.Hedge);
        Add(ratioPhrases.FirstTokens, WordRole.RatioPhrase);
        Add(rangeOpeners.Keys, WordRole.RangeOpener);
        Add(Strings(g, "rankWords"), WordRole.Rank);
        Add(Strings(g, "topWords"), WordRole.Top);
        Add(Strings(g, "agePrefixes"), WordRole.AgePrefix);
        Add(Strings(g, "urlStarts"), WordRole.Url);
        Add(units.Names.Keys.Where(n => units.Names.TryGetValue(n, out var u) && u.Kind == QuantityKind.Percent && u.Symbol == "%" && char.IsLetter(n[0])).Select(n => n.Split(' ')[0]), WordRole.PercentOf);
        Add(currencies.PrefixNames.FirstTokens, WordRole.Currency); // "usd 200", "c $ 16.4 million"
        Add(currencies.Symbols.FirstTokens.Where(s => s.Length > 0 && char.IsLetter(s[0])).Select(s => s.ToLowerInvariant()), WordRole.Currency); // "AZN 100", "US$ 2"
        var articleFollowers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (w, r) in roles)
        {
            if ((r & (WordRole.Hundred | WordRole.Scale | WordRole.Dozen | WordRole.Denominator | WordRole.Ordinal)) != 0)
            {
                articleFollowers.Add(w);
            }
        }

        foreach (var phrase in hedges.Keys.Concat(vagueMultipliers.Keys).Concat(currencies.PrefixNames.Keys))
        {
            var words = phrase.Split(' ');
            if (words.Length > 1 && articles.Contains(words[0]))
            {
                articleFollowers.Add(words[1]);
            }
        }

        var startChars = new HashSet<char>();
        foreach (var s in currencies.Symbols.FirstTokens.Concat(hedges.FirstTokens).Concat(ratioPhrases.FirstTokens))
        {
            if (s.Length == 1 && !char.IsLetterOrDigit(s[0]))
            {
                startChars.Add(s[0]);
            }
        }

        var vulgar = new Dictionary<char, decimal>();
        foreach (var p in g.GetProperty("vulgarFractions").EnumerateObject())
        {
            vulgar[p.Name[0]] = p.Value.GetDecimal();
            startChars.Add(p.Name[0]);
        }

        var signChars = g.GetProperty("signCharacters").GetString()!;
        startChars.UnionWith(signChars);
        startChars.Add('('); // accounting negatives: ($45.50)
        startChars.Add('.'); // a decimal without its zero: .25

        return new QuantityLexicon
        {
            NumberWords = numberWords,
            Hundred = hundred.ToFrozenSet(StringComparer.Ordinal),
            Scales = scales,
            ScaleSuffixes = new PhraseTable<decimal>(Decimals(g, "scaleSuffixes"), caseSensitive: true),
            ScaleSuffixesAfterMoney = new PhraseTable<decimal>(Decimals(g, "scaleSuffixesAfterMoney"), caseSensitive: true),
            ScaleSuffixesNeedMoney = string.Concat(Strings(g, "scaleSuffixesNeedMoney")),
            Dozens = dozens,
            Denominators = denominators.ToFrozenDictionary(StringComparer.Ordinal),
            Ordinals = ordinals,
            OrdinalPlurals = ordinals.ToFrozenDictionary(p => p.Key + pluralEnding, p => p.Value, StringComparer.Ordinal),
            SplitDenominators = g.GetProperty("denominators").EnumerateObject().Select(p => p.Name).ToFrozenSet(StringComparer.Ordinal),
            OrdinalAdverbs = ordinalAdverbs,
            OrdinalSuffixes = Strings(g, "ordinalSuffixes").ToFrozenSet(StringComparer.Ordinal),
            Articles = articles.ToFrozenSet(StringComparer.Ordinal),
            NumberJoiners = Strings(g, "numberJoiners").ToFrozenSet(StringComparer.Ordinal),
            DecimalPointWords = Strings(g, "decimalPointWords").ToFrozenSet(StringComparer.Ordinal),
            SignWords = signWords,
            SignCharacters = SearchValues.Create(signChars),
            VulgarFractions = vulgar.ToFrozenDictionary(),
            FractionSlashes = SearchValues.Create(g.GetProperty("fractionSlashes").GetString()!),
            NotFractions = Strings(g, "notFractions"),
            StandaloneFractions = Strings(g, "standaloneFractions").ToFrozenSet(StringComparer.Ordinal),
            GroupSeparators = SearchValues.Create(g.GetProperty("groupSeparators").GetString()!),
            MultiplicationSigns = SearchValues.Create(g.GetProperty("multiplicationSigns").GetString()!),
            PowerSigns = SearchValues.Create(g.GetProperty("powerSigns").GetString()!),
            Vague = vague,
            VagueLowerBound = g.GetProperty("vagueLowerBound").GetDecimal(),
            VagueJoiners = Strings(g, "vagueJoiners").ToFrozenSet(StringComparer.Ordinal),
            VagueMultipliers = vagueMultipliers,
            Hedges = hedges,
            SuffixHedges = suffixHedges,
            EqualSuffixes = Flags(g, "equalSuffixes"),
            BoundJoiners = Strings(g, "boundJoiners").ToFrozenSet(StringComparer.Ordinal),
            UrlStarts = Strings(g, "urlStarts").ToFrozenSet(StringComparer.Ordinal),
            TemperatureContext = Strings(g, "temperatureContext").ToFrozenSet(StringComparer.Ordinal),
            RangeOpeners = rangeOpeners,
            RangeJoiners = Strings(g, "rangeJoiners").ToFrozenSet(StringComparer.Ordinal),
            RangeDashes = SearchValues.Create(g.GetProperty("rangeDashes").GetString()!),
            ToleranceSigns = Flags(g, "toleranceSigns"),
            RatioJoiners = Flags(g, "ratioJoiners"),
            FractionJoiners = Strings(g, "fractionJoiners").ToFrozenSet(StringComparer.Ordinal),
            RatioPhrases = ratioPhrases,
            RatioCompoundJoiners = Strings(g, "ratioCompoundJoiners").ToFrozenSet(StringComparer.Ordinal),
            ChangeWords = Strings(g, "changeWords").ToFrozenSet(StringComparer.Ordinal),
            ChangeVerbs = Strings(g, "changeVerbs").ToFrozenSet(StringComparer.Ordinal),
            ChangeVerbWindow = g.GetProperty("changeVerbWindow").GetInt32(),
            IdentifierWords = Strings(g, "identifierWords").ToFrozenSet(StringComparer.Ordinal),
            IdentifierSigns = SearchValues.Create(g.GetProperty("identifierSigns").GetString()!),
            RankWords = Strings(g, "rankWords").ToFrozenSet(StringComparer.Ordinal),
            TopWords = Strings(g, "topWords").ToFrozenSet(StringComparer.Ordinal),
            RomanNumerals = SearchValues.Create(g.GetProperty("romanNumerals").GetString()!),
            AgeUnits = g.GetProperty("ageUnits").EnumerateObject().ToFrozenDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
            AgeAfter = Flags(g, "ageAfter"),
            AgeAbbreviations = Flags(g, "ageAbbreviations"),
            AgePrefixes = Strings(g, "agePrefixes").ToFrozenSet(StringComparer.Ordinal),
            YearEras = Flags(g, "yearEras"),
            DateFollowers = Strings(g, "dateFollowers").ToFrozenSet(StringComparer.Ordinal),
            CalendarNouns = Strings(g, "calendarNouns").ToFrozenSet(StringComparer.Ordinal),
            CompoundCountNouns = Strings(g, "compoundCountNouns").ToFrozenSet(StringComparer.Ordinal),
            MassContext = Strings(g, "massContext").ToFrozenSet(StringComparer.Ordinal),
            MoneyContext = Strings(g, "moneyContext").ToFrozenSet(StringComparer.Ordinal),
            CountStopWords = Strings(g, "countStopWords").ToFrozenSet(StringComparer.Ordinal),
            PluralNouns = Strings(g, "pluralNouns").ToFrozenSet(StringComparer.Ordinal),
            SingularEndings = Strings(g, "singularEndings"),
            PluralEnding = pluralEnding,
            MinPluralLength = g.GetProperty("minPluralLength").GetInt32(),
            Units = units,
            Currencies = currencies,
            Roles = roles.ToFrozenDictionary(StringComparer.Ordinal),
            ArticleFollowers = articleFollowers.ToFrozenSet(StringComparer.Ordinal),
            UnitBlockers = Strings(g, "unitBlockers").ToFrozenSet(StringComparer.Ordinal),
            StartCharacters = SearchValues.Create([.. startChars]),
        };
    }

    private static JsonDocument Parse(string resource)
    {
        using var stream = EmbeddedData.Open(resource);
        return JsonDocument.Parse(stream);
    }

    private static string[] Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Array ? [.. p.EnumerateArray().Select(x => x.GetString()!)] : [];

    private static FrozenDictionary<string, decimal> Decimals(JsonElement e, string name) =>
        e.GetProperty(name).EnumerateObject().ToFrozenDictionary(p => p.Name, p => decimal.Parse(p.Value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static IEnumerable<KeyValuePair<string, QuantityModifier>> Modifiers(JsonElement e, string name) =>
        e.GetProperty(name).EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Enum.Parse<QuantityModifier>(p.Value.GetString()!)));

    private static PhraseTable<bool> Flags(JsonElement e, string name) => new(Strings(e, name).Select(s => KeyValuePair.Create(s, true)));
}
