using System.Globalization;
using System.Text;
using NewsParsing.Entities;

namespace NewsParsing.Training;

/// <summary>One input of the cluster corpus: a name for the report and the text segments it yields.</summary>
/// <param name="Name">Short name printed in the report.</param>
/// <param name="Files">The files read, in ordinal order of their paths.</param>
/// <param name="Segments">Token sequences; bigrams are counted inside a segment, never across two.</param>
internal sealed record UnlabeledSource(string Name, IReadOnlyList<string> Files, IEnumerable<IReadOnlyList<string>> Segments);

/// <summary>
/// Reads the unlabeled text the word clusters are learned from (docs/entities.md, "Word clusters"): the
/// <c>&lt;BODY&gt;</c> of Reuters-21578, the AzerNews articles, WikiText-2 valid and test, and the token column of
/// CoNLL-2003 <c>train.txt</c> (never <c>valid.txt</c>, the dev set the tagger is scored on). Free text is split by
/// <see cref="NerTokenizer"/>, as the tagger splits it; case is kept. WikiText's <c>&lt;unk&gt;</c> (a word replaced
/// by its makers) becomes <see cref="Unknown"/>.
/// </summary>
internal static class UnlabeledText
{
    /// <summary>Stands for a word nobody can see (WikiText's <c>&lt;unk&gt;</c>); it is never clustered.</summary>
    public const string Unknown = "<unk>";

    private static readonly string[] WikiTextFiles = ["valid.txt", "test.txt"];

    /// <summary>All inputs under <paramref name="shared"/>, in a fixed order. Throws when a folder is missing, so a
    /// run never silently learns from less text than its header claims.</summary>
    public static IReadOnlyList<UnlabeledSource> Sources(string shared)
    {
        var eval = Path.Combine(shared, "eval");
        var reuters = Files(Path.Combine(eval, "reuters21578"), "*.sgm").Concat(Files(Path.Combine(eval, "reuters21578-more"), "*.sgm")).ToList();
        var azernews = Files(Path.Combine(eval, "azernews"), "*.txt");
        var wikitext = WikiTextFiles.Select(f => Existing(Path.Combine(shared, "nerdata", "wikitext2-sample", f))).ToList();
        var conll = new[] { Existing(Path.Combine(eval, "conll2003", "train.txt")) };
        return
        [
            new("Reuters-21578 <BODY>", reuters, reuters.SelectMany(ReutersBodies)),
            new("AzerNews", azernews, azernews.SelectMany(AzerNews)),
            new("WikiText-2 valid+test", wikitext, wikitext.SelectMany(WikiText)),
            new("CoNLL-2003 train tokens", conll, conll.SelectMany(ConllTokens)),
        ];
    }

    private static List<string> Files(string folder, string pattern)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"missing input folder {folder}");
        }

        var files = Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal).ToList();
        return files.Count > 0 ? files : throw new FileNotFoundException($"no {pattern} in {folder}");
    }

    private static string Existing(string path) => File.Exists(path) ? path : throw new FileNotFoundException($"missing input file {path}", path);

    /// <summary>Each story's <c>&lt;BODY&gt;</c> is one segment. The SGML is read as Latin-1 (one file has a stray
    /// byte above 127) and its entities are unescaped; control characters from <c>&amp;#3;</c> are skipped by the
    /// tokenizer.</summary>
    internal static IEnumerable<IReadOnlyList<string>> ReutersBodies(string path)
    {
        var sgml = File.ReadAllText(path, Encoding.Latin1);
        var at = 0;
        while ((at = sgml.IndexOf("<BODY>", at, StringComparison.Ordinal)) >= 0)
        {
            var start = at + "<BODY>".Length;
            var end = sgml.IndexOf("</BODY>", start, StringComparison.Ordinal);
            if (end < 0)
            {
                yield break;
            }

            yield return Tokenize(UnescapeSgml(sgml[start..end]));
            at = end;
        }
    }

    /// <summary>Each non-empty line (a paragraph) of an article is one segment.</summary>
    private static IEnumerable<IReadOnlyList<string>> AzerNews(string path)
    {
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            var tokens = Tokenize(line);
            if (tokens.Count > 0)
            {
                yield return tokens;
            }
        }
    }

    /// <summary>Each paragraph line is one segment; headings (<c>= Title =</c>, <c>= = Section = =</c>) are dropped.
    /// The text was tokenised by its makers, with <c>@,@</c>, <c>@.@</c> and <c>@-@</c> for the characters inside
    /// numbers and compounds: those are joined back before the tagger's tokenizer splits the line again.</summary>
    internal static IEnumerable<IReadOnlyList<string>> WikiText(string path)
    {
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            var line = raw.Trim();
            if (line.Length == 0 || (line.StartsWith('=') && line.EndsWith('=')))
            {
                continue;
            }

            var tokens = new List<string>();
            var parts = DetokeniseWikiText(line).Split(Unknown);
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    tokens.Add(Unknown);
                }

                tokens.AddRange(Tokenize(parts[i]));
            }

            if (tokens.Count > 0)
            {
                yield return tokens;
            }
        }
    }

    internal static string DetokeniseWikiText(string line) =>
        line.Replace(" @,@ ", ",", StringComparison.Ordinal).Replace(" @.@ ", ".", StringComparison.Ordinal).Replace(" @-@ ", "-", StringComparison.Ordinal);

    /// <summary>Each document (between <c>-DOCSTART-</c> lines) is one segment of the first column's tokens, as
    /// given (CoNLL's tokens are already what the tagger's tokenizer aims at).</summary>
    private static IEnumerable<IReadOnlyList<string>> ConllTokens(string path)
    {
        var tokens = new List<string>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                if (tokens.Count > 0)
                {
                    yield return tokens;
                }

                tokens = [];
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                tokens.Add(line[..space]);
            }
        }

        if (tokens.Count > 0)
        {
            yield return tokens;
        }
    }

    internal static List<string> Tokenize(string text)
    {
        var spans = new List<NerToken>();
        NerTokenizer.Tokenize(text, 0, text.Length, spans);
        var tokens = new List<string>(spans.Count);
        foreach (var t in spans)
        {
            tokens.Add(text[t.Start..t.End]);
        }

        return tokens;
    }

    /// <summary>The SGML entities Reuters-21578 uses: <c>&amp;lt;</c>, <c>&amp;gt;</c>, <c>&amp;amp;</c>,
    /// <c>&amp;quot;</c>, <c>&amp;apos;</c> and numeric <c>&amp;#N;</c>; anything else is left as written.</summary>
    internal static string UnescapeSgml(string s)
    {
        if (!s.Contains('&', StringComparison.Ordinal))
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            var semi = s[i] == '&' ? s.IndexOf(';', i + 1) : -1;
            if (semi > i && semi - i <= 8)
            {
                var name = s.AsSpan(i + 1, semi - i - 1);
                string? replacement = name switch
                {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    "quot" => "\"",
                    "apos" => "'",
                    _ when name.Length > 1 && name[0] == '#' && int.TryParse(name[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code < 0xD800
                        => ((char)code).ToString(),
                    _ => null,
                };
                if (replacement is not null)
                {
                    sb.Append(replacement);
                    i = semi + 1;
                    continue;
                }
            }

            sb.Append(s[i]);
            i++;
        }

        return sb.ToString();
    }
}
