using System.Diagnostics;
using NewsParsing.Model;

namespace NewsParsing.Cli;

/// <summary>
/// Parses files in parallel (<see cref="OrderedRunner"/>) and writes their JSON in input order to a buffered output.
/// </summary>
internal static class FileRunner
{
    private const int InFlightPerWorker = 64;

    public static bool Run(RunOptions options, string[] paths, Stream stdin, Stream stdout, RunStats stats)
    {
        var failed = false;
        var inputs = InputFiles.Enumerate(paths, options.Stderr, ref failed).ToList();
        var watch = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        OrderedRunner.Run(options.Parallelism, options.Parallelism * InFlightPerWorker, new ListSource<InputFile>(inputs), options.Pretty,
            (input, _, scratch) => ParseOne(options, input, stdin, stats, scratch),
            (seq, output) =>
            {
                if (output.Error is not null)
                {
                    options.Stderr.WriteLine(output.Error);
                    failed = true;
                }
                else
                {
                    stdout.Write(output.Bytes!, 0, output.Length);
                }

                if (options.Progress && (watch.Elapsed - lastProgress).TotalSeconds >= 0.25)
                {
                    lastProgress = watch.Elapsed;
                    options.Stderr.Write(stats.ProgressLine(watch.Elapsed, (int)seq + 1, inputs.Count));
                }
            });
        stdout.Flush();
        if (options.Progress)
        {
            options.Stderr.Write(stats.ProgressLine(watch.Elapsed, inputs.Count, inputs.Count));
        }

        return failed;
    }

    private static Output ParseOne(RunOptions options, InputFile input, Stream stdin, RunStats stats, JsonScratch scratch)
    {
        NewsArticle article;
        try
        {
            article = ArticleInput.Parse(options.Pipeline, input, stdin);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            stats.AddFailure();
            return new Output(null, 0, $"newsparse: cannot read '{input.Source}': {e.Message}", true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stats.AddFailure();
            return new Output(null, 0, $"newsparse: failed to parse '{input.Source}': {e.Message}", true);
        }

        stats.Add(article);
        return scratch.Write((input.Source, article), static (w, s) => ArticleJsonWriter.Write(w, s.Source, s.article));
    }
}
