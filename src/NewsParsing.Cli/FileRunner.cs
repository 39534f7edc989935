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

            options.Stderr.WriteLine($"newsparse: no article in {string.Join(", ", paths.Select(p => "'" + InputText.ForTerminal(p) + "'"))} (article files end in .txt, .html, .htm, .html.gz or .jsonl)");
            return CliApp.ExitNoArticle;
        }

        OutputFiles? files = null;
        var targets = Array.Empty<string>();
        if (options.OutputDirectory is { } directory)
        {
            files = OutputFiles.Plan(directory, inputs, out var error, out targets);
            if (files is null)
            {
                options.Stderr.WriteLine($"newsparse: {error} Run 'newsparse parse --help' for usage.");
                return CliApp.ExitUsage;
            }
        }

        var exit = missing ? CliApp.ExitSomeFailed : CliApp.ExitOk;
        var watch = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        void Progress(int done)
        {
            if (options.Progress && (watch.Elapsed - lastProgress).TotalSeconds >= 0.25)
            {
                lastProgress = watch.Elapsed;
                options.Stderr.Write(stats.ProgressLine(watch.Elapsed, done, inputs.Count));
            }
        }

        // Runs of article files go through the workers together; a .jsonl file is a stream of its own, its lines
        // parsed in parallel, between them: the output keeps the input order.
        Exception? failure = null;
        for (var first = 0; first < inputs.Count && failure is null;)
        {
            if (inputs[first].IsJsonLines)
            {
                var input = inputs[first];
                var target = files is null ? null : targets[first];
                var done = first + 1;
                (failure, var code) = RunJsonLines(options, input, target is null ? null : files, target, stdout, stats, () => Progress(done));
                exit = CliApp.Worse(exit, code);
                first++;
                continue;
            }

            var last = first;
            while (last < inputs.Count && !inputs[last].IsJsonLines)
            {
                last++;
            }

            var offset = first;
            failure = OrderedRunner.Run(options.Parallelism, options.Parallelism * InFlightPerWorker, new ListSource<InputFile>(inputs.GetRange(first, last - first)), options.Pretty,
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
                        if (files is null)
                        {
                            stdout.Write(output.Bytes.AsSpan(0, output.Length));
                        }
                        else
                        {
                            files.WriteFile(targets[offset + (int)seq], output.Bytes.AsSpan(0, output.Length));
                        }
                    }

                    Progress(offset + (int)seq + 1);
                });
            first = last;
        }

        exit = CliApp.Finish(failure, stdout, options.Stderr, exit);
        if (options.Progress)
        {
            options.Stderr.Write(stats.ProgressLine(watch.Elapsed, inputs.Count, inputs.Count));
        }

        stats.FilesWritten = files?.Written;

        return exit;
    }

    /// <summary>A <c>.jsonl</c> input: its lines as <c>--input-format jsonl</c> reads standard input, written to the
    /// run's output or to its own file under <c>--output</c>.</summary>
    private static (Exception? Failure, int Exit) RunJsonLines(RunOptions options, InputFile input, OutputFiles? files, string? target, RecordWriter stdout, RunStats stats, Action progress)
    {
        FileStream stream;
        try
        {
            if (!FileKind.IsRegularFile(input.Path))
            {
                throw new IOException("not a regular file (a FIFO, device or socket is not read)");
            }

            stream = File.OpenRead(input.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stats.AddFailure();
            options.Stderr.WriteLine($"newsparse: cannot read '{InputText.ForTerminal(input.Source)}': {InputText.ForTerminal(e.Message)}");
            return (null, CliApp.ExitSomeFailed);
        }

        using (stream)
        {
            if (files is null || target is null)
            {
                return JsonLinesRunner.Run(options, stream, input.Source, stdout, stats, _ => progress());
            }

            FileStream file;
            try
            {
                file = files.Open(target);
            }
            catch (OutputException e)
            {
                return (e, CliApp.ExitOk);
            }

            using (file)
            {
                var output = new RecordWriter(file);
                var (failure, exit) = JsonLinesRunner.Run(options, stream, input.Source, output, stats, _ => progress());
                if (failure is null)
                {
                    try
                    {
                        output.Flush();
                    }
                    catch (OutputException e)
                    {
                        failure = e;
                    }
                }

                return (failure, exit);
            }
        }
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
