using System.Buffers;
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

/// <summary>Inputs for <see cref="OrderedRunner"/>: handed out one at a time, in order, to any worker.</summary>
internal interface IInputSource<TItem>
{
    /// <summary>The next input and its sequence number, or false at the end. Called by several threads.</summary>
    bool TryTake(out long seq, out TItem item);
}

/// <summary>The files of a run, by index.</summary>
internal sealed class ListSource<TItem>(IReadOnlyList<TItem> items) : IInputSource<TItem>
{
    private long _next = -1;

    public bool TryTake(out long seq, out TItem item)
    {
        seq = Interlocked.Increment(ref _next);
        if (seq < items.Count)
        {
            item = items[(int)seq];
            return true;
        }

        item = default!;
        return false;
    }
}

/// <summary>The lines of a reader, read under a lock (one reader, many workers).</summary>
internal sealed class LineSource(TextReader reader) : IInputSource<string>
{
    private readonly Lock _lock = new();
    private long _next;

    public bool TryTake(out long seq, out string item)
    {
        lock (_lock)
        {
            seq = _next++;
            item = reader.ReadLine()!;
            return item is not null;
        }
    }
}

/// <summary>
/// Runs inputs through N workers and writes their outputs in input order. No batch barriers and no hand-offs: each
/// worker takes the next input, parses and serialises it into its own buffer, puts the output in a ring of slots, and
/// whichever worker holds the write turn writes every output that is ready in order. The calling thread is one of the
/// workers, so <c>--parallel 1</c> runs on one thread with no synchronisation cost. At most <c>window</c> inputs are
/// taken and not yet written, so memory stays bounded however long the stream and however slow one input is.
/// </summary>
internal static class OrderedRunner
{
    /// <summary>Runs <paramref name="process"/> over the inputs of <paramref name="source"/> on <paramref name="workers"/>
    /// threads (the caller's among them) and calls <paramref name="consume"/> with each output in input order, one call
    /// at a time.</summary>
    public static void Run<TItem>(int workers, int window, IInputSource<TItem> source, bool pretty,
        Func<TItem, long, JsonScratch, Output> process, Action<long, Output> consume)
    {
        using var ring = new Ring(window, consume);
        Exception? failure = null;
        void Work()
        {
            using var scratch = new JsonScratch(pretty);
            try
            {
                while (Volatile.Read(ref failure) is null)
                {
                    ring.WaitForRoom();
                    if (!source.TryTake(out var seq, out var item))
                    {
                        ring.ReturnRoom();
                        break;
                    }

                    ring.Complete(seq, process(item, seq, scratch));
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
            {
                Interlocked.CompareExchange(ref failure, e, null); // e.g. standard output closed: every worker stops
            }
        }

        var threads = new Thread[workers - 1];
        for (var w = 0; w < threads.Length; w++)
        {
            threads[w] = new Thread(Work) { IsBackground = true, Name = $"newsparse worker {w + 2}" };
            threads[w].Start();
        }

        Work();
        foreach (var t in threads)
        {
            t.Join();
        }

        if (failure is not null)
        {
            throw new IOException(failure.Message, failure);
        }
    }

    /// <summary>The outputs taken and not yet written, by sequence number modulo the window.</summary>
    private sealed class Ring(int window, Action<long, Output> consume) : IDisposable
    {
        private readonly Output[] _slots = new Output[window];
        private readonly bool[] _ready = new bool[window];
        private readonly SemaphoreSlim _room = new(window);
        private readonly Lock _writeTurn = new();
        private long _next;

        public void WaitForRoom() => _room.Wait();

        public void ReturnRoom() => _room.Release();

        public void Dispose() => _room.Dispose();

        /// <summary>Stores output <paramref name="seq"/> and writes whatever is ready in order, unless another worker
        /// holds the write turn (it then writes this one too: it checks again after giving the turn up).</summary>
        public void Complete(long seq, Output output)
        {
            var slot = (int)(seq % _slots.Length);
            _slots[slot] = output;
            Volatile.Write(ref _ready[slot], true);
            while (IsNextReady() && _writeTurn.TryEnter())
            {
                try
                {
                    while (IsNextReady())
                    {
                        var next = (int)(_next % _slots.Length);
                        var ready = _slots[next];
                        _slots[next] = default;
                        Volatile.Write(ref _ready[next], false);
                        try
                        {
                            consume(_next, ready);
                        }
                        finally
                        {
                            if (ready.Bytes is not null)
                            {
                                ArrayPool<byte>.Shared.Return(ready.Bytes);
                            }

                            Volatile.Write(ref _next, _next + 1);
                            _room.Release();
                        }
                    }
                }
                finally
                {
                    _writeTurn.Exit();
                }
            }
        }

        private bool IsNextReady() => Volatile.Read(ref _ready[(int)(Volatile.Read(ref _next) % _slots.Length)]);
    }
}
