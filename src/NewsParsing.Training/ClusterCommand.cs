using System.Diagnostics;
using System.Globalization;

namespace NewsParsing.Training;

/// <summary>
/// <c>clusters OUTPUT [--shared DIR] [--clusters C] [--min-count N] [--max-words N] [--check K]</c>: Brown clusters of
/// the unlabeled text in <see cref="UnlabeledText"/>, written as gzip UTF-8 lines <c>word TAB bitpath TAB count</c>
/// sorted by word (ordinal) after two header lines starting <c>"# "</c> (provenance and licence; parameters and sizes). See
/// docs/entities.md, "Word clusters".
/// </summary>
internal static class ClusterCommand
{
    /// <summary>Words whose paths the report prints, to show the clusters are sensible.</summary>
    private static readonly string[] Samples = ["Monday", "Tuesday", "January", "Baku", "Paris", "London", "Reuters", "Aliyev", "said", "told", "company", "billion", "the"];

    public const string Provenance =
        "# source: Reuters-21578 Distribution 1.0, <BODY> text of reut2-000, -001, -003 ... -021 (research use only, see its README.txt); "
        + "AzerNews, 20 articles of July 2025 (text (c) AzerNews, used only as word statistics); "
        + "WikiText-2 valid and test (Merity et al. 2016, from Wikipedia, CC BY-SA 3.0); "
        + "CoNLL-2003 eng.train token column (Reuters RCV1, research use) "
        + "; licence: derived word statistics (one Brown cluster path and count per word; no sentence is reproduced) of research-use and CC BY-SA 3.0 text, "
        + "see docs/data-sources.md";

    public static int Run(string[] args)
    {
        if (!DataFile.TryParse(args, ["shared", "clusters", "min-count", "max-words", "check"], out var output, out var options))
        {
            Console.Error.WriteLine("usage: NewsParsing.Training clusters OUTPUT [--shared ../shared] [--clusters 1000] [--min-count 3] [--max-words N] [--check K]");
            return 2;
        }

        var shared = options.GetValueOrDefault("shared", Path.Combine("..", "shared"));
        var clusters = Int(options, "clusters", 1000);
        var minCount = Int(options, "min-count", 3);
        var maxWords = Int(options, "max-words", int.MaxValue);
        var checkEvery = Int(options, "check", 0);
        var watch = Stopwatch.StartNew();

        // Read every source once, giving each distinct token a provisional id in order of first sight.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var spelling = new List<string>();
        var counts = new List<int>();
        var corpus = new List<int>(4_000_000);
        long tokens = 0, unknowns = 0;
        foreach (var source in UnlabeledText.Sources(shared))
        {
            long sourceTokens = 0, segments = 0;
            foreach (var segment in source.Segments)
            {
                corpus.Add(BrownClustering.Boundary);
                segments++;
                foreach (var token in segment)
                {
                    sourceTokens++;
                    if (token == UnlabeledText.Unknown)
                    {
                        unknowns++;
                        corpus.Add(BrownClustering.Unclustered);
                        continue;
                    }

                    if (!ids.TryGetValue(token, out var id))
                    {
                        id = ids[token] = spelling.Count;
                        spelling.Add(token);
                        counts.Add(0);
                    }

                    counts[id]++;
                    corpus.Add(id);
                }
            }

            tokens += sourceTokens;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{source.Name}: {source.Files.Count} files, {segments:N0} segments, {sourceTokens:N0} tokens"));
        }

        // Final ids: clustered words by decreasing count, ties in ordinal order; the rest are unclustered.
        var order = Enumerable.Range(0, spelling.Count).Where(i => counts[i] >= minCount)
            .OrderByDescending(i => counts[i]).ThenBy(i => spelling[i], StringComparer.Ordinal).Take(maxWords).ToArray();
        var rank = new int[spelling.Count];
        Array.Fill(rank, BrownClustering.Unclustered);
        for (var r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
        }

        var ranked = corpus.ToArray();
        for (var i = 0; i < ranked.Length; i++)
        {
            if (ranked[i] >= 0)
            {
                ranked[i] = rank[ranked[i]];
            }
        }

        var covered = order.Sum(i => (long)counts[i]);
        var bigrams = BrownClustering.Bigrams.Count(order.Length, ranked);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tokens {tokens:N0} ({unknowns:N0} WikiText <unk>); vocabulary {spelling.Count:N0} distinct tokens; clustering {order.Length:N0} words with count >= {minCount} ({100.0 * covered / tokens:F1}% of tokens), {bigrams.Types:N0} bigram types; C = {clusters} [{watch.Elapsed.TotalSeconds:F1}s]"));

        var read = watch.Elapsed;
        var paths = BrownClustering.Run(bigrams, clusters, Console.WriteLine, checkEvery);
        var clustering = watch.Elapsed - read;

        var lines = new List<string>(order.Length + 2)
        {
            Provenance,
            string.Create(CultureInfo.InvariantCulture,
                $"# brown clusters (Liang 2005 windowed algorithm): clusters={clusters} min-count={minCount} words={order.Length} tokens={tokens} distinct-paths={paths.Distinct(StringComparer.Ordinal).Count()}; columns: word, bit path from the root, count"),
        };
        lines.AddRange(Enumerable.Range(0, order.Length).OrderBy(r => spelling[order[r]], StringComparer.Ordinal)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{spelling[order[r]]}\t{paths[r]}\t{counts[order[r]]}")));
        var bytes = DataFile.WriteGzipLines(output, lines);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"clustering took {clustering.TotalSeconds:F0}s (reading {read.TotalSeconds:F1}s); wrote {output} ({bytes / 1024.0:F0} KB, {order.Length:N0} words)"));
        var pathOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < order.Length; r++)
        {
            pathOf[spelling[order[r]]] = r;
        }

        foreach (var sample in Samples)
        {
            if (!pathOf.TryGetValue(sample, out var r))
            {
                Console.WriteLine($"  {sample}: not clustered");
                continue;
            }

            var mates = Enumerable.Range(0, order.Length).Where(q => q != r && paths[q] == paths[r]).Take(12).Select(q => spelling[order[q]]);
            Console.WriteLine($"  {sample,-9} {paths[r],-20} with {string.Join(' ', mates)}");
        }

        foreach (var (a, b) in new[] { ("Monday", "Tuesday"), ("Monday", "Baku"), ("Baku", "Paris"), ("Paris", "London"), ("said", "told"), ("Reuters", "Aliyev") })
        {
            if (pathOf.TryGetValue(a, out var ra) && pathOf.TryGetValue(b, out var rb))
            {
                var common = paths[ra].AsSpan().CommonPrefixLength(paths[rb]);
                Console.WriteLine($"  common prefix of {a} and {b}: {common} bits");
            }
        }

        return 0;
    }

    private static int Int(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var v) ? int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;
}
