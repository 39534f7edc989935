using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsParsing.TestKit;

/// <summary>A hand-annotated numeric fact (a row of <c>Data/quantities-*.gold.tsv</c>).</summary>
/// <param name="Doc">The document: <c>azernews/…</c> or <c>sentences/NNN</c>.</param>
/// <param name="Start">Zero-based UTF-16 offset into the document text.</param>
/// <param name="End">Exclusive end.</param>
/// <param name="Surface">The fact as written.</param>
/// <param name="Kind">The annotated kind (<c>count</c>, <c>currency</c>, <c>ratio</c>, …).</param>
/// <param name="Value">The value (a range's upper end, a vague amount's lower bound).</param>
/// <param name="Unit">The canonical unit or ISO 4217 code, or null.</param>
/// <param name="Min">A range's or bound's lower end.</param>
/// <param name="Max">A range's or bound's upper end.</param>
/// <param name="Modifier">The modifier as the guide names it, or null.</param>
/// <param name="Note">The annotator's note, or null.</param>
public sealed record GoldFact(string Doc, int Start, int End, string Surface, string Kind, decimal Value, string? Unit, decimal? Min, decimal? Max,
    string? Modifier, string? Note)
{
    /// <summary>Whether the fact is a range with two ends (scored by its ends).</summary>
    public bool IsRange => Modifier == "Range" && Min is not null && Max is not null;
}

/// <summary>A sentence of the quantity sentence set: where it is in <c>../shared</c> and how to rebuild it.</summary>
/// <param name="Id">The sentence id (<c>001</c>…<c>200</c>).</param>
/// <param name="Source">The corpus it was sampled from.</param>
/// <param name="Split"><c>dev</c> or <c>heldout</c>.</param>
/// <param name="File">The file, relative to <c>../shared</c>.</param>
/// <param name="Start">Start of the raw range (UTF-16 offset into the file's text).</param>
/// <param name="End">End of the raw range.</param>
/// <param name="Normalisation"><c>html</c>, <c>tags</c>, <c>wikitext</c> or <c>conll</c>.</param>
/// <param name="Length">The rebuilt sentence's length.</param>
/// <param name="Sha256">The first 16 hex digits of the SHA-256 of the rebuilt sentence in UTF-8.</param>
public sealed record SentenceLocator(string Id, string Source, string Split, string File, int Start, int End, string Normalisation, int Length, string Sha256);

/// <summary>
/// The project's numeric-fact gold: stand-off rows over the 20 AzerNews stories and over 200 real sentences whose text
/// stays in <c>../shared</c> and is rebuilt here from a locator (file, raw range, normalisation), checked by a hash.
/// </summary>
public static partial class QuantityGold
{
    /// <summary>The facts of a gold file in <c>tests/NewsParsing.Tests/Data</c>.</summary>
    public static List<GoldFact> ReadFacts(string file)
    {
        var rows = new List<GoldFact>();
        foreach (var line in File.ReadLines(Path.Combine(NewsGold.DataFolder, file)))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var c = line.Split('\t');
            rows.Add(new GoldFact(c[0], Int(c[1]), Int(c[2]), c[3], c[4], Dec(c[5]) ?? 0, Opt(c[6]), Dec(c[7]), Dec(c[8]), Opt(c[9]), Opt(c[10])));
        }

        return rows;
    }

    /// <summary>The sentence locators.</summary>
    public static List<SentenceLocator> ReadLocators()
    {
        var rows = new List<SentenceLocator>();
        foreach (var line in File.ReadLines(Path.Combine(NewsGold.DataFolder, "quantities-sentences.locators.tsv")))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var c = line.Split('\t');
            rows.Add(new SentenceLocator(c[0], c[1], c[2], c[3], Int(c[4]), Int(c[5]), c[6], Int(c[7]), c[8]));
        }

        return rows;
    }

    /// <summary>Whether every source file the locators point at is present under <c>../shared</c>.</summary>
    public static bool SourcesAvailable() => ReadLocators().All(l => File.Exists(Path.Combine(Paths.Shared, l.File)));

    /// <summary>The sentences rebuilt from <c>../shared</c>, as gold documents named <c>sentences/NNN</c>.</summary>
    public static List<GoldDocument> Sentences()
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var docs = new List<GoldDocument>();
        foreach (var l in ReadLocators())
        {
            if (!texts.TryGetValue(l.File, out var text))
            {
                var path = Path.Combine(Paths.Shared, l.File);
                text = l.File.EndsWith(".sgm", StringComparison.Ordinal) ? File.ReadAllText(path, Encoding.Latin1) : File.ReadAllText(path, Encoding.UTF8);
                texts[l.File] = text;
            }

            docs.Add(new GoldDocument("sentences/" + l.Id, Normalise(l.Normalisation, text[l.Start..l.End]), null, l.Split));
        }

        return docs;
    }

    /// <summary>The first 16 hex digits of the SHA-256 of <paramref name="text"/> in UTF-8.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    /// <summary>Turns a raw range of a source file into its sentence (the locators' normalisations).</summary>
    public static string Normalise(string normalisation, string raw) => normalisation switch
    {
        "html" => Collapse(Entity().Replace(raw, DecodeEntity)),
        "tags" => Collapse(Tag().Replace(raw, "")),
        "wikitext" => Collapse(Detokenise(raw.Trim())),
        "conll" => Collapse(Detokenise(string.Join(' ', raw.Split('\n').Where(l => l.Trim().Length > 0).Select(l => l.Split('\t')[0])))),
        _ => throw new InvalidDataException("unknown normalisation " + normalisation),
    };

    private static string DecodeEntity(Match m)
    {
        var g = m.Groups[1].Value;
        if (g[0] != '#')
        {
            return g switch { "lt" => "<", "gt" => ">", "amp" => "&", "quot" => "\"", _ => "'" };
        }

        var n = g[1] is 'x' or 'X' ? int.Parse(g[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) : Int(g[1..]);
        return n < 9 || n is > 13 and < 32 ? "" : char.ConvertFromUtf32(n);
    }

    /// <summary>WikiText's tokenisation undone, as the sampling script did it.</summary>
    private static string Detokenise(string s)
    {
        s = s.Replace(" @,@ ", ",", StringComparison.Ordinal).Replace(" @.@ ", ".", StringComparison.Ordinal).Replace(" @-@ ", "-", StringComparison.Ordinal);
        s = SpaceBeforeCloser().Replace(s, "$1");
        s = SpaceAfterOpener().Replace(s, "$1");
        s = SpaceBeforeClitic().Replace(s, "$1");
        return s.Replace(" \" ", " \"", StringComparison.Ordinal);
    }

    private static string Collapse(string s) => Space().Replace(s, " ").Trim();

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    private static decimal? Dec(string s) => s == "-" ? null : decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string? Opt(string s) => s == "-" ? null : s;

    [GeneratedRegex("&(#[0-9]+|#[xX][0-9a-fA-F]+|lt|gt|amp|quot|apos);")]
    private static partial Regex Entity();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex(@" ([.,;:!?%)\]])")]
    private static partial Regex SpaceBeforeCloser();

    [GeneratedRegex(@"([(\[$]) ")]
    private static partial Regex SpaceAfterOpener();

    [GeneratedRegex(@" (n't|'s|'re|'ve|'ll|'d)\b")]
    private static partial Regex SpaceBeforeClitic();
}
