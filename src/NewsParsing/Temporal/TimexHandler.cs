using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using NewsParsing.Text;

namespace NewsParsing.Temporal;

/// <summary>
/// Formats a TIMEX value (<c>$"{year:D4}-{month:D2}"</c>) invariantly into a pooled buffer and returns it atomised by
/// the parse workspace's <see cref="NameTable"/>, so recurring values ("2021-10-05") do not cost a new string per article.
/// </summary>
[InterpolatedStringHandler]
internal ref struct TimexHandler
{
    private readonly NameTable _names;
    private char[] _buffer;
    private int _length;

    public TimexHandler(int literalLength, int formattedCount, NameTable names)
    {
        _names = names;
        _buffer = ArrayPool<char>.Shared.Rent(Math.Max(32, literalLength + (formattedCount * 11)));
        _length = 0;
    }

    public void AppendLiteral(string value) => AppendSpan(value);

    public void AppendFormatted(string? value) => AppendSpan(value);

    public void AppendFormatted<T>(T value, string? format = null)
        where T : ISpanFormattable
    {
        // A TIMEX3 year has four digits, 0001 to 9999: a year the calendar has but TIMEX cannot write (0, -9998, from
        // "yesterday" on 0001-01-01) leaves the range like a NodaTime overflow, and the scanner skips the expression with
        // DiagnosticCodes.DateOutOfRange. typeof(T) is a JIT-time constant, so other arguments pay nothing.
        if (typeof(T) == typeof(int) && format == "D4" && (int)(object)value is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A TIMEX year has four digits (0001 to 9999).");
        }

        int written;
        while (!value.TryFormat(_buffer.AsSpan(_length), out written, format, CultureInfo.InvariantCulture))
        {
            Grow(_buffer.Length);
        }

        _length += written;
    }

    /// <summary>The formatted value, atomised; the buffer goes back to the pool.</summary>
    public string ToStringAndClear()
    {
        var result = _names.Get(_buffer.AsSpan(0, _length));
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
        return result;
    }

    private void AppendSpan(ReadOnlySpan<char> value)
    {
        if (_length + value.Length > _buffer.Length)
        {
            Grow(value.Length);
        }

        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
    }

    private void Grow(int extra)
    {
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
