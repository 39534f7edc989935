using System.Diagnostics;
using NewsParsing.Model;

namespace NewsParsing.Cli;

/// <summary>
/// Parses files in parallel (<see cref="OrderedRunner"/>) and writes their JSON in input order. Each input is read,
/// parsed and serialised on its own: whatever goes wrong with one gives a message on standard error and an exit code,
/// and every other record is written.
/// </summary>
internal static class FileRunner
{
    private const int InFlightPerWorker = 64;

    public static int Run(RunOptions options, string[] paths, Stream stdin, RecordWriter stdout, RunStats stats)
    {
        var missing = false;
        var inputs = InputFiles.Enumerate(paths, options.Recursive, options.Stderr, ref missing);
        if (inputs.Count == 0)
        {
            if (missing)
            {
                return CliApp.ExitSomeFailed;
            }

            options.Stderr.WriteLine($"newsparse: no article in {string.Join(", ", paths.Select(p => "'" + InputText.ForTerminal(p) + "'"))} (article files end in .txt, .html, .htm or .html.gz)");
            return CliApp.ExitNoArticle;
        }

        var exit = missing ? CliApp.ExitSomeFailed : CliApp.ExitOk;
        var watch = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        var failure = OrderedRunner.Run(options.Parallelism, options.Parallelism * InFlightPerWorker, new ListSource<InputFile>(inputs), options.Pretty,
            (input, _, scratch) => ParseOne(options, input, stdin, stats, scratch),
            (seq, output) =>
            {
                if (output.Error is not null)
                {
                    options.Stderr.WriteLine(output.Error);
                }

                exit = CliApp.Worse(exit, output.Failure);
                if (output.Bytes is not null)
                {
                    stdout.Write(output.Bytes.AsSpan(0, output.Length));
                }

                if (options.Progress && (watch.Elapsed - lastProgress).TotalSeconds >= 0.25)
                {
                    lastProgress = watch.Elapsed;
                    options.Stderr.Write(stats.ProgressLine(watch.Elapsed, (int)seq + 1, inputs.Count));
                }
            });
        exit = CliApp.Finish(failure, stdout, options.Stderr, exit);
        if (options.Progress)
        {
            options.Stderr.Write(stats.ProgressLine(watch.Elapsed, inputs.Count, inputs.Count));
        }

        return exit;
    }

    private static Output ParseOne(RunOptions options, InputFile input, Stream stdin, RunStats stats, JsonScratch scratch)
    {
        var damage = new List<Diagnostic>(0);
        NewsArticle article;
        try
        {
            article = ArticleInput.Parse(options.Pipeline, input, stdin, damage);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            stats.AddFailure();
            return new Output(null, 0, $"newsparse: cannot read '{InputText.ForTerminal(input.Source)}': {InputText.ForTerminal(e.Message)}", CliApp.ExitSomeFailed);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stats.AddFailure();
            return new Output(null, 0, $"newsparse: failed to parse '{InputText.ForTerminal(input.Source)}': {e.GetType().Name}: {InputText.ForTerminal(e.Message)}", CliApp.ExitParseFailed);
        }

        stats.Add(article);
        string? warning = null;
        var code = CliApp.ExitOk;
        foreach (var d in damage)
        {
            if (d.Code == CliDiagnostics.TruncatedGzip)
            {
                warning = $"newsparse: '{InputText.ForTerminal(input.Source)}': {d.Message}";
                code = CliApp.ExitSomeFailed;
            }
        }

        try
        {
            return scratch.Write((scratch.Records, input.Source, article, damage), static (w, s) => s.Records.Write(w, s.Source, s.article, null, s.damage), warning, code);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stats.AddFailure();
            return new Output(null, 0, $"newsparse: failed to write '{InputText.ForTerminal(input.Source)}': {e.GetType().Name}: {InputText.ForTerminal(e.Message)}", CliApp.ExitParseFailed);
        }
    }
}
