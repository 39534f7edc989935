using System.Buffers;
using System.Text;
using System.Text.Json;
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

        count.Should().BeGreaterThanOrEqualTo(Paths.EvalAvailable ? 400 : 2);
    }

    [Fact]
    public void An_error_record_has_its_fields_in_order_and_a_camel_case_code()
    {
        var json = Write(false, w => new RecordBuilder().WriteError(w, "a\u00e9", 3, "the line is not a JSON object", ErrorCode.InvalidJson));
        json.Should().Be("""{"id":"aé","line":3,"error":"the line is not a JSON object","code":"invalidJson"}""");
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
