using System.Collections.Immutable;
using NewsParsing.Model;

namespace NewsParsing.Html;

/// <summary>
/// The source map of an article read from HTML: the article's <see cref="NewsArticle.Text"/> is built from pieces of
/// the page (headline, byline, paragraphs), and each piece remembers the element it came from. Offsets map back to the
/// zero-based UTF-16 offset of that element's start tag in the page.
/// </summary>
public sealed class HtmlSource
{
    private readonly ImmutableArray<(int TextStart, int TextEnd, int HtmlStart, int HtmlEnd)> _pieces;

    internal HtmlSource(string html, ImmutableArray<(int TextStart, int TextEnd, int HtmlStart, int HtmlEnd)> pieces)
    {
        Html = html;
        _pieces = pieces;
    }

    /// <summary>The page as decoded.</summary>
    public string Html { get; }

    /// <summary>The number of mapped pieces.</summary>
    public int Count => _pieces.Length;

    /// <summary>
    /// The offset in <see cref="Html"/> of the element a text offset came from, or -1 for the white space the parser
    /// put between pieces.
    /// </summary>
    /// <param name="textOffset">An offset into the article's text.</param>
    public int MapToHtml(int textOffset)
    {
        int lo = 0, hi = _pieces.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var p = _pieces[mid];
            if (textOffset < p.TextStart)
            {
                hi = mid - 1;
            }
            else if (textOffset >= p.TextEnd)
            {
                lo = mid + 1;
            }
            else
            {
                return p.HtmlStart;
            }
        }

        return -1;
    }

    /// <summary>The span of the page elements a text span came from (from the first piece's element to the last's end).</summary>
    /// <param name="span">A span of the article's text.</param>
    public SourceSpan? MapToHtml(SourceSpan span)
    {
        int start = -1, end = -1;
        foreach (var p in _pieces)
        {
            if (p.TextEnd <= span.Start || p.TextStart >= span.End)
            {
                continue;
            }

            start = start < 0 ? p.HtmlStart : Math.Min(start, p.HtmlStart);
            end = Math.Max(end, p.HtmlEnd);
        }

        return start < 0 ? null : SourceSpan.FromBounds(start, Math.Max(start, end));
    }
}
