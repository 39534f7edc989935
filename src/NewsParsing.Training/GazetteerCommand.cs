using System.Globalization;
using System.Text;
using System.Text.Json;

using Kind = NewsParsing.Entities.NameFlags; // the flags the runtime gazetteer reads, one definition

namespace NewsParsing.Training;

/// <summary>
/// <c>gazetteers OUTPUT [--shared DIR]</c>: a large name list from GeoNames, the US Census and SSA name files and the
/// SEC's company tickers, written as gzip UTF-8 lines <c>name TAB FLAGS</c> (FLAGS a comma list of CITY, REGION,
/// COUNTRY, GIVEN, SURNAME, COMPANY), one line per name, sorted ordinal, after two header lines starting <c>"# "</c> (provenance
/// and licence; thresholds and counts). Names are distinct case-insensitively (the runtime gazetteer keys names by
/// their lower-cased tokens); the written form is the first one met, in the order countries, regions, cities, companies,
/// given names, surnames. See docs/entities.md, "Large gazetteer", for the selection rules.
/// </summary>
internal static class GazetteerCommand
{
    private static readonly (Kind Kind, string Name)[] FlagNames =
        [(Kind.City, "CITY"), (Kind.Region, "REGION"), (Kind.Country, "COUNTRY"), (Kind.Given, "GIVEN"), (Kind.Surname, "SURNAME"), (Kind.Company, "COMPANY")];

    /// <summary>Census surnames whose share of the population (three decimals, in percent) is at least this: 18,839
    /// names, 77.5% of the people counted.</summary>
    private const double MinSurnamePercent = 0.001;

    /// <summary>SSA given names with at least this many births, 1880–2023, both sexes together (about 0.5 in a million
    /// births): keeps names rare in the US but common in the news (Levan 588, Zakir 557, Sergei 371) and drops the long
    /// tail of one-off spellings.</summary>
    private const int MinGivenBirths = 200;

    /// <summary>A town smaller than this keeps its name only if the name is not an everyday English word.</summary>
    private const long MinPopulationForCommonWord = 100_000;

    /// <summary>SSA entries that stand for a missing name, not a name.</summary>
    private static readonly HashSet<string> SsaPlaceholders = new(StringComparer.Ordinal)
    {
        "Unknown", "Baby", "Babyboy", "Babygirl", "Infant", "Infantof", "Male", "Female", "Boy", "Girl", "Son", "Unnamed", "Notnamed", "Noname", "Newborn", "Unk", "Na",
    };

    /// <summary>Lower-case words an alternate place name may contain between capitalised ones (<c>Monaco di Baviera</c>,
    /// <c>Frankfurt am Main</c>, <c>Stratford-upon-Avon</c>).</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "la", "le", "les", "el", "al", "an", "am", "im", "of", "on", "upon", "the", "du", "des", "di", "da", "do", "del", "der", "den", "van", "von", "y", "e", "sur", "en",
    };

    /// <summary>Company-name endings that say what kind of legal person it is, compared without dots and commas.</summary>
    private static readonly HashSet<string> LegalSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Inc", "Incorporated", "Corp", "Corporation", "Co", "Company", "Ltd", "Limited", "Plc", "Llc", "Lp", "Llp", "NV", "SA", "AG", "SE", "AB", "ASA", "A/S", "Oyj",
        "Tbk", "SpA", "BV", "GmbH", "KK", "Bhd", "Pte", "Pty", "SAB", "CV", "DeCV", "&",
    };

    /// <summary>Short all-capital words of registrant names that are English words, not acronyms: title-cased.</summary>
    private static readonly HashSet<string> ShortWords = new(StringComparer.Ordinal)
    {
        "OF", "THE", "AND", "FOR", "NEW", "ONE", "BIG", "AIR", "OIL", "GAS", "CAR", "BAY", "SUN", "SEA", "SKY", "ART", "PAY", "NET", "WEB", "BOX", "BIO", "RED", "TOP", "CAL", "FIRST",
    };

    public const string Provenance =
        "# source: GeoNames (www.geonames.org) cities15000.txt, admin1CodesASCII.txt and countryInfo.txt (CC BY 4.0, attribution \"GeoNames\"); "
        + "US Census Bureau 1990 name files dist.all.last, dist.male.first, dist.female.first and SSA national given-name counts 1880-2023 (US government works, public domain); "
        + "SEC EDGAR company_tickers.json titles, legal suffixes stripped (US government work, public domain) "
        + "; licence: CC BY 4.0 (GeoNames) for CITY, REGION and COUNTRY names, public domain for the rest; see docs/data-sources.md";

    public static int Run(string[] args)
    {
        if (!DataFile.TryParse(args, ["shared"], out var output, out var options))
        {
            Console.Error.WriteLine("usage: NewsParsing.Training gazetteers OUTPUT [--shared ../shared]");
            return 2;
        }

        var shared = options.GetValueOrDefault("shared", Path.Combine("..", "shared"));
        var nerdata = Path.Combine(shared, "nerdata");
        var names = new Dictionary<string, (string Written, Kind Kinds)>(StringComparer.Ordinal);
        var added = new Dictionary<Kind, int>();
        void Add(string name, Kind kind)
        {
            name = name.Trim();
            if (name.Length < 2 || name[0] == '#' || name.Contains('\t', StringComparison.Ordinal) || !name.Any(char.IsLetter))
            {
                return;
            }

            var key = name.ToLowerInvariant();
            names[key] = names.TryGetValue(key, out var e) ? (e.Written, e.Kinds | kind) : (name, kind);
            added[kind] = added.GetValueOrDefault(kind) + 1;
        }

        // Countries and regions (GeoNames).
        foreach (var f in Rows(Path.Combine(nerdata, "geonames", "countryInfo.txt")))
        {
            Add(f[4], Kind.Country);
        }

        foreach (var f in Rows(Path.Combine(nerdata, "geonames", "admin1CodesASCII.txt")))
        {
            Add(f[1], Kind.Region);
            Add(f[2], Kind.Region);
        }

        // Cities (GeoNames): name, ASCII name, and the alternate names that look like a place name in Latin script and
        // are not an everyday English word in the unlabeled news text (some languages' names for places are "From",
        // "But", "Market"). The same test drops the names of towns under MinPopulationForCommonWord ("Of" in Turkey,
        // "Union" in New Jersey) but not of cities the news writes about (Mobile, Split, Reading, Nice).
        var wordCounts = CaseCounts(shared);
        int alternates = 0, rejectedCommon = 0;
        foreach (var f in Rows(Path.Combine(nerdata, "geonames", "cities15000.txt")))
        {
            var small = long.Parse(f[14], CultureInfo.InvariantCulture) < MinPopulationForCommonWord;
            foreach (var name in new[] { f[1], f[2] }.Distinct(StringComparer.Ordinal))
            {
                if (small && IsCommonWord(name, wordCounts))
                {
                    rejectedCommon++;
                }
                else
                {
                    Add(name, Kind.City);
                }
            }

            foreach (var alternate in f[3].Split(','))
            {
                if (!LooksLikePlaceName(alternate) || names.TryGetValue(alternate.ToLowerInvariant(), out var known) && known.Kinds.HasFlag(Kind.City))
                {
                    continue;
                }

                if (IsCommonWord(alternate, wordCounts))
                {
                    rejectedCommon++;
                    continue;
                }

                alternates++;
                Add(alternate, Kind.City);
            }
        }

        // Companies (SEC).
        using (var json = JsonDocument.Parse(File.ReadAllText(Existing(Path.Combine(nerdata, "companies", "sec_company_tickers.json")))))
        {
            var titles = json.RootElement.EnumerateObject().Select(p => p.Value.GetProperty("title").GetString()!).Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            foreach (var title in titles)
            {
                foreach (var name in CompanyNames(title))
                {
                    Add(name, Kind.Company);
                }
            }
        }

        // Given names: every Census 1990 first name, and SSA names with enough births.
        foreach (var file in new[] { "dist.male.first", "dist.female.first" })
        {
            foreach (var line in File.ReadLines(Existing(Path.Combine(nerdata, "person-names", "census1990", file))))
            {
                var name = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                Add(TitleCase(name), Kind.Given);
            }
        }

        var births = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var f in Rows(Path.Combine(nerdata, "person-names", "ssa_given_names_1880_2023_aggregate.tsv")).Skip(1))
        {
            births[f[0]] = births.GetValueOrDefault(f[0]) + long.Parse(f[2], CultureInfo.InvariantCulture);
        }

        foreach (var (name, count) in births.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (count >= MinGivenBirths && !SsaPlaceholders.Contains(name))
            {
                Add(name, Kind.Given);
            }
        }

        // Surnames: Census 1990.
        foreach (var line in File.ReadLines(Existing(Path.Combine(nerdata, "person-names", "census1990", "dist.all.last"))))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 4 && double.Parse(f[1], CultureInfo.InvariantCulture) >= MinSurnamePercent)
            {
                Add(TitleCase(f[0]), Kind.Surname);
            }
        }

        var perFlag = FlagNames.Select(fl => (fl.Name, Count: names.Values.Count(v => v.Kinds.HasFlag(fl.Kind)))).ToList();
        var lines = new List<string>(names.Count + 2)
        {
            Provenance,
            string.Create(CultureInfo.InvariantCulture,
                $"# names={names.Count} {string.Join(' ', perFlag.Select(p => $"{p.Name}={p.Count}"))}; surnames with Census share >= {MinSurnamePercent}%, SSA given names with >= {MinGivenBirths} births; columns: name, flags"),
        };
        lines.AddRange(names.Values.Select(v => $"{v.Written}\t{Flags(v.Kinds)}").Order(StringComparer.Ordinal));
        var bytes = DataFile.WriteGzipLines(output, lines);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{names.Count:N0} names; alternate city names kept {alternates:N0}; city names dropped as common words {rejectedCommon:N0}; wrote {output} ({bytes / 1024.0:F0} KB)"));
        foreach (var (name, count) in perFlag)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-8} {count,7:N0}"));
        }

        var multi = names.Values.Count(v => (v.Kinds & (v.Kinds - 1)) != 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  names with more than one flag: {multi:N0}"));
        foreach (var sample in new[] { "Baku", "Azerbaijan", "Paris", "Munich", "Smith", "John", "Microsoft", "Apple", "Alphabet", "JPMorgan Chase", "Goldman Sachs", "Shusha" })
        {
            Console.WriteLine(names.TryGetValue(sample.ToLowerInvariant(), out var v) ? $"  {v.Written}: {Flags(v.Kinds)}" : $"  {sample}: -");
        }

        return 0;
    }

    private static string Flags(Kind kinds) => string.Join(',', FlagNames.Where(f => kinds.HasFlag(f.Kind)).Select(f => f.Name));

    private static IEnumerable<string[]> Rows(string path)
    {
        foreach (var line in File.ReadLines(Existing(path), Encoding.UTF8))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line.Split('\t');
            }
        }
    }

    private static string Existing(string path) => File.Exists(path) ? path : throw new FileNotFoundException($"missing input file {path}", path);

    /// <summary>An alternate name is kept when it is 3 to 40 characters of Latin-script letters (ASCII or with
    /// diacritics), spaces, hyphens and periods, has a lower-case letter (no codes such as <c>BAK</c>), no digit and no
    /// apostrophe (the soft sign of transliterations, <c>Yelizavetpol'</c>), and each of its words is capitalised or one
    /// of a few particles.</summary>
    internal static bool LooksLikePlaceName(string name)
    {
        if (name.Length < 3 || name.Length > 40 || !char.IsUpper(name[0]) || !name.Any(char.IsLower))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetter(c) && IsLatin(c)) && c != ' ' && c != '-' && c != '.')
            {
                return false;
            }
        }

        foreach (var word in name.Split([' ', '-']))
        {
            if (word.Length == 0 || (!char.IsUpper(word[0]) && !Particles.Contains(word)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLatin(char c) => c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF);

    /// <summary>A one-word name that the unlabeled text writes in lower case more often than as written here.</summary>
    private static bool IsCommonWord(string name, Dictionary<string, int> counts)
    {
        if (name.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        var lower = counts.GetValueOrDefault(name.ToLowerInvariant());
        return lower > 0 && lower > counts.GetValueOrDefault(name);
    }

    /// <summary>Token counts of the unlabeled text (the same as the word clusters'), to tell names from everyday words.</summary>
    private static Dictionary<string, int> CaseCounts(string shared)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var source in UnlabeledText.Sources(shared))
        {
            foreach (var segment in source.Segments)
            {
                foreach (var token in segment)
                {
                    counts[token] = counts.GetValueOrDefault(token) + 1;
                }
            }
        }

        return counts;
    }

    /// <summary>The names a registrant title gives: without the state of incorporation (<c>/DE/</c>), ADR marks,
    /// parenthesised parts, a leading <c>The</c>, trailing legal suffixes (<c>Inc.</c>, <c>Corp</c>, <c>& Co</c>,
    /// <c>Ltd</c>, <c>PLC</c>, <c>N.V.</c> ...) and <c>COM</c> (<c>AMAZON COM INC</c>); all-capital titles are
    /// title-cased except short acronyms. When the name ends in Group or Holding(s) and two words remain without it,
    /// the shorter name is given too (<c>Goldman Sachs Group</c>, <c>Goldman Sachs</c>).</summary>
    internal static IEnumerable<string> CompanyNames(string title)
    {
        var s = title;
        var paren = s.IndexOf('(', StringComparison.Ordinal);
        if (paren > 0)
        {
            var close = s.IndexOf(')', paren);
            s = close > paren ? s[..paren] + s[(close + 1)..] : s[..paren];
        }

        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var slash = words[i].IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0 && !words[i].Equals("A/S", StringComparison.OrdinalIgnoreCase))
            {
                // "/DE/", "LTD/ADR", "INC/DE": the rest of the title is a registrant mark.
                words[i] = words[i][..slash];
                words.RemoveRange(i + 1, words.Count - i - 1);
                break;
            }
        }

        words.RemoveAll(w => Bare(w).Length == 0);
        StripLegalSuffixes(words);
        if (words.Count > 1 && words[0].Equals("The", StringComparison.OrdinalIgnoreCase))
        {
            words.RemoveAt(0);
        }

        if (words.Count == 0)
        {
            yield break;
        }

        var allCaps = !title.Any(char.IsLower);
        string Join(List<string> w) => string.Join(' ', allCaps ? w.Select(TitleCaseRegistrantWord) : w).Trim().TrimEnd(',', '&', '-').TrimEnd();
        var name = Join(words);
        if (name.Length < 2 || !name.Any(char.IsLetter))
        {
            yield break;
        }

        yield return name;
        var last = Bare(words[^1]).ToUpperInvariant();
        if (words.Count > 2 && last is "GROUP" or "HOLDINGS" or "HOLDING")
        {
            words.RemoveAt(words.Count - 1);
            StripLegalSuffixes(words); // "Ategrity Specialty Insurance Co Holdings" -> "Ategrity Specialty Insurance"
            if (words.Count >= 2)
            {
                yield return Join(words);
            }
        }
    }

    private static string Bare(string w) => w.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);

    private static void StripLegalSuffixes(List<string> words)
    {
        while (true)
        {
            if (words.Count > 2 && LegalSuffixes.Contains(Bare(words[^2]) + Bare(words[^1])))
            {
                words.RemoveRange(words.Count - 2, 2); // "N V", "S A", "DE CV" (S.A.B. de C.V.)
            }
            else if (words.Count > 1 && (LegalSuffixes.Contains(Bare(words[^1])) || Bare(words[^1]).Equals("COM", StringComparison.OrdinalIgnoreCase)))
            {
                words.RemoveAt(words.Count - 1);
            }
            else
            {
                break;
            }
        }
    }

    private static string TitleCaseRegistrantWord(string word)
    {
        var letters = word.Count(char.IsLetter);
        if (word.Any(char.IsDigit) || word.Contains('&', StringComparison.Ordinal) || word.Contains('.', StringComparison.Ordinal)
            || (letters <= 3 && !ShortWords.Contains(word.TrimEnd(','))) || !word.Any(c => "AEIOUY".Contains(c, StringComparison.Ordinal)))
        {
            return word; // acronyms: IBM, AT&T, 3M, S.A., PNC
        }

        var lower = word.TrimEnd(',') is "OF" or "AND" or "THE" or "FOR";
        return lower ? word.ToLowerInvariant() : TitleCase(word);
    }

    /// <summary><c>SMITH</c> → <c>Smith</c>, <c>COCA-COLA</c> → <c>Coca-Cola</c> (a capital after a hyphen).</summary>
    internal static string TitleCase(string word)
    {
        var chars = word.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsLetter(chars[i]) && (i == 0 || chars[i - 1] == '-'))
            {
                chars[i] = char.ToUpperInvariant(chars[i]);
            }
        }

        return new string(chars);
    }
}
