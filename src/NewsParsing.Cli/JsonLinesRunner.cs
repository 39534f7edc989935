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
    private const int LinesPerCorePerBatch = 32;

    public static bool Run(RunOptions options, Stream stdin, Stream stdout, RunStats stats)
    {
        var failed = false;
        var reader = new StreamReader(stdin, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var batchSize = Math.Max(1, options.Parallelism * LinesPerCorePerBatch);
        var lines = new List<string>(batchSize);
        var outputs = new byte[batchSize][];
        var watch = Stopwatch.StartNew();
        long lineNumber = 0;
        while (true)
        {
            lines.Clear();
            string? line;
            while (lines.Count < batchSize && (line = reader.ReadLine()) is not null)
            {
                lines.Add(line);
            }

            if (lines.Count == 0)
            {
                break;
            }

            var first = lineNumber;
            var anyFailed = 0;
            Parallel.For(0, lines.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, i =>
            {
                outputs[i] = ProcessLine(options, lines[i], first + i + 1, stats, out var ok);
                if (!ok)
                {
                    Interlocked.Exchange(ref anyFailed, 1);
                }
            });
            lineNumber += lines.Count;
            failed |= anyFailed != 0;
            for (var i = 0; i < lines.Count; i++)
            {
                stdout.Write(outputs[i]);
                stdout.WriteByte((byte)'\n');
                outputs[i] = [];
            }

            stdout.Flush();
            if (options.Progress)
            {
                options.Stderr.Write(stats.ProgressLine(watch.Elapsed, (int)Math.Min(lineNumber, int.MaxValue), 0));
            }
        }

        return failed;
    }

    private static byte[] ProcessLine(RunOptions options, string line, long lineNumber, RunStats stats, out bool ok)
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
            ok = true;
            var source = id ?? lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return PooledJson.Write(false, (source, article, id), static (w, s) => ArticleJsonWriter.Write(w, s.source, s.article, s.id));
        }
        catch (Exception e) when (e is JsonException or FormatException or NotSupportedException or ArgumentException)
        {
            stats.AddFailure();
            ok = false;
            options.Stderr.WriteLine($"newsparse: line {lineNumber}: {e.Message}");
            return PooledJson.Write(false, (id, lineNumber, e.Message), static (w, s) =>
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
            });
        }
    }

}
