using System.CommandLine;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace NewsParsing.Cli;

/// <summary>The command line: turns arguments and files into library calls and JSON Lines.</summary>
public static class CliApp
{
    /// <summary>Exit code when every input parsed.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code when some inputs could not be read, were damaged or were bad JSON Lines records; every
    /// other record was written.</summary>
    public const int ExitSomeFailed = 1;

    /// <summary>Exit code for usage errors.</summary>
    public const int ExitUsage = 2;

    /// <summary>Exit code when the inputs hold no article (an empty directory, no article file).</summary>
    public const int ExitNoArticle = 3;

    /// <summary>Exit code when the library failed on some inputs (an exception: a bug to report); every other record
    /// was written.</summary>
    public const int ExitParseFailed = 4;

    /// <summary>Exit code when the run ran out of memory: the records before were written, none after.</summary>
    public const int ExitOutOfMemory = 5;

    /// <summary>Exit code when writing the output failed (disk full, I/O error): the records before were written
    /// whole, and on a file a torn last record is cut off.</summary>
    public const int ExitOutputFailed = 6;

    /// <summary>Exit code when the reader closed the output (a broken pipe, as under <c>| head -1</c>): the run stops.</summary>
    public const int ExitOutputClosed = 7;

    /// <summary>Exit code when reading standard input failed in the middle of a JSON Lines stream.</summary>
    public const int ExitInputFailed = 8;

    /// <summary>The most <c>--parallel</c> accepts.</summary>
    public const int MaxParallel = 1024;

    /// <summary>Runs <c>newsparse</c> with the given arguments and streams.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="stdin">Standard input (read for the path <c>-</c> and for <c>--input-format jsonl</c>).</param>
    /// <param name="stdout">Standard output: JSON Lines.</param>
    /// <param name="stderr">Standard error: error lines, progress and statistics.</param>
    /// <returns>The exit code: <see cref="ExitOk"/>, <see cref="ExitSomeFailed"/>, <see cref="ExitUsage"/>,
    /// <see cref="ExitNoArticle"/>, <see cref="ExitParseFailed"/>, <see cref="ExitOutOfMemory"/>,
    /// <see cref="ExitOutputFailed"/>, <see cref="ExitOutputClosed"/> or <see cref="ExitInputFailed"/> (docs/cli.md).</returns>
    public static int Run(string[] args, Stream stdin, Stream stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var paths = new Argument<string[]>("path")
        {
            Description = "Article files, directories (their articles, sorted by name) or - for standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var published = new Option<string?>("--published")
        {
            Description = "Publication date (YYYY-MM-DD) for articles that do not state one.",
        };
        var pretty = new Option<bool>("--pretty") { Description = "Indent the JSON output." };
        var stats = new Option<bool>("--stats") { Description = "Print a summary (articles, agencies, failures, throughput) on standard error." };
        var format = new Option<string>("--input-format")
        {
            Description = "files (default): PATH arguments; jsonl: one {\"id\",\"text\",\"published\"?,\"html\"?} object per line on standard input.",
            DefaultValueFactory = _ => "files",
        };
        format.AcceptOnlyFromAmong("files", "jsonl");
        var parallel = new Option<int>("--parallel")
        {
            Description = "Articles parsed at once (default: the number of processors).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };

        var recursive = new Option<bool>("--recursive", "-r") { Description = "Read directories' subdirectories too." };
        var outputDirectory = new Option<string?>("--output", "-o")
        {
            Description = "Write each article's JSON to its own file in this directory (DIR/name.json, at the input's path under its directory argument; a .jsonl input gives one DIR/name.jsonl) instead of standard output.",
        };

        var parse = new Command("parse", "Parse news articles and print one JSON object per article (JSON Lines), in input order.");
        parse.Arguments.Add(paths);
        parse.Options.Add(published);
        parse.Options.Add(pretty);
        parse.Options.Add(stats);
        parse.Options.Add(format);
        parse.Options.Add(parallel);
        parse.Options.Add(recursive);
        parse.Options.Add(outputDirectory);

        var root = new RootCommand("newsparse: turns news-wire articles into structured JSON.");
        root.Subcommands.Add(parse);
        var schema = new Command("schema", "Print the JSON Schema of the output lines (docs/newsparse.schema.json).");
        schema.SetAction(_ =>
        {
#if NET9_0_OR_GREATER
            stdout.Write(System.Text.Encoding.UTF8.GetBytes(NewsparseSchema.Generate()));
            stdout.Flush();
            return ExitOk;
#else
            Console.Error.WriteLine("newsparse schema needs .NET 9 or later; the schema is docs/newsparse.schema.json in the repository.");
            return ExitUsage;
#endif
        });
        root.Subcommands.Add(schema);

        var exit = ExitOk;
        parse.SetAction(result =>
        {
            exit = RunParse(result, new ParseOptions(paths, published, pretty, stats, format, parallel, recursive, outputDirectory), stdin, stdout, stderr);
            return exit;
        });

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                stderr.WriteLine($"newsparse: {error.Message}");
            }

            stderr.WriteLine("Run 'newsparse --help' for usage.");
            return ExitUsage;
        }

        var code = parseResult.Invoke(new InvocationConfiguration { Output = stderr == Console.Error ? Console.Out : stderr, Error = stderr });
        return code != 0 ? code : exit;
    }

    private static int RunParse(ParseResult result, ParseOptions o, Stream stdin, Stream stdout, TextWriter stderr)
    {
        LocalDate? date = null;
        if (result.GetValue(o.Published) is { } text)
        {
            var parsed = LocalDatePattern.Iso.Parse(text);
            if (!parsed.Success)
            {
                return Usage(stderr, $"--published must be a date as YYYY-MM-DD, not '{InputText.ForTerminal(text)}'.");
            }

            date = parsed.Value;
        }

        var inputs = result.GetValue(o.Paths) ?? [];
        foreach (var input in inputs)
        {
            if (input.StartsWith("--", StringComparison.Ordinal))
            {
                return Usage(stderr, $"unknown option '{InputText.ForTerminal(input)}'.");
            }
        }

        if (inputs.Count(i => i == "-") > 1)
        {
            return Usage(stderr, "standard input (-) can be read only once.");
        }

        var degree = result.GetValue(o.Parallel);
        if (degree is < 1 or > MaxParallel)
        {
            return Usage(stderr, $"--parallel must be from 1 to {MaxParallel}.");
        }

        var jsonl = result.GetValue(o.Format) == "jsonl";
        if (jsonl && inputs.Length > 0)
        {
            return Usage(stderr, "--input-format jsonl reads standard input and takes no PATH.");
        }

        if (!jsonl && inputs.Length == 0)
        {
            return Usage(stderr, "give at least one PATH (a file, a directory, or - for standard input).");
        }

        var directory = result.GetValue(o.Output);
        if (directory is { Length: 0 })
        {
            return Usage(stderr, "--output needs a directory.");
        }

        var pipeline = date is { } d ? new NewsPipelineBuilder().WithReferenceDate(d).Build() : NewsParser.Default;
        var options = new RunOptions(pipeline, result.GetValue(o.Pretty), degree, stderr, ShowProgress(stderr), result.GetValue(o.Recursive), directory);
        var runStats = new RunStats();
        var watch = Stopwatch.StartNew();
        int code;
        if (jsonl && directory is not null)
        {
            code = RunJsonLinesToDirectory(options, directory, stdin, runStats);
        }
        else
        {
            var output = new RecordWriter(stdout);
            code = jsonl
                ? JsonLinesRunner.Run(options, stdin, output, runStats)
                : FileRunner.Run(options, inputs, stdin, output, runStats);
        }

        if (options.Progress)
        {
            stderr.WriteLine();
        }

        if (runStats.FilesWritten is { } written)
        {
            stderr.WriteLine($"newsparse: wrote {written} file{(written == 1 ? "" : "s")} to '{InputText.ForTerminal(directory!)}'");
        }

        if (result.GetValue(o.Stats))
        {
            runStats.Print(stderr, watch.Elapsed);
        }

        return code;
    }

    /// <summary><c>--input-format jsonl --output DIR</c>: the records of standard input go to <c>DIR/stdin.jsonl</c>.</summary>
    private static int RunJsonLinesToDirectory(RunOptions options, string directory, Stream stdin, RunStats stats)
    {
        var files = OutputFiles.Plan(directory, [], out var error, out _);
        if (files is null)
        {
            return Usage(options.Stderr, error!);
        }

        FileStream file;
        try
        {
            file = files.Open(Path.GetFullPath(Path.Combine(directory, "stdin.jsonl")));
        }
        catch (OutputException e)
        {
            options.Stderr.WriteLine($"newsparse: cannot write the output: {InputText.ForTerminal(e.Message)}");
            return ExitOutputFailed;
        }

        using (file)
        {
            var code = JsonLinesRunner.Run(options, stdin, new RecordWriter(file), stats);
            stats.FilesWritten = files.Written;
            return code;
        }
    }

    /// <summary>The more serious of two exit codes: a run-ending failure (5 and up) over a failed parse (4) over a
    /// failed input (1) over success.</summary>
    internal static int Worse(int a, int b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(int code) => code switch
    {
        ExitOk => 0,
        ExitSomeFailed => 1,
        ExitNoArticle => 2,
        ExitParseFailed => 3,
        _ => 4 + code,
    };

    /// <summary>Ends a run: flushes the records written so far (unless the output itself failed) and turns the failure
    /// that stopped the run, if any, into its message and exit code.</summary>
    internal static int Finish(Exception? failure, RecordWriter output, TextWriter stderr, int exit)
    {
        if (failure is not OutputException)
        {
            try
            {
                output.Flush();
            }
            catch (OutputException e)
            {
                failure ??= e;
            }
        }

        switch (failure)
        {
            case null:
                return exit;
            case OutputException { Closed: true }:
                stderr.WriteLine("newsparse: the output was closed; stopping.");
                return Worse(exit, ExitOutputClosed);
            case OutputException e:
                stderr.WriteLine($"newsparse: cannot write the output: {InputText.ForTerminal(e.Message)}; the records before were written whole.");
                return Worse(exit, ExitOutputFailed);
            case OutOfMemoryException:
                stderr.WriteLine("newsparse: out of memory; the records before were written, the run stops.");
                return Worse(exit, ExitOutOfMemory);
            default:
                stderr.WriteLine($"newsparse: cannot read the input: {failure.GetType().Name}: {InputText.ForTerminal(failure.Message)}; the records before were written.");
                return Worse(exit, ExitInputFailed);
        }
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine($"newsparse: {message} Run 'newsparse parse --help' for usage.");
        return ExitUsage;
    }

    /// <summary>A progress line is shown only when standard error is the console and a terminal.</summary>
    private static bool ShowProgress(TextWriter stderr) => stderr == Console.Error && !Console.IsErrorRedirected;

    internal static JsonWriterOptions JsonOptions(bool pretty) =>
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = pretty };
}

/// <summary>What one run needs besides its inputs.</summary>
internal sealed record RunOptions(NewsPipeline Pipeline, bool Pretty, int Parallelism, TextWriter Stderr, bool Progress, bool Recursive = false, string? OutputDirectory = null);

/// <summary>The arguments and options of <c>newsparse parse</c>.</summary>
internal sealed record ParseOptions(
    Argument<string[]> Paths,
    Option<string?> Published,
    Option<bool> Pretty,
    Option<bool> Stats,
    Option<string> Format,
    Option<int> Parallel,
    Option<bool> Recursive,
    Option<string?> Output);
