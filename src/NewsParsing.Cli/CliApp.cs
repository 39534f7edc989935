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

    /// <summary>Exit code when some inputs could not be read or parsed.</summary>
    public const int ExitSomeFailed = 1;

    /// <summary>Exit code for usage errors.</summary>
    public const int ExitUsage = 2;

    /// <summary>Runs <c>newsparse</c> with the given arguments and streams.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="stdin">Standard input (read for the path <c>-</c> and for <c>--input-format jsonl</c>).</param>
    /// <param name="stdout">Standard output: JSON Lines.</param>
    /// <param name="stderr">Standard error: error lines, progress and statistics.</param>
    /// <returns>0 when all inputs parsed, 1 when some failed, 2 for usage errors.</returns>
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

        var parse = new Command("parse", "Parse news articles and print one JSON object per article (JSON Lines), in input order.");
        parse.Arguments.Add(paths);
        parse.Options.Add(published);
        parse.Options.Add(pretty);
        parse.Options.Add(stats);
        parse.Options.Add(format);
        parse.Options.Add(parallel);

        var root = new RootCommand("newsparse: turns news-wire articles into structured JSON.");
        root.Subcommands.Add(parse);

        var exit = ExitOk;
        parse.SetAction(result =>
        {
            exit = RunParse(result, paths, published, pretty, stats, format, parallel, stdin, stdout, stderr);
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

    private static int RunParse(
        ParseResult result,
        Argument<string[]> paths,
        Option<string?> published,
        Option<bool> pretty,
        Option<bool> stats,
        Option<string> format,
        Option<int> parallel,
        Stream stdin,
        Stream stdout,
        TextWriter stderr)
    {
        LocalDate? date = null;
        if (result.GetValue(published) is { } text)
        {
            var parsed = LocalDatePattern.Iso.Parse(text);
            if (!parsed.Success)
            {
                return Usage(stderr, $"--published must be a date as YYYY-MM-DD, not '{text}'.");
            }

            date = parsed.Value;
        }

        var inputs = result.GetValue(paths) ?? [];
        foreach (var input in inputs)
        {
            if (input.StartsWith("--", StringComparison.Ordinal))
            {
                return Usage(stderr, $"unknown option '{input}'.");
            }
        }

        var degree = result.GetValue(parallel);
        if (degree < 1)
        {
            return Usage(stderr, "--parallel must be at least 1.");
        }

        var jsonl = result.GetValue(format) == "jsonl";
        if (jsonl && inputs.Length > 0)
        {
            return Usage(stderr, "--input-format jsonl reads standard input and takes no PATH.");
        }

        if (!jsonl && inputs.Length == 0)
        {
            return Usage(stderr, "give at least one PATH (a file, a directory, or - for standard input).");
        }

        var pipeline = date is { } d ? new NewsPipelineBuilder().WithReferenceDate(d).Build() : NewsParser.Default;
        var options = new RunOptions(pipeline, result.GetValue(pretty), degree, stderr, ShowProgress(stderr));
        var runStats = new RunStats();
        var watch = Stopwatch.StartNew();
        var failed = jsonl
            ? JsonLinesRunner.Run(options, stdin, stdout, runStats)
            : FileRunner.Run(options, inputs, stdin, stdout, runStats);
        if (options.Progress)
        {
            stderr.WriteLine();
        }

        if (result.GetValue(stats))
        {
            runStats.Print(stderr, watch.Elapsed);
        }

        return failed ? ExitSomeFailed : ExitOk;
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
internal sealed record RunOptions(NewsPipeline Pipeline, bool Pretty, int Parallelism, TextWriter Stderr, bool Progress);
