using System.Buffers;
using System.Text.Json;

namespace NewsParsing.Cli;

/// <summary>One record's serialised JSON (in an array rented from the shared pool), and the error of its input: a
/// message for standard error and the exit code it asks for (<see cref="CliApp.ExitOk"/> when none).</summary>
internal readonly record struct Output(byte[]? Bytes, int Length, string? Error, int Failure)
{
    public bool Failed => Failure != CliApp.ExitOk;
}

/// <summary>A worker's reusable JSON buffer and writer: one per worker thread, owned by the runner, never shared.</summary>
internal sealed class JsonScratch : IDisposable
{
    private const int MaxKeptCapacity = 1 << 20;
    private readonly bool _pretty;
    private ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private Utf8JsonWriter _writer;

    /// <summary>The worker's record builder (reused for every article it writes).</summary>
    public RecordBuilder Records { get; } = new();

    public JsonScratch(bool pretty)
    {
        _pretty = pretty;
        _writer = new Utf8JsonWriter(_buffer, CliApp.JsonOptions(pretty));
    }

    /// <summary>Serialises one record and returns its bytes in a rented array (returned by the runner once written).</summary>
    public Output Write<TState>(TState state, Action<Utf8JsonWriter, TState> write, string? error = null, int failure = CliApp.ExitOk)
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

        return new Output(bytes, length + 1, error, failure);
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

/// <summary>One line of a JSON Lines stream, as bytes without its line end, or the length of a line too long to keep.</summary>
internal readonly record struct RawLine(byte[] Bytes, long TooLongLength);

/// <summary>
/// The lines of a byte stream, read under a lock (one reader, many workers). Only <c>\n</c> ends a line (a <c>\r</c>
/// before it is dropped), so a raw carriage return inside a line is JSON white space, not a second record; bytes are
/// kept as they are so that invalid UTF-8 can be reported, not silently replaced. A line longer than
/// <see cref="MaxLineBytes"/> is skipped to its end and handed out as too long, so one huge line cannot exhaust memory.
/// </summary>
internal sealed class ByteLineSource(Stream stream, int maxLineBytes = ByteLineSource.MaxLineBytes) : IInputSource<RawLine>, IDisposable
{
    /// <summary>The longest line kept: 256 MiB.</summary>
    public const int MaxLineBytes = 256 << 20;

    private readonly Lock _lock = new();
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly MemoryStream _line = new();
    private int _start;
    private int _end;
    private long _next;
    private bool _eof;
    private bool _first = true;

    public void Dispose() => _line.Dispose();

    public bool TryTake(out long seq, out RawLine item)
    {
        lock (_lock)
        {
            seq = _next;
            if (!ReadLine(out item))
            {
                return false;
            }

            _next++;
            return true;
        }
    }

    private bool ReadLine(out RawLine item)
    {
        _line.SetLength(0);
        long length = 0;
        var tooLong = false;
        var any = false;
        while (true)
        {
            if (_start == _end)
            {
                if (_eof || (_end = stream.Read(_buffer, 0, _buffer.Length)) == 0)
                {
                    _eof = true;
                    _start = _end = 0;
                    if (!any)
                    {
                        item = default;
                        return false;
                    }

                    break;
                }

                _start = 0;
            }

            any = true;
            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf((byte)'\n');
            var take = newline < 0 ? span : span[..newline];
            length += take.Length;
            if (!tooLong && length > maxLineBytes)
            {
                tooLong = true;
                _line.SetLength(0);
                _line.Capacity = 0;
            }

            if (!tooLong)
            {
                _line.Write(take);
            }

            _start += newline < 0 ? span.Length : newline + 1;
            if (newline >= 0)
            {
                break;
            }
        }

        if (tooLong)
        {
            item = new RawLine([], length);
            return true;
        }

        var bytes = _line.GetBuffer().AsSpan(0, (int)_line.Length);
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        if (_first && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        _first = false;
        item = new RawLine(bytes.ToArray(), 0);
        if (_line.Capacity > 4 << 20)
        {
            // A huge line's buffer is not kept for the rest of the stream.
            _line.SetLength(0);
            _line.Capacity = 0;
        }

        return true;
    }
}

/// <summary>
/// Runs inputs through N workers and writes their outputs in input order. No batch barriers and no hand-offs: each
/// worker takes the next input, parses and serialises it into its own buffer, puts the output in a ring of slots, and
/// whichever worker holds the write turn writes every output that is ready in order. The calling thread is one of the
/// workers, so <c>--parallel 1</c> runs on one thread. At most <c>window</c> inputs are taken and not yet written, and
/// a worker takes no new input while the serialised records waiting for their turn exceed a byte budget, so memory
/// stays bounded however long the stream, however big the records and however slow one input is.
/// </summary>
internal static class OrderedRunner
{
    /// <summary>Serialised bytes that may wait for their turn before workers stop taking inputs.</summary>
    public const long DefaultByteBudget = 64L << 20;

    /// <summary>Runs <paramref name="process"/> over the inputs of <paramref name="source"/> on <paramref name="workers"/>
    /// threads (the caller's among them) and calls <paramref name="consume"/> with each output in input order, one call
    /// at a time. <paramref name="process"/> turns every failure of one input into its output; anything that escapes it
    /// or <paramref name="consume"/> (out of memory, the output failing, the input stream failing) stops every worker
    /// and is returned, after the outputs before it were consumed.</summary>
    public static Exception? Run<TItem>(int workers, int window, IInputSource<TItem> source, bool pretty,
        Func<TItem, long, JsonScratch, Output> process, Action<long, Output> consume, long byteBudget = DefaultByteBudget)
    {
        var ring = new Ring(window, byteBudget, consume);
        Exception? failure = null;
        void Work()
        {
            try
            {
                using var scratch = new JsonScratch(pretty);
                while (ring.WaitForRoom())
                {
                    if (!source.TryTake(out var seq, out var item))
                    {
                        ring.ReturnRoom();
                        break;
                    }

                    ring.Complete(seq, process(item, seq, scratch));
                }
            }
#pragma warning disable CA1031 // Any failure here ends the run: it is handed to the caller, which reports it and exits with its code.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Interlocked.CompareExchange(ref failure, e, null);
                ring.Stop();
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

        return failure;
    }

    /// <summary>The outputs taken and not yet written, by sequence number modulo the window. One lock guards the
    /// counters; records are written outside it, by one worker at a time (the write turn).</summary>
    private sealed class Ring(int window, long byteBudget, Action<long, Output> consume)
    {
        private readonly Output[] _slots = new Output[window];
        private readonly bool[] _ready = new bool[window];
        private readonly object _gate = new(); // Monitor.Wait/PulseAll need a monitor, not a System.Threading.Lock
        private long _next;
        private int _inFlight;
        private long _waitingBytes;
        private bool _writing;
        private bool _stopped;

        /// <summary>Waits until an input may be taken; false once the run has stopped.</summary>
        public bool WaitForRoom()
        {
            lock (_gate)
            {
                while (!_stopped && (_inFlight >= _slots.Length || _waitingBytes > byteBudget))
                {
                    Monitor.Wait(_gate);
                }

                if (_stopped)
                {
                    return false;
                }

                _inFlight++;
                return true;
            }
        }

        public void ReturnRoom()
        {
            lock (_gate)
            {
                _inFlight--;
                Monitor.PulseAll(_gate);
            }
        }

        public void Stop()
        {
            lock (_gate)
            {
                _stopped = true;
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>Stores output <paramref name="seq"/> and writes whatever is ready in order, unless another worker
        /// holds the write turn (it then writes this one too: it checks again under the lock before giving the turn up).</summary>
        public void Complete(long seq, Output output)
        {
            lock (_gate)
            {
                var slot = (int)(seq % _slots.Length);
                _slots[slot] = output;
                _ready[slot] = true;
                _waitingBytes += output.Length;
                if (_writing)
                {
                    return;
                }

                _writing = true;
            }

            try
            {
                while (true)
                {
                    Output ready;
                    long n;
                    lock (_gate)
                    {
                        var next = (int)(_next % _slots.Length);
                        if (_stopped || !_ready[next])
                        {
                            _writing = false;
                            return;
                        }

                        ready = _slots[next];
                        _slots[next] = default;
                        _ready[next] = false;
                        n = _next;
                    }

                    try
                    {
                        consume(n, ready);
                    }
                    finally
                    {
                        if (ready.Bytes is not null)
                        {
                            ArrayPool<byte>.Shared.Return(ready.Bytes);
                        }

                        lock (_gate)
                        {
                            _next++;
                            _inFlight--;
                            _waitingBytes -= ready.Length;
                            Monitor.PulseAll(_gate);
                        }
                    }
                }
            }
            catch
            {
                lock (_gate)
                {
                    _writing = false;
                }

                throw;
            }
        }
    }
}
