using System.Diagnostics;
using System.Text.Json;
using NewsParsing.Model;

namespace NewsParsing.Cli;

/// <summary>
/// Parses files in parallel and writes their JSON in input order. Work goes in batches of a few articles per core:
/// each batch is parsed and serialised in parallel into byte buffers, then written in order, so memory stays bounded
/// by the batch whatever the number of files.
/// </summary>
internal static class FileRunner
{
    private const int ArticlesPerCorePerBatch = 16;

    public static bool Run(RunOptions options, string[] paths, Stream stdin, Stream stdout, RunStats stats)
    {
        var failed = false;
        var inputs = InputFiles.Enumerate(paths, options.Stderr, ref failed).ToList();
        var batch = Math.Max(1, options.Parallelism * ArticlesPerCorePerBatch);
        var watch = Stopwatch.StartNew();
        var results = new Result[batch];
        for (var start = 0; start < inputs.Count; start += batch)
        {
            var count = Math.Min(batch, inputs.Count - start);
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, i =>
                results[i] = ParseOne(options, inputs[start + i], stdin, stats));
            for (var i = 0; i < count; i++)
            {
                var r = results[i];
                if (r.Error is not null)
                {
                    options.Stderr.WriteLine(r.Error);
                    failed = true;
                }
                else
                {
                    stdout.Write(r.Json);
                    stdout.WriteByte((byte)'\n');
                }

                results[i] = default;
            }

            stdout.Flush();
            if (options.Progress)
            {
                options.Stderr.Write(stats.ProgressLine(watch.Elapsed, start + count, inputs.Count));
            }
        }

        return failed;
    }

    private static Result ParseOne(RunOptions options, InputFile input, Stream stdin, RunStats stats)
    {
        NewsArticle article;
        try
        {
            article = ArticleInput.Parse(options.Pipeline, input, stdin);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            stats.AddFailure();
            return new Result(null, $"newsparse: cannot read '{input.Source}': {e.Message}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stats.AddFailure();
            return new Result(null, $"newsparse: failed to parse '{input.Source}': {e.Message}");
        }

        stats.Add(article);
        return new Result(PooledJson.Write(options.Pretty, (input.Source, article), static (w, s) => ArticleJsonWriter.Write(w, s.Source, s.article)), null);
    }

    private readonly record struct Result(byte[]? Json, string? Error);
}
