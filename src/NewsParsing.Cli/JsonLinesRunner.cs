using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using NewsParsing.Model;
using NodaTime.Text;

namespace NewsParsing.Cli;

/// <summary>
/// The streaming mode for Hadoop Streaming, Spark's <c>RDD.pipe</c> and Dask: one JSON object per line on standard
/// input (<c>{"id","text","published"?,"html"?,"url"?}</c>), one JSON line per input line on standard output, in
/// order, with <c>"id"</c> first (the line number when the input has none). Each line is parsed and written on its
/// own: anything that goes wrong with one line — bad JSON, a missing field, an exception from the library — gives an
/// error record <c>{"id","line","error","code"}</c> for that line only. Lines are read and processed in bounded
/// batches, so memory stays flat however long the stream is.
/// </summary>
internal static class JsonLinesRunner
{
    private const int InFlightPerWorker = 64;

    private static readonly UTF8Encoding Replacing = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static int Run(RunOptions options, Stream stdin, RecordWriter stdout, RunStats stats)
    {
        var watch = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        var (failure, exit) = Run(options, stdin, null, stdout, stats, seq =>
        {
            if (options.Progress && (watch.Elapsed - lastProgress).TotalSeconds >= 0.25)
            {
                lastProgress = watch.Elapsed;
                options.Stderr.Write(stats.ProgressLine(watch.Elapsed, (int)Math.Min(seq + 1, int.MaxValue), 0));
            }
        });
        return CliApp.Finish(failure, stdout, options.Stderr, exit);
    }

    /// <summary>Runs the lines of <paramref name="input"/> (standard input, or the <c>.jsonl</c> file
    /// <paramref name="file"/> of a files-mode run, named in its error messages) and writes a record per line to
    /// <paramref name="output"/>, without flushing it. Returns what stopped the run, if anything, and the exit code of the
    /// lines.</summary>
    public static (Exception? Failure, int Exit) Run(RunOptions options, Stream input, string? file, RecordWriter output, RunStats stats, Action<long> progress)
    {
        var exit = CliApp.ExitOk;
        var where = file is null ? "" : $"'{InputText.ForTerminal(file)}' ";
        using var lines = new ByteLineSource(input);
        var failure = OrderedRunner.Run(options.Parallelism, options.Parallelism * InFlightPerWorker, lines, pretty: false,
            (line, seq, scratch) => ProcessLine(options, line, seq + 1, where, stats, scratch),
            (seq, result) =>
            {
                if (result.Error is not null)
                {
                    options.Stderr.WriteLine(result.Error);
                }

                output.Write(result.Bytes.AsSpan(0, result.Length));
                exit = CliApp.Worse(exit, result.Failure);
                progress(seq);
            });
        return (failure, exit);
    }

    private static Output ProcessLine(RunOptions options, RawLine line, long lineNumber, string where, RunStats stats, JsonScratch scratch)
    {
        var id = lineNumber.ToString(CultureInfo.InvariantCulture);
        if (line.TooLongLength > 0)
        {
            return Error(where, stats, scratch, id, lineNumber, ErrorCode.LineTooLong,
                $"the line is {line.TooLongLength:N0} bytes, more than the {ByteLineSource.MaxLineBytes:N0} read", CliApp.ExitSomeFailed);
        }

        var damage = new List<Diagnostic>(0);
        ReadOnlyMemory<byte> bytes = line.Bytes;
        if (!Utf8.IsValid(bytes.Span))
        {
            damage.Add(CliDiagnostics.InvalidUtf8Replaced());
            bytes = Encoding.UTF8.GetBytes(Replacing.GetString(bytes.Span));
        }

        try
        {
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BadRecordException(ErrorCode.InvalidJson, "the line is not a JSON object");
            }

            if (root.TryGetProperty("id", out var idElement) && idElement.ValueKind != JsonValueKind.Null)
            {
                id = idElement.ValueKind == JsonValueKind.String ? ReadString(idElement, "id", damage) : idElement.ToString();
            }

            NodaTime.LocalDate? published = null;
            if (root.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String)
            {
                var text = ReadString(p, "published", damage);
                var parsed = LocalDatePattern.Iso.Parse(text);
                published = parsed.Success ? parsed.Value : throw new BadRecordException(ErrorCode.InvalidRecord, $"'published' must be YYYY-MM-DD, not '{text}'");
            }

            var url = root.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? ReadString(u, "url", damage) : null;
            NewsArticle article;
            if (root.TryGetProperty("html", out var html) && html.ValueKind == JsonValueKind.String)
            {
                article = ArticleInput.ParseHtmlText(options.Pipeline, ReadString(html, "html", damage), url, published);
            }
            else if (root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                article = options.Pipeline.Parse(ReadString(text, "text", damage), published);
            }
            else
            {
                throw new BadRecordException(ErrorCode.InvalidRecord, "the object has neither 'text' nor 'html'");
            }

            stats.Add(article);
            return scratch.Write((scratch.Records, id, article, damage), static (w, s) => s.Records.Write(w, s.id, s.article, s.id, s.damage));
        }
        catch (JsonException e)
        {
            return Error(where, stats, scratch, id, lineNumber, ErrorCode.InvalidJson, e.Message, CliApp.ExitSomeFailed);
        }
        catch (BadRecordException e)
        {
            return Error(where, stats, scratch, id, lineNumber, e.Code, e.Message, CliApp.ExitSomeFailed);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Error(where, stats, scratch, id, lineNumber, ErrorCode.ParseFailed, $"{e.GetType().Name}: {e.Message}", CliApp.ExitParseFailed);
        }
    }

    private static Output Error(string where, RunStats stats, JsonScratch scratch, string id, long lineNumber, ErrorCode code, string message, int exit)
    {
        stats.AddFailure();
        return scratch.Write((scratch.Records, id, lineNumber, message, code), static (w, s) => s.Records.WriteError(w, s.id, s.lineNumber, s.message, s.code),
            $"newsparse: {where}line {lineNumber}: {InputText.ForTerminal(message)}", exit);
    }

    /// <summary>A JSON string's value; a lone surrogate escape (<c>"\ud800"</c>), which .NET strings can hold but
    /// UTF-8 output cannot, becomes U+FFFD (one UTF-16 unit, so offsets are unchanged) with a diagnostic.</summary>
    private static string ReadString(JsonElement element, string field, List<Diagnostic> damage)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            damage.Add(CliDiagnostics.LoneSurrogateReplaced(field));
            return UnescapeReplacingLoneSurrogates(element.GetRawText());
        }
    }

    /// <summary>Unescapes a JSON string literal (quotes included), lone surrogates replaced by U+FFFD.</summary>
    internal static string UnescapeReplacingLoneSurrogates(string raw)
    {
        var chars = new StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length - 1; i++)
        {
            var c = raw[i];
            if (c != '\\')
            {
                chars.Append(c);
                continue;
            }

            c = raw[++i];
            switch (c)
            {
                case 'b': chars.Append('\b'); break;
                case 'f': chars.Append('\f'); break;
                case 'n': chars.Append('\n'); break;
                case 'r': chars.Append('\r'); break;
                case 't': chars.Append('\t'); break;
                case 'u':
                    chars.Append((char)int.Parse(raw.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: chars.Append(c); break;
            }
        }

        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return chars.ToString();
    }

    private sealed class BadRecordException(ErrorCode code, string message) : Exception(message)
    {
        public ErrorCode Code { get; } = code;
    }
}
