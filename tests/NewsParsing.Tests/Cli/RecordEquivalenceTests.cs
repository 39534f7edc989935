using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsParsing.Cli;
using NewsParsing.Model;
using NewsParsing.Tests.Cli.HandWritten;
using NewsParsing.Tests.Infrastructure;

namespace NewsParsing.Tests.Cli;

/// <summary>
/// The typed records (ArticleRecord, source-generated serialiser) write byte for byte what the hand-written writer
/// wrote, on the seeds, 400 Reuters stories, the AzerNews stories and real HTML pages, compact and indented, with and
/// without a jsonl id and tool diagnostics. A field renamed, reordered, dropped or written differently fails here.
/// </summary>
public class RecordEquivalenceTests
{
    public static IEnumerable<(string Source, NewsArticle Article)> Articles()
    {
        foreach (var seed in Golden.Seeds)
        {
            yield return ("seeds/" + seed, NewsParser.Parse(File.ReadAllText(Path.Combine(Paths.Seeds, seed))));
        }

        // A tolerance (none in the corpora below): the spec of quantities.md reads it as 9.81, tol=0.02.
        yield return ("tolerance", NewsParser.Parse("LONDON, Oct 5 (Reuters) - Gravity there was measured at 9.81 +/- 0.02 m/s2, the survey said.\n"));

        if (!Paths.EvalAvailable)
        {
            yield break;
        }

        var parser = new NewsPipelineBuilder().WithReferenceDate(new NodaTime.LocalDate(1987, 3, 1)).Build();
        foreach (var story in ReutersCorpus.WithDateline.Take(400))
        {
            yield return (story.Id, parser.Parse(story.Text));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(Paths.Eval, "azernews"), "*.txt").Order(StringComparer.Ordinal))
        {
            yield return (file, NewsParser.Parse(File.ReadAllText(file)));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(Paths.Eval, "html", "fundus"), "*.html.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(40))
        {
            using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(file), System.IO.Compression.CompressionMode.Decompress);
            yield return (file, NewsParser.ParseHtml(gzip));
        }
    }

    [Fact]
    public void The_typed_records_write_what_the_hand_written_writer_wrote()
    {
        var builder = new RecordBuilder();
        var damage = new List<Diagnostic> { CliDiagnostics.InvalidUtf8Replaced() };
        var count = 0;
        foreach (var (source, article) in Articles())
        {
            foreach (var pretty in new[] { false, true })
            {
                foreach (var (id, extra) in new[] { ((string?)null, (List<Diagnostic>?)null), ("line-7", damage) })
                {
                    var expected = Write(pretty, w => HandWrittenJsonWriter.Write(w, source, article, id, extra));
                    var actual = Write(pretty, w => builder.Write(w, source, article, id, extra));
                    actual.Should().Be(expected, $"{source} (pretty: {pretty}, id: {id})");
                }
            }

            count++;
        }

        count.Should().BeGreaterThanOrEqualTo(Paths.EvalAvailable ? 400 : 3);
    }

    [Fact]
    public void An_error_record_has_its_fields_in_order_and_a_camel_case_code()
    {
        var json = Write(false, w => new RecordBuilder().WriteError(w, "a\u00e9", 3, "the line is not a JSON object", ErrorCode.InvalidJson));
        json.Should().Be("""{"id":"aé","line":3,"error":"the line is not a JSON object","code":"invalidJson"}""");
    }

    [Fact]
    public void The_direct_writer_writes_what_the_source_generated_serialiser_writes_for_the_same_records()
    {
        // RecordJson (the tool's writer) against JsonSerializer with NewsparseJsonContext (the schema's source), on the
        // same records: a property added to, removed from or changed in the types without the writer fails here.
        var builder = new RecordBuilder();
        var damage = new List<Diagnostic> { CliDiagnostics.InvalidUtf8Replaced() };
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (source, article) in Articles())
        {
            foreach (var pretty in new[] { false, true })
            {
                foreach (var (id, extra) in new[] { ((string?)null, (List<Diagnostic>?)null), ("line-7", damage) })
                {
                    var expected = Write(pretty, w => builder.Write(w, source, article, id, extra, static (w, r) => JsonSerializer.Serialize(w, r, NewsparseJsonContext.Default.ArticleRecord)));
                    var actual = Write(pretty, w => builder.Write(w, source, article, id, extra));
                    actual.Should().Be(expected, $"{source} (pretty: {pretty}, id: {id})");
                    if (!pretty)
                    {
                        CollectNames(JsonDocument.Parse(actual).RootElement, names);
                    }
                }
            }
        }

        foreach (var code in Enum.GetValues<ErrorCode>())
        {
            var expected = Write(false, w => builder.WriteError(w, "7", 7, "bad \"line\"", code, static (w, r) => JsonSerializer.Serialize(w, r, NewsparseJsonContext.Default.ErrorRecord)));
            var actual = Write(false, w => builder.WriteError(w, "7", 7, "bad \"line\"", code));
            actual.Should().Be(expected, code.ToString());
            CollectNames(JsonDocument.Parse(actual).RootElement, names);
        }

        if (Paths.EvalAvailable)
        {
            // The comparison above covers a field only if the corpus has it: every field of the schema must occur.
            var schemaNames = new HashSet<string>(StringComparer.Ordinal);
            CollectSchemaNames(JsonNode.Parse(NewsparseSchema.Generate())!, schemaNames);
            schemaNames.Except(names).Should().BeEmpty("every output field must be exercised by the comparison");
        }
    }

    private static void CollectNames(JsonElement e, HashSet<string> names)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                names.Add(p.Name);
                CollectNames(p.Value, names);
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                CollectNames(item, names);
            }
        }
    }

    private static void CollectSchemaNames(JsonNode node, HashSet<string> names)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, value) in o)
            {
                if (key == "properties" && value is JsonObject properties)
                {
                    foreach (var (name, _) in properties)
                    {
                        names.Add(name);
                    }
                }

                if (value is not null)
                {
                    CollectSchemaNames(value, names);
                }
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var item in a)
            {
                if (item is not null)
                {
                    CollectSchemaNames(item, names);
                }
            }
        }
    }

    [Fact]
    public void A_huge_body_written_in_segments_is_the_same_bytes()
    {
        // Over 64 K characters the writer hands the header, body and trailer text to Utf8JsonWriter in segments (so a
        // 100 M-character body does not ask for a buffer six times its size); escapes, control characters and surrogate
        // pairs on and around the segment edges must come out exactly as one WriteString writes them.
        var piece = new StringBuilder();
        piece.Append("The \"talks\" ended \\ in Baku.\u0001 Caf\u00e9 \U0001F600 <b>&</b>\t");
        var body = new StringBuilder("Big story\n\n");
        var i = 0;
        while (body.Length < 300_000)
        {
            // shift the pieces so that a pair falls on every position relative to a 16 K boundary
            body.Append(piece).Append('x', i++ % 7).Append("\U0001F30D\n");
        }

        var text = body.ToString();
        var article = NewsParser.Parse(text);
        article.Body.Text.Length.Should().BeGreaterThan(4 * 16 * 1024, "the body must take the segmented path");
        var builder = new RecordBuilder();
        foreach (var pretty in new[] { false, true })
        {
            var expected = Write(pretty, w => builder.Write(w, "big.txt", article, null, null, static (w, r) => JsonSerializer.Serialize(w, r, NewsparseJsonContext.Default.ArticleRecord)));
            var actual = Write(pretty, w => builder.Write(w, "big.txt", article, null, null));
            actual.Should().Be(expected);
            JsonDocument.Parse(actual).RootElement.GetProperty("body").GetProperty("text").GetString().Should().Be(article.Body.Text.ToString());
        }
    }

    private static string Write(bool pretty, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CliApp.JsonOptions(pretty)))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
