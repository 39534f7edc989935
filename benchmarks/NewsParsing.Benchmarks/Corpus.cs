using System.Text;
using System.Text.RegularExpressions;

namespace NewsParsing.Benchmarks;

/// <summary>The benchmark corpus, loaded once: the seeds, and when ../shared/eval is present, Reuters and AzerNews stories.</summary>
public static partial class Corpus
{
    private static readonly Lazy<IReadOnlyList<string>> SeedArticles = new(() => LoadFolder(Path.Combine(RepoRoot(), "seeds"), "*.txt"));
    private static readonly Lazy<IReadOnlyList<string>> AzerNewsArticles = new(() => LoadFolder(Path.Combine(EvalRoot(), "azernews"), "*.txt"));
    private static readonly Lazy<IReadOnlyList<string>> ReutersArticles = new(() => LoadReuters(["reut2-000.sgm"], 500));
    private static readonly Lazy<IReadOnlyList<string>> ReutersArchive = new(() => LoadReuters(
        Directory.Exists(Path.Combine(EvalRoot(), "reuters21578"))
            ? [.. Directory.EnumerateFiles(Path.Combine(EvalRoot(), "reuters21578"), "reut2-*.sgm").Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>()]
            : [],
        int.MaxValue));

    /// <summary>The seed articles of the project.</summary>
    public static IReadOnlyList<string> Seeds => SeedArticles.Value;

    /// <summary>AzerNews stories from ../shared/eval/azernews (empty when absent).</summary>
    public static IReadOnlyList<string> AzerNews => AzerNewsArticles.Value;

    /// <summary>The first 500 Reuters-21578 stories with a dateline, as plain wire copy (empty when absent).</summary>
    public static IReadOnlyList<string> Reuters => ReutersArticles.Value;

    /// <summary>Every Reuters-21578 story with a dateline, from all 22 files, in file order: an archive where each story
    /// is parsed once (empty when absent).</summary>
    public static IReadOnlyList<string> ReutersAll => ReutersArchive.Value;

    /// <summary>Seeds, AzerNews and Reuters together.</summary>
    public static IReadOnlyList<string> All => [.. Seeds, .. AzerNews, .. Reuters];

    /// <summary>Parses every article with <paramref name="parser"/>; returns the number of items extracted (so the work
    /// cannot be optimised away).</summary>
    public static int ParseAll(NewsPipeline parser, IReadOnlyList<string> articles, NodaTime.LocalDate published)
    {
        var n = 0;
        foreach (var a in articles)
        {
            n += Items(parser.Parse(a, published));
        }

        return n;
    }

    /// <summary>The dates, quantities and entities of a parsed article.</summary>
    public static int Items(Model.NewsArticle article) => article.Dates.Length + article.Quantities.Length + article.Entities.Length;

    /// <summary>Total UTF-16 characters of a set of articles.</summary>
    public static long Characters(IReadOnlyList<string> articles)
    {
        long n = 0;
        foreach (var a in articles)
        {
            n += a.Length;
        }

        return n;
    }

    /// <summary>The repository root.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsParsing.sln")))
        {
            dir = dir.Parent;
        }

        // BenchmarkDotNet runs a copy of the program from its own artifacts folder; fall back to the working directory.
        dir ??= new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsParsing.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }

    /// <summary>../shared/eval beside the repository.</summary>
    public static string EvalRoot() => Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "eval"));

    private static IReadOnlyList<string> LoadFolder(string folder, string pattern) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, pattern).Order(StringComparer.Ordinal).Select(File.ReadAllText)] : [];

    private static List<string> LoadReuters(IEnumerable<string> fileNames, int max)
    {
        var list = new List<string>();
        foreach (var name in fileNames)
        {
            var file = Path.Combine(EvalRoot(), "reuters21578", name);
            if (!File.Exists(file))
            {
                continue;
            }

            var sgml = File.ReadAllText(file, Encoding.Latin1);
            foreach (Match m in StoryRegex().Matches(sgml))
            {
                var title = Decode(m.Groups["title"].Value);
                var text = title + "\n" + Decode(m.Groups["dateline"].Value) + Decode(m.Groups["body"].Value);
                list.Add(text);
                if (list.Count == max)
                {
                    return list;
                }
            }
        }

        return list;
    }

    private static string Decode(string s) =>
        ControlEntity().Replace(s, "").Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    [GeneratedRegex(@"<TITLE>(?<title>[^<]*)</TITLE>\s*<DATELINE>(?<dateline>[^<]*)</DATELINE><BODY>(?<body>[^<]*)</BODY>", RegexOptions.NonBacktracking)]
    private static partial Regex StoryRegex();

    [GeneratedRegex("&#[0-9]+;", RegexOptions.NonBacktracking)]
    private static partial Regex ControlEntity();
}
