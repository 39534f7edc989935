using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsParsing.Model;
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

    private static readonly JsonWriterOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions PrettyJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>Runs <c>newsparse</c> with the given arguments and streams.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="stdin">Standard input (read for the path <c>-</c>).</param>
    /// <param name="stdout">Standard output: JSON Lines.</param>
    /// <param name="stderr">Standard error: error lines.</param>
    /// <returns>0 when all inputs parsed, 1 when some failed, 2 for usage errors.</returns>
    public static int Run(string[] args, Stream stdin, Stream stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var paths = new Argument<string[]>("path")
        {
            Description = "Article files, directories (their *.txt files, sorted by name) or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var published = new Option<string?>("--published")
        {
            Description = "Publication date (YYYY-MM-DD) for articles that do not state one.",
        };
        var pretty = new Option<bool>("--pretty") { Description = "Indent the JSON output." };

        var parse = new Command("parse", "Parse news articles and print one JSON object per article (JSON Lines).");
        parse.Arguments.Add(paths);
        parse.Options.Add(published);
        parse.Options.Add(pretty);

        var root = new RootCommand("newsparse: turns news-wire articles into structured JSON.");
        root.Subcommands.Add(parse);

        var exit = ExitOk;
        parse.SetAction(result =>
        {
            LocalDate? date = null;
            var text = result.GetValue(published);
            if (text is not null)
            {
                var parsed = LocalDatePattern.Iso.Parse(text);
                if (!parsed.Success)
                {
                    stderr.WriteLine($"newsparse: --published must be a date as YYYY-MM-DD, not '{text}'.");
                    exit = ExitUsage;
                    return ExitUsage;
                }

                date = parsed.Value;
            }

            var inputs = result.GetValue(paths) ?? [];
            foreach (var input in inputs)
            {
                if (input.StartsWith("--", StringComparison.Ordinal))
                {
                    stderr.WriteLine($"newsparse: unknown option '{input}'. Run 'newsparse parse --help' for usage.");
                    exit = ExitUsage;
                    return ExitUsage;
                }
            }

            exit = ParseAll(inputs, date, result.GetValue(pretty), stdin, stdout, stderr);
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

    private static int ParseAll(string[] paths, LocalDate? published, bool pretty, Stream stdin, Stream stdout, TextWriter stderr)
    {
        var pipeline = published is { } d ? new NewsParserBuilder().WithReferenceDate(d).Build() : NewsParser.Default;
        var failed = false;
        using var writer = new Utf8JsonWriter(stdout, pretty ? PrettyJson : CompactJson);
        foreach (var input in InputFiles.Enumerate(paths, stderr, ref failed))
        {
            NewsArticle article;
            try
            {
                article = ArticleInput.Parse(pipeline, input, stdin);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"newsparse: cannot read '{input.Source}': {e.Message}");
                failed = true;
                continue;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                stderr.WriteLine($"newsparse: failed to parse '{input.Source}': {e.Message}");
                failed = true;
                continue;
            }

            ArticleJsonWriter.Write(writer, input.Source, article);
            writer.Flush();
            writer.Reset();
            stdout.WriteByte((byte)'\n');
        }

        stdout.Flush();
        return failed ? ExitSomeFailed : ExitOk;
    }
}
