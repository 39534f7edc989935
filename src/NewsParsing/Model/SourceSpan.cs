namespace NewsParsing.Model;

/// <summary>
/// A region of the parsed input: zero-based, half-open UTF-16 offsets into the original text
/// (<c>[Start, Start + Length)</c>). Every element of a <see cref="NewsArticle"/> carries one, and slicing the
/// input with it gives exactly that element's text.
/// </summary>
/// <param name="Start">Zero-based UTF-16 offset of the first character.</param>
/// <param name="Length">Number of UTF-16 code units.</param>
public readonly record struct SourceSpan(int Start, int Length)
{
    /// <summary>The offset just past the last character (<c>Start + Length</c>).</summary>
    public int End => Start + Length;

    /// <summary>Whether the span is empty.</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>Widens <paramref name="span"/> so that neither edge falls between the halves of a surrogate pair of
    /// <paramref name="text"/> (a tokenizer that reads UTF-16 code units may cut "𝒳" in two).</summary>
    internal static SourceSpan WholeCharacters(string text, SourceSpan span)
    {
        var start = span.Start;
        var end = span.End;
        if (start > 0 && start < text.Length && char.IsLowSurrogate(text[start]) && char.IsHighSurrogate(text[start - 1]))
        {
            start--;
        }

        if (end > 0 && end < text.Length && char.IsLowSurrogate(text[end]) && char.IsHighSurrogate(text[end - 1]))
        {
            end++;
        }

        return start == span.Start && end == span.End ? span : FromBounds(start, end);
    }

    /// <summary>Creates a span from a start and an exclusive end offset.</summary>
    /// <param name="start">Inclusive start offset.</param>
    /// <param name="end">Exclusive end offset; must not be before <paramref name="start"/>.</param>
    public static SourceSpan FromBounds(int start, int end)
    {
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), "The end of a span cannot come before its start.");
        }

        return new SourceSpan(start, end - start);
    }

    /// <summary>Whether <paramref name="other"/> lies entirely inside this span.</summary>
    public bool Contains(SourceSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>Whether the two spans share at least one character.</summary>
    public bool Overlaps(SourceSpan other) => other.Start < End && Start < other.End;

    /// <summary>The text this span covers in <paramref name="text"/>.</summary>
    /// <param name="text">The original input the span refers to.</param>
    public string Slice(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Substring(Start, Length);
    }

    /// <summary>The characters this span covers in <paramref name="text"/>, without allocating.</summary>
    /// <param name="text">The original input the span refers to.</param>
    public ReadOnlySpan<char> AsSpan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan(Start, Length);
    }

    /// <inheritdoc />
    public override string ToString() => $"[{Start}..{End})";
}
