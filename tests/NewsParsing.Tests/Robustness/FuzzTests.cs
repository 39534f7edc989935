using System.Diagnostics;
using System.Text;
using CsCheck;
using NewsParsing.Tests.Infrastructure;
using NodaTime;

namespace NewsParsing.Tests.Robustness;

/// <summary>
/// Fuzzing the whole pipeline: for every input, no exception, spans inside the text, segments that cover it, and dates
/// whose values are well-formed TIMEX3. The share run here is fixed (seeded <see cref="Random"/> mutations) or bounded
/// (CsCheck); a long run is <c>tests/fuzz-long.sh [ITERATIONS]</c>, which sets <c>NEWSPARSING_FUZZ_ITERATIONS</c>,
/// reports how many inputs it tried, and also bounds the time of each input (only there: <c>dotnet test</c> asserts no
/// wall-clock time).
/// </summary>
public class FuzzTests
{
    private static readonly string? IterationsSetting = Environment.GetEnvironmentVariable("NEWSPARSING_FUZZ_ITERATIONS");
    private static readonly int Iterations = int.TryParse(IterationsSetting, out var n) ? n : 1500;
    private static readonly bool LongRun = IterationsSetting is not null;

    private static readonly string[] Pieces =
    [
        " date 2021-10-05 ", "By Vugar Khalilov", "HOUSTON, Jan 27 (Reuters) - ", "(AP) _ ", "MOSCOW, January 21. /TASS/. ",
        "Baku/02.10.20/Turan: ", "—", "\n", "\n\n", "\r\n", "    ", "Follow us on Twitter @AzerNewsAz", " Reuter", "About 2,500 troops",
        "from July 26 to August 6", "fifteen NATO members", ", ", " - ", "(", ")", "/", ".", ":", "*", "\0", "\u0003", "\ud800", "\udc00",
        "\u2028", "\t", "Ⅻ", "ß", "İ", "ı", "€5m", "12%", "late 2020", "Eternity-2021", "Zakir Hasanov", "the U.S.", "ABBY",
    ];

    [Fact]
    public void Random_unicode_never_breaks_the_invariants()
    {
        Gen.String.Sample(Check, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Random_news_like_fragments_never_break_the_invariants()
    {
        Gen.OneOf(Pieces).Array[0, 60].Select(parts => string.Concat(parts)).Sample(Check, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Mutated_real_articles_never_break_the_invariants()
    {
        var articles = Directory.EnumerateFiles(Paths.Seeds, "*.txt").Select(File.ReadAllText).ToList();
        if (Paths.EvalAvailable)
        {
            articles.AddRange(Directory.EnumerateFiles(Path.Combine(Paths.Eval, "azernews"), "*.txt").Select(File.ReadAllText));
        }

        var random = new Random(20261122); // fixed seed: the same mutations on every run
        for (var i = 0; i < Iterations; i++)
        {
            var text = Mutate(articles[random.Next(articles.Count)], random);
            Check(text);
        }
    }

    /// <summary>Pieces that push dates and numbers to their edges: years at the ends of the calendar (-9998 and
    /// 9999), relative expressions that step past them, numbers and scale words beyond <see cref="decimal"/>, lone
    /// surrogates and surrogate pairs beside names and numbers.</summary>
    private static readonly string[] ExtremePieces =
    [
        " date 9999-12-30 ", " date 9999-12-31 ", " date 0001-01-01 ", " date -9998-01-01 ", "By A B", "\n\n", "\n", " ", ", ", ". ",
        "BAKU, Dec 31 - ", "BAKU, Jan 1 - ", "LONDON, Dec 30 (Reuters) - ", "9999-12-31", "Dec 31, 9999", "January 1, 1",
        "in 9999", "the year 9999", "10000 BC", "next week", "next year", "last year", "last month", "tomorrow", "yesterday",
        "in two days", "5 years from now", "10,000 years ago", "in 5,000 years", "2,147,483,647 days later", "999999999 weeks ago",
        "the next 100 centuries", "every 9999 years", "from 9998 to 9999", "by 10000", "Q4 9999", "the 9990s", "the 100th century",
        "100,000,000,000,000,000,000 trillion dollars", "79228162514264337593543950335", "79,228,162,514,264,337,593,543,950,336",
        "1e308", "1e-400", "10^400", "9.99e28", "a billion billion trillion", "trillion trillion", "quadrillion", "$5 quadrillion",
        "×10^28", "hundreds of trillions of trillions", "0.0000000000000000000000000000001%", "-79228162514264337593543950335",
        "1/0", "0/0", "3 trillion and a half", "€999,999,999,999,999,999,999bn", "half a dozen dozen dozen", "1,000x",
        "\ud800", "\udc00", "\ud835\udcb3", "Zakir \ud835\udcb3asanov", "John\ud800 Smith", "\udbff\udfff", "Ilham Aliyev",
    ];

    private static readonly LocalDate?[] ExtremeDates =
    [
        null, new LocalDate(9999, 12, 31), new LocalDate(9999, 12, 30), new LocalDate(9999, 1, 1), new LocalDate(-9998, 1, 1),
        new LocalDate(-9998, 1, 2), new LocalDate(-9998, 12, 31), new LocalDate(1, 1, 1), new LocalDate(0, 2, 29), new LocalDate(2021, 10, 5),
    ];

    /// <summary>Pipelines whose reference date sits at the calendar's edges, built once (a pipeline loads its data).</summary>
    private static readonly Lazy<NewsPipeline[]> ExtremePipelines = new(() =>
    [
        NewsParser.Default,
        new NewsPipelineBuilder().WithReferenceDate(new LocalDate(9999, 12, 31)).Build(),
        new NewsPipelineBuilder().WithReferenceDate(new LocalDate(-9998, 1, 1)).Build(),
    ]);

    [Fact]
    public void Extreme_dates_magnitudes_and_surrogates_never_break_the_invariants()
    {
        // Property: for any text made of edge pieces (or random UTF-16), any publication date (the calendar's ends,
        // a random one, none) and any reference date, Parse returns an article whose spans lie inside the text and
        // split no surrogate pair; it never throws.
        var date = Gen.OneOf(
            Gen.OneOf(ExtremeDates),
            Gen.Select(Gen.Int[-9998, 9999], Gen.Int[1, 12], Gen.Int[1, 28], static (y, m, d) => (LocalDate?)new LocalDate(y, m, d)));
        var number = Gen.Select(Gen.Char['0', '9'].Array[1, 70], Gen.OneOf("", " million", " trillion", " trillion trillion", "bn", "%", " dollars"),
            static (digits, scale) => new string(digits) + scale);
        var exponent = Gen.Select(Gen.Int[-2000, 2000], Gen.OneOf("1e", "10^", "9.9E", "5 x 10^"), static (e, head) => head + e);
        var piece = Gen.Frequency((6, Gen.OneOf(ExtremePieces)), (1, number), (1, exponent), (1, Gen.String[0, 8]));
        var text = piece.Array[0, 40].Select(static parts => string.Concat(parts));
        Gen.Select(text, date, Gen.Int[0, 2]).Sample(
            sample =>
            {
                var (input, published, p) = sample;
                var pipeline = ExtremePipelines.Value[p];
                CheckParse(input, t => published is { } d ? pipeline.Parse(t, d) : pipeline.Parse(t), static (_, _) => { });
            },
            iter: Iterations, threads: 1);
    }

    private static readonly string[] HtmlPieces =
    [
        "<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<article>", "</article>", "<p>", "</p>", "<div class=\"story\">",
        "</div>", "<h1>", "</h1>", "<br>", "<br/>", "<span>", "<script>var a = '<p>';</script>", "<style>p { }</style>", "<!-- c -->",
        "<!--", "-->", "<![CDATA[x]]>", "<meta property=\"article:published_time\" content=\"2021-10-05T10:00:00+04:00\">",
        "<meta name=\"author\" content=\"Vugar Khalilov\">", "<meta property=\"og:title\" content=\"NATO drills\">",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2021-10-05\"}</script>",
        "<script type=\"application/ld+json\">{\"@type\":", "<time datetime=\"2021-13-45\">", "</time>", "&amp;", "&lt;", "&#0;",
        "&#xD800;", "&nbsp;", "&bogus;", "<a href=\"x\">", "</a>", "<table><tr><td>", "</td></tr></table>", "<", ">", "\"", "'",
        "About 2,500 troops from fifteen NATO members", "BAKU, Azerbaijan, Oct. 5 ", "(Reuters) - ", "late 2020", "Zakir Hasanov",
        "\n", "\n\n", "\0", "\ud800", "<p class='byline'>By ", "<h1 itemprop=\"headline\">", "<noscript>", "</noscript>",
        "<template><p>x</p></template>", "<svg><text>x</text></svg>", "<math>", "<frameset>", "<!DOCTYPE html>", "<?xml?>",

        // data tables (rows of cells, alone on a page or in a figure), labelled related blocks and leading lines
        "<table>", "</table>", "<tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr>", "<tr>", "</tr>", "<td>", "</td>", "<th>Pos.</th>",
        "<tbody>", "<thead>", "<caption>x</caption>", "<tr style=\"display:none\">", "<figure class=\"wp-block-table\">", "</figure>",
        "<figcaption>Standings</figcaption>", "<h3 class=\"relatedpoststitle\">", "<h2>You may also like</h2>", "</h3>", "<h2>", "</h2>",
        "<p>Photo: Jane Roe / AP</p>", "<p>Posted: Fri 6:45 PM, Feb 16, 2018 |</p>", "<p>Updated: Sat 8:31 PM, Feb 17, 2018</p>",
    ];

    [Fact]
    public void Random_html_never_breaks_the_invariants()
    {
        Gen.OneOf(HtmlPieces).Array[0, 80].Select(parts => string.Concat(parts)).Sample(CheckHtml, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Mutated_real_pages_never_break_the_invariants()
    {
        if (!Paths.EvalAvailable)
        {
            return; // the share with the seeds' own pages is in HtmlTests; real pages live in ../shared/eval/html
        }

        var pages = Directory.EnumerateFiles(Path.Combine(Paths.Eval, "html"), "*.html", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length < 200_000)
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();
        pages.Should().NotBeEmpty();
        var random = new Random(20261202);
        for (var i = 0; i < Math.Max(20, Iterations / 10); i++)
        {
            CheckHtml(MutateHtml(pages[random.Next(pages.Count)], random));
        }
    }

    [Fact]
    public void Pathological_shapes_parse_in_bounded_time()
    {
        var seed = File.ReadAllText(Path.Combine(Paths.Seeds, "000_d415100d04d07eeb.txt"));
        string[] inputs =
        [
            new string('a', 1_000_000),
            new string('\n', 10_000) + seed,
            string.Concat(Enumerable.Repeat("\n\n", 10_000)),
            string.Concat(Enumerable.Repeat("LONDON, Feb 26 - ", 20_000)),
            string.Concat(Enumerable.Repeat("(", 100_000)),
            new string('\0', 100_000),
            string.Concat(Enumerable.Repeat(seed, 200)),
        ];
        foreach (var input in inputs)
        {
            Check(input);
        }
    }

    private static void Check(string text) => CheckParse(text, NewsParser.Parse, static (_, _) => { });

    private static void CheckHtml(string html) => CheckParse(html, static h => NewsParser.ParseHtml(h), static (article, problems) =>
    {
        if (article.Html is not { } source)
        {
            problems.Add("an HTML parse has no HtmlSource");
            return;
        }

        foreach (var p in article.Body.Paragraphs)
        {
            if (source.MapToHtml(p.Span) is { } mapped && (mapped.Start < 0 || mapped.End > source.Html.Length))
            {
                problems.Add($"paragraph {p.Span} maps to {mapped}, outside the page of length {source.Html.Length}");
            }
        }
    });

    /// <summary>Parses <paramref name="input"/> timed, then checks the article's invariants, the time bound and
    /// <paramref name="more"/>; throws with every problem and the (escaped) input.</summary>
    private static void CheckParse(string input, Func<string, Model.NewsArticle> parse, Action<Model.NewsArticle, List<string>> more)
    {
        var watch = Stopwatch.StartNew();
        var article = parse(input);
        var elapsed = watch.Elapsed;
        var problems = ArticleInvariants.Find(article);
        foreach (var d in article.Dates)
        {
            if (!Temporal.Timex3.IsValid(d.Type.ToString(), d.Value))
            {
                problems.Add($"'{d.Text}' has the malformed TIMEX3 {d.Type} value {d.Value}");
            }
        }

        CheckTime(elapsed, input.Length, problems);
        more(article, problems);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", problems) + " for input: " + Escape(input));
        }
    }

    /// <summary>In the long run only (tests/fuzz-long.sh, not <c>dotnet test</c>, which asserts no wall-clock time): 2 s
    /// plus 30 s per million characters catches hangs and quadratic paths (a quadratic pass over a 1 MB input takes
    /// minutes), not the jitter of a busy runner (ordinary articles take a fraction of a millisecond, a warm 1 MB
    /// document about 0.1 s).</summary>
    private static void CheckTime(TimeSpan elapsed, int length, List<string> problems)
    {
        if (!LongRun)
        {
            return;
        }

        var bound = TimeSpan.FromSeconds(2 + (30.0 * length / 1_000_000));
        if (elapsed > bound)
        {
            problems.Add($"took {elapsed.TotalMilliseconds:F0} ms for {length} characters (bound {bound.TotalMilliseconds:F0} ms)");
        }
    }

    private static string MutateHtml(string html, Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                return html[..random.Next(html.Length + 1)]; // cut anywhere, even inside a tag
            case 1:
                var sb = new StringBuilder(html);
                for (var k = 0; k < 20; k++)
                {
                    sb.Insert(random.Next(sb.Length + 1), "<>\"'&\0</p><div>"[random.Next(14)]);
                }

                return sb.ToString();
            case 2:
                var at = random.Next(html.Length);
                var length = Math.Min(html.Length - at, random.Next(5_000));
                return html.Insert(random.Next(html.Length + 1), html.Substring(at, length)); // a duplicated chunk
            case 3:
                return html.Replace("</", "<", StringComparison.Ordinal); // no element is ever closed
            case 4:
                return string.Concat(Enumerable.Repeat("<div>", 2_000)) + html;
            default:
                var start = random.Next(html.Length);
                return html[start..] + html[..start];
        }
    }

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        switch (random.Next(8))
        {
            case 0:
                return text[..random.Next(text.Length + 1)];
            case 1:
                var at = random.Next(lines.Count);
                lines.Insert(at, lines[random.Next(lines.Count)]);
                break;
            case 2:
                lines = [.. lines.OrderBy(_ => random.Next())];
                break;
            case 3:
                var sb = new StringBuilder(text);
                for (var k = 0; k < 5; k++)
                {
                    sb.Insert(random.Next(sb.Length + 1), (char)random.Next(0, 32));
                }

                return sb.ToString();
            case 4:
                var s = new StringBuilder(text);
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    // a lone high or low surrogate, or a pair glued to a word ("Baku𝒳"): spans must not split it
                    s.Insert(random.Next(s.Length + 1), random.Next(3) switch { 0 => "\ud800", 1 => "\udfff", _ => "\ud835\udcb3" });
                }

                return s.ToString();
            case 5:
                lines.Insert(random.Next(lines.Count), new string('x', 100_000));
                break;
            case 6:
                lines.Insert(random.Next(lines.Count), new string('\n', 2_000));
                break;
            default:
                var start = random.Next(text.Length);
                return text[start..] + text[..start];
        }

        return string.Join('\n', lines);
    }

    private static string Escape(string text)
    {
        var head = text.Length > 200 ? text[..200] + "…" : text;
        var sb = new StringBuilder();
        foreach (var c in head)
        {
            sb.Append(c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return sb.ToString();
    }
}
