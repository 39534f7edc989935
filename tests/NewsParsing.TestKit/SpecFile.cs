using System.Text;
using NewsParsing.Model;
using NodaTime;
using NodaTime.Text;

namespace NewsParsing.TestKit;

/// <summary>
/// One example of a Markdown spec file: a fenced <c>```article</c> block (its info string may carry options such as
/// <c>published=2021-01-28</c>) followed by a fenced <c>```expected</c> block holding the canonical dump. An expected
/// block written <c>```expected known-gap: why</c> states the intended answer that the code does not give yet.
/// </summary>
/// <param name="File">The spec file, relative to the Specs folder.</param>
/// <param name="Line">The 1-based line of the input fence.</param>
/// <param name="Heading">The nearest heading above the example.</param>
/// <param name="Input">The article text.</param>
/// <param name="Expected">The intended canonical dump.</param>
/// <param name="Options">The options of the input fence's info string, as written.</param>
/// <param name="KnownGap">Why the code does not meet <paramref name="Expected"/> yet, for a known gap; else null.</param>
public sealed record SpecCase(string File, int Line, string Heading, string Input, string Expected, string Options, string? KnownGap)
{
    /// <summary>The value of option <paramref name="name"/>, or <see langword="null"/>.</summary>
    public string? Option(string name)
    {
        foreach (var part in Options.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (eq > 0 && part[..eq] == name)
            {
                return part[(eq + 1)..];
            }
        }

        return null;
    }

    /// <summary>The <c>published=</c> option as a date.</summary>
    public LocalDate? Published => Option("published") is { } p ? LocalDatePattern.Iso.Parse(p).Value : null;

    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line} {Heading}";
}

/// <summary>Reads spec files: Markdown with <c>```article</c> / <c>```expected</c> fenced pairs.</summary>
public static class SpecFile
{
    /// <summary>The marker, in an expected fence's info string, of an intended answer not met yet.</summary>
    public const string KnownGapMarker = "known-gap";

    /// <summary>Reads every example of the spec files in <paramref name="folder"/> (relative to <see cref="Paths.Specs"/>).</summary>
    public static IEnumerable<SpecCase> ReadFolder(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Paths.Specs, folder), "*.md").Order(StringComparer.Ordinal))
        {
            foreach (var example in Read(file))
            {
                yield return example;
            }
        }
    }

    /// <summary>Reads the examples of one spec file.</summary>
    public static IEnumerable<SpecCase> Read(string path)
    {
        var relative = Path.GetRelativePath(Paths.Specs, path).Replace('\\', '/');
        var lines = System.IO.File.ReadAllLines(path);
        var heading = "";
        string? input = null;
        var inputLine = 0;
        var options = "";
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('#'))
            {
                heading = line.TrimStart('#', ' ');
                continue;
            }

            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var info = line[3..].Trim();
            var kind = info.Split(' ', 2)[0];
            var body = new StringBuilder();
            var start = i;
            i++;
            while (i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                body.Append(lines[i]).Append('\n');
                i++;
            }

            var text = body.Length > 0 ? body.ToString(0, body.Length - 1) : "";
            if (kind == "article")
            {
                input = text;
                inputLine = start + 1;
                options = info.Length > kind.Length ? info[kind.Length..].Trim() : "";
            }
            else if (kind == "expected" && input is not null)
            {
                yield return new SpecCase(relative, inputLine, heading, Unescape(input), text, options, KnownGap(info, relative, start + 1));
                input = null;
            }
        }
    }

    /// <summary>The reason of a <c>known-gap: reason</c> marker, which must give one.</summary>
    private static string? KnownGap(string info, string file, int line)
    {
        var at = info.IndexOf(KnownGapMarker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var reason = info[(at + KnownGapMarker.Length)..].TrimStart(':', ' ').Trim();
        return reason.Length > 0 ? reason : throw new InvalidDataException($"{file}:{line}: a known gap must say why (```expected known-gap: reason).");
    }

    /// <summary>Spec inputs are literal text; only <c>⏎</c> is special: it stands for a CR.</summary>
    private static string Unescape(string input) => input.Replace("⏎", "\r", StringComparison.Ordinal);
}

/// <summary>
/// The spec folders and how each one's examples are parsed and dumped: the one definition the tests check and the
/// rewrite tool writes.
/// </summary>
public static class SpecSuites
{
    private static readonly Dictionary<string, (NewsPipeline Pipeline, Func<NewsArticle, string> Dump)> Suites = new(StringComparer.Ordinal)
    {
        ["Segmentation"] = (new NewsPipelineBuilder().WithStages(NewsStages.None).Build(), Dumps.Segmentation),
        ["Temporal"] = (new NewsPipelineBuilder().WithStages(NewsStages.Dates).Build(), Dumps.Dates),
        ["Quantities"] = (new NewsPipelineBuilder().WithStages(NewsStages.Dates | NewsStages.Quantities).Build(), Dumps.Quantities),
        ["Entities"] = (new NewsPipelineBuilder().WithStages(NewsStages.Entities).Build(), Dumps.Entities),
        ["Agencies"] = (new NewsPipelineBuilder().WithStages(NewsStages.Sources | NewsStages.Language).Build(), Dumps.Agencies),
    };

    /// <summary>The spec folders.</summary>
    public static IReadOnlyCollection<string> Folders => Suites.Keys;

    /// <summary>Parses an example of <paramref name="folder"/> with its suite's pipeline.</summary>
    public static NewsArticle Parse(string folder, SpecCase example) => Suites[folder].Pipeline.Parse(example.Input, example.Published);

    /// <summary>The canonical dump of an article for <paramref name="folder"/>.</summary>
    public static string Dump(string folder, NewsArticle article) => Suites[folder].Dump(article);

    /// <summary>The current output for an example.</summary>
    public static string Output(string folder, SpecCase example) => Dump(folder, Parse(folder, example));
}

/// <summary>
/// Rewrites the <c>```expected</c> blocks of spec files from the current output — a command a person runs and then
/// reviews as a diff (<c>dotnet run --project tests/tools -- rewrite-specs</c>), never a test. Known gaps are left as
/// they are: their expectation is the intended answer.
/// </summary>
public static class SpecRewriter
{
    /// <summary>Rewrites the spec files of <paramref name="folder"/>; returns how many expectations changed.</summary>
    public static int RewriteFolder(string folder, TextWriter log)
    {
        var changed = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Paths.Specs, folder), "*.md").Order(StringComparer.Ordinal))
        {
            var examples = SpecFile.Read(file).ToDictionary(e => e.Line);
            var lines = File.ReadAllLines(file).ToList();
            var output = new List<string>();
            SpecCase? pending = null;
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.StartsWith("```article", StringComparison.Ordinal))
                {
                    examples.TryGetValue(i + 1, out pending);
                }

                if (line.StartsWith("```expected", StringComparison.Ordinal) && pending is { KnownGap: null })
                {
                    var actual = SpecSuites.Output(folder, pending);
                    if (actual != pending.Expected)
                    {
                        changed++;
                        log.WriteLine($"changed: {pending}");
                    }

                    output.Add(line);
                    i++;
                    while (i < lines.Count && !lines[i].StartsWith("```", StringComparison.Ordinal))
                    {
                        i++;
                    }

                    output.AddRange(actual.Split('\n'));
                    output.Add("```");
                    pending = null;
                    continue;
                }

                output.Add(line);
            }

            File.WriteAllText(file, string.Join("\n", output) + "\n");
        }

        return changed;
    }
}
