using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;

namespace NewsParsing.Cli;

/// <summary>One record's serialised JSON (in an array rented from the shared pool), or the error of its input.</summary>
internal readonly record struct Output(byte[]? Bytes, int Length, string? Error, bool Failed);

/// <summary>A worker's reusable JSON buffer and writer: one per worker thread, owned by the runner, never shared.</summary>
internal sealed class JsonScratch : IDisposable
{
    private const int MaxKeptCapacity = 1 << 20;
    private readonly bool _pretty;
    private ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private Utf8JsonWriter _writer;

    public JsonScratch(bool pretty)
    {
        _pretty = pretty;
        _writer = new Utf8JsonWriter(_buffer, CliApp.JsonOptions(pretty));
    }

    /// <summary>Serialises one record and returns its bytes in a rented array (returned by the runner once written).</summary>
    public Output Write<TState>(TState state, Action<Utf8JsonWriter, TState> write, string? error = null, bool failed = false)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        write(_writer, state);
        _writer.Flush();
        var length = _buffer.WrittenCount;
        var bytes = ArrayPool<byte>.Shared.Rent(length + 1);
        _buffer.WrittenSpan.CopyTo(bytes);
        bytes[length] = (byte)'\n';
        if (_buffer.Capacity > MaxKeptCapacity)
        {
            // A huge record's buffer is not kept for the rest of the run.
            _writer.Dispose();
            _buffer = new ArrayBufferWriter<byte>(16 * 1024);
            _writer = new Utf8JsonWriter(_buffer, CliApp.JsonOptions(_pretty));
        }

        return new Output(bytes, length + 1, error, failed);
    }

    public void Dispose() => _writer.Dispose();
}

/// <summary>
/// Runs a stream of inputs through N workers and hands their outputs to the caller's thread in input order. No batch
/// barriers: a worker takes the next input as soon as it is free, so one slow article does not idle the others. At
/// most <c>window</c> inputs are in flight (queued, being parsed, or parsed and waiting for an earlier one), so memory
/// stays bounded however long the stream. The producer reads inputs on a thread of its own (file names, or lines of
/// standard input) and the caller's thread writes: with <c>--parallel N</c>, N threads parse.
/// </summary>
internal static class OrderedRunner
{
    /// <summary>Runs <paramref name="process"/> over <paramref name="items"/> on <paramref name="workers"/> threads and
    /// calls <paramref name="consume"/> with each output, in input order, on the calling thread.</summary>
    public static void Run<TItem>(int workers, int window, IEnumerable<TItem> items, bool pretty,
        Func<TItem, long, JsonScratch, Output> process, Action<long, Output> consume)
    {
        using var inputs = new BlockingCollection<(long Seq, TItem Item)>(window);
        using var outputs = new BlockingCollection<(long Seq, Output Output)>();
        using var permits = new SemaphoreSlim(window);
        Exception? failure = null;

        var producer = new Thread(() =>
        {
            try
            {
                long seq = 0;
                foreach (var item in items)
                {
                    permits.Wait();
                    inputs.Add((seq++, item));
                }
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                failure = e;
            }
            finally
            {
                inputs.CompleteAdding();
            }
        })
        { IsBackground = true, Name = "newsparse reader" };

        var running = workers;
        var threads = new Thread[workers];
        for (var w = 0; w < workers; w++)
        {
            threads[w] = new Thread(() =>
            {
                using var scratch = new JsonScratch(pretty);
                try
                {
                    foreach (var (seq, item) in inputs.GetConsumingEnumerable())
                    {
                        outputs.Add((seq, process(item, seq, scratch)));
                    }
                }
                finally
                {
                    if (Interlocked.Decrement(ref running) == 0)
                    {
                        outputs.CompleteAdding();
                    }
                }
            })
            { IsBackground = true, Name = $"newsparse worker {w + 1}" };
        }

        producer.Start();
        foreach (var t in threads)
        {
            t.Start();
        }

        // Reorder: outputs arrive as workers finish; each is written once all earlier ones are.
        var pending = new Dictionary<long, Output>();
        long next = 0;
        foreach (var (seq, output) in outputs.GetConsumingEnumerable())
        {
            pending[seq] = output;
            while (pending.Remove(next, out var ready))
            {
                consume(next, ready);
                if (ready.Bytes is not null)
                {
                    ArrayPool<byte>.Shared.Return(ready.Bytes);
                }

                next++;
                permits.Release();
            }
        }

        producer.Join();
        if (failure is not null)
        {
            throw new IOException("reading the inputs failed: " + failure.Message, failure);
        }
    }
}
