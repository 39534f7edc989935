using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NewsParsing.Cli;
using NewsParsing.Model;
using NewsParsing.Tests.Cli.HandWritten;

namespace NewsParsing.Benchmarks;

/// <summary>
/// The CLI's JSON for already-parsed articles (seeds, AzerNews, 500 Reuters stories): the hand-written
/// <c>Utf8JsonWriter</c> calls the CLI used until 0.2 (baseline, linked from the tests where it is the oracle) against
/// the typed records serialised by <c>JsonSerializer</c> with the source-generated context (what the schema and the
/// equivalence test use) and by <see cref="RecordJson"/> (what the tool writes with). Times and bytes are per article.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet needs an unsealed class; [GlobalCleanup] disposes the writer.")]
public class SerialisationBenchmarks
{
    private const int Articles = 522;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private readonly RecordBuilder _records = new();
    private NewsArticle[] _articles = [];
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var parser = new NewsPipelineBuilder().Build();
        _articles = [.. Corpus.All.Take(Articles).Select(a => parser.Parse(a, new NodaTime.LocalDate(2021, 10, 5)))];
        if (_articles.Length != Articles)
        {
            Console.WriteLine($"// only {_articles.Length} articles (../shared/eval missing?): per-article figures are off");
        }

        _writer = new Utf8JsonWriter(_buffer, CliApp.JsonOptions(pretty: false));
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Articles, Description = "hand-written Utf8JsonWriter calls")]
    public long HandWritten()
    {
        long bytes = 0;
        foreach (var a in _articles)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            HandWrittenJsonWriter.Write(_writer, "source", a);
            _writer.Flush();
            bytes += _buffer.WrittenCount;
        }

        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Articles, Description = "typed records, JsonSerializer (source-generated context)")]
    public long TypedRecordsSerializer()
    {
        long bytes = 0;
        foreach (var a in _articles)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            _records.Write(_writer, "source", a, null, null, static (w, r) => JsonSerializer.Serialize(w, r, NewsparseJsonContext.Default.ArticleRecord));
            _writer.Flush();
            bytes += _buffer.WrittenCount;
        }

        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Articles, Description = "typed records, RecordJson (the tool)")]
    public long TypedRecordsDirect()
    {
        long bytes = 0;
        foreach (var a in _articles)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            _records.Write(_writer, "source", a, null, null);
            _writer.Flush();
            bytes += _buffer.WrittenCount;
        }

        return bytes;
    }
}
