using System.Buffers;
using System.Text.Json;

namespace NewsParsing.Cli;

/// <summary>
/// Serialises one JSON record into a per-thread buffer and writer (reset for each record) and returns its bytes: one
/// array per record instead of a stream that grows by doubling and a writer per record.
/// </summary>
internal static class PooledJson
{
    private const int MaxKeptCapacity = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_prettyWriter;

    public static byte[] Write<TState>(bool pretty, TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        var writer = pretty
            ? t_prettyWriter ??= new Utf8JsonWriter(buffer, CliApp.JsonOptions(true))
            : t_writer ??= new Utf8JsonWriter(buffer, CliApp.JsonOptions(false));
        writer.Reset(buffer);
        write(writer, state);
        writer.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > MaxKeptCapacity)
        {
            // A huge record's buffer is not kept for the thread's lifetime.
            t_buffer = null;
            t_writer = null;
            t_prettyWriter = null;
        }

        return bytes;
    }
}
