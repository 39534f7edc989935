using System.Diagnostics;
using System.Text;
using System.Text.Json;
using NewsParsing.Model;
using NodaTime.Text;

namespace NewsParsing.Cli;

/// <summary>
/// The streaming mode for Hadoop Streaming and Spark's <c>RDD.pipe</c>: one JSON object per line on standard input
/// (<c>{"id","text","published"?,"html"?,"url"?}</c>), one JSON line per input line on standard output, in order. A bad
/// line gives an error record for that line only. Lines are read and processed in bounded batches, so memory stays
/// flat however long the stream is.
/// </summary>
internal static class JsonLinesRunner
{
    private const int InFlightPerWorker = 64;

    public static bool Run(RunOptions options, Stream stdin, Stream stdout, RunStats stats)
    {
        var failed = false;
        var reader = new StreamReader(stdin, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var watch = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        OrderedRunner.Run(options.Parallelism, options.Parallelism * InFlightPerWorker, new LineSource(reader), pretty: false,
            (line, seq, scratch) => ProcessLine(options, line, seq + 1, stats, scratch),
            (seq, output) =>
            {
                stdout.Write(output.Bytes!, 0, output.Length);
                failed |= output.Failed;
                if (options.Progress && (watch.Elapsed - lastProgress).TotalSeconds >= 0.25)
                {
                    lastProgress = watch.Elapsed;
                    options.Stderr.Write(stats.ProgressLine(watch.Elapsed, (int)Math.Min(seq + 1, int.MaxValue), 0));
                }
            });
        stdout.Flush();
        return failed;
    }

    private static Output ProcessLine(RunOptions options, string line, long lineNumber, RunStats stats, JsonScratch scratch)
    {
        string? id = null;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("the line is not a JSON object");
            }

            id = root.TryGetProperty("id", out var idElement) ? idElement.ToString() : null;
            NodaTime.LocalDate? published = null;
            if (root.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String)
            {
                var parsed = LocalDatePattern.Iso.Parse(p.GetString()!);
                published = parsed.Success ? parsed.Value : throw new FormatException($"'published' must be YYYY-MM-DD, not '{p.GetString()}'");
            }

            var url = root.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            NewsArticle article;
            if (root.TryGetProperty("html", out var html) && html.ValueKind == JsonValueKind.String)
            {
                article = ArticleInput.ParseHtmlText(options.Pipeline, html.GetString()!, url, published);
            }
            else if (root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                article = options.Pipeline.Parse(text.GetString()!, published);
            }
            else
            {
                throw new FormatException("the object has neither 'text' nor 'html'");
            }

            stats.Add(article);
            var source = id ?? lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return scratch.Write((source, article, id), static (w, s) => ArticleJsonWriter.Write(w, s.source, s.article, s.id));
        }
        catch (Exception e) when (e is JsonException or FormatException or NotSupportedException or ArgumentException)
        {
            stats.AddFailure();
            options.Stderr.WriteLine($"newsparse: line {lineNumber}: {e.Message}");
            return scratch.Write((id, lineNumber, e.Message), static (w, s) =>
            {
                var (id, lineNumber, message) = s;
                w.WriteStartObject();
                if (id is null)
                {
                    w.WriteNull("id");
                }
                else
                {
                    w.WriteString("id", id);
                }

                w.WriteNumber("line", lineNumber);
                w.WriteString("error", message);
                w.WriteEndObject();
            }, failed: true);
        }
    }
}
