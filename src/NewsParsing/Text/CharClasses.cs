using System.Buffers;

namespace NewsParsing.Text;

/// <summary>Character classes shared by the scanners, as <see cref="SearchValues{T}"/> for vectorised skipping.</summary>
internal static class CharClasses
{
    /// <summary>Line breaks: LF, CR, and the Unicode line and paragraph separators.</summary>
    public static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r\u2028\u2029\u0085");

    /// <summary>Dashes that close a dateline (<c>-</c>, <c>–</c>, <c>—</c>, <c>‒</c>, <c>―</c>, and ANPA's <c>_</c>).</summary>
    public static readonly SearchValues<char> Dashes = SearchValues.Create("-\u2013\u2014\u2012\u2015_");

    /// <summary>Dashes that join or separate words and numbers inside a sentence (<c>-</c>, <c>–</c>, <c>—</c>, <c>‒</c>).</summary>
    public static readonly SearchValues<char> InlineDashes = SearchValues.Create("-\u2013\u2014\u2012");

    /// <summary>Whether <paramref name="c"/> is white space or an ignorable control character (kept in gaps between segments).</summary>
    public static bool IsSpaceOrControl(char c) => char.IsWhiteSpace(c) || char.IsControl(c);

    /// <summary>Whether <paramref name="c"/> is horizontal white space (not a line break).</summary>
    public static bool IsInlineSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u2009' or '\u202F' or '\f' or '\v';

    /// <summary>Index of the first character that is not white space or control at or after <paramref name="start"/>.</summary>
    public static int SkipSpace(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length && IsSpaceOrControl(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Index of the first character that is not horizontal space at or after <paramref name="start"/>.</summary>
    public static int SkipInlineSpace(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        while (i < text.Length && IsInlineSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>The end of <paramref name="text"/> with trailing white space and control characters removed.</summary>
    public static int TrimEnd(ReadOnlySpan<char> text, int start, int end)
    {
        while (end > start && IsSpaceOrControl(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
