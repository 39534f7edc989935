using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using NodaTime;
using NodaTime.Text;

namespace NewsParsing.Html;

/// <summary>What was read from a page before the text pipeline runs.</summary>
internal sealed class HtmlExtraction
{
    public string? Headline { get; set; }

    public List<string> Authors { get; } = [];

    public OffsetDateTime? Published { get; set; }

    public string? Publisher { get; set; }

    public string? Url { get; set; }

    /// <summary>The main-text paragraphs with the page offsets of their elements.</summary>
    public List<(string Text, int HtmlStart, int HtmlEnd)> Paragraphs { get; } = [];

    public int HeadlineHtmlStart { get; set; } = -1;

    public bool Truncated { get; set; }
}

/// <summary>
/// Reads a news page with AngleSharp: metadata in the order a careful extractor trusts it (schema.org JSON-LD, then
/// OpenGraph and <c>article:*</c> meta, then <c>&lt;meta name&gt;</c>, <c>&lt;time datetime&gt;</c>, byline elements,
/// the page's <c>&lt;h1&gt;</c>/<c>&lt;title&gt;</c>), and the main text by a readability-style scorer over paragraph
/// elements and blocks of bare text. Every walk over the tree is iterative and counted against the page's
/// <see cref="Budget"/>, so deep or huge pages cannot overflow the stack or run away.
/// </summary>
internal static partial class HtmlExtractor
{
    private const int MinParagraphLength = 25;

    /// <summary>Class or id words of what is never the article.</summary>
    private static readonly string[] StrongNegative = ["nav", "footer", "share", "social", "related", "comment", "comments", "promo", "menu", "cookie", "subscribe", "newsletter", "advert", "breadcrumb", "recommend", "trending", "caption", "byline", "author", "signup", "consent", "toolbar"];

    /// <summary>Layout words that wrappers of the article use too; they exclude only when nothing says article.</summary>
    private static readonly string[] WeakNegative = ["sidebar", "widget", "modal", "popup", "banner", "tags", "aside"];

    private static readonly string[] ArticleWords = ["article", "body", "content", "story", "main"];
    private static readonly string[] Positive = ["article", "content", "story", "body", "main", "text", "post", "entry"];
    private static readonly string[] BylineWords = ["byline", "author", "authors", "writer", "contributor"];

    /// <summary>Class or id words of elements that show the publication date as text.</summary>
    private static readonly string[] DateWords = ["date", "dateline", "time", "timestamp", "published", "pubdate", "posted", "tarih", "datum", "fecha"];

    /// <summary>Never read for text.</summary>
    private static readonly FrozenSet<string> AlwaysSkipTags = new[] { "nav", "footer", "figure", "figcaption", "script", "style", "noscript", "button", "select", "iframe", "svg", "math", "template", "textarea", "head" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Skipped by the strict walk only: a site may wrap the whole page in a &lt;form&gt; (ASP.NET) or the story in an &lt;aside&gt;.</summary>
    private static readonly FrozenSet<string> SoftSkipTags = new[] { "aside", "form", "header" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Elements whose text runs on with the text around them.</summary>
    private static readonly FrozenSet<string> InlineTags = new[] { "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "strike", "tt", "big", "nobr", "ins", "del", "label" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ArticleTypes = new[] { "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "WebPage", "LiveBlogPosting", "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "Report", "ScholarlyArticle", "TechArticle", "SocialMediaPosting", "VideoObject", "ClaimReview" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Elements that HTML closes implicitly when a sibling opens, so they do not nest in the depth pre-scan.</summary>
    private static readonly FrozenSet<string> ImpliedEnd = new[] { "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "rb", "rt", "rp", "rtc", "thead", "tbody", "tfoot", "colgroup" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Formatting elements, which the tree builder re-creates after a block that closed them implicitly.</summary>
    private static readonly FrozenSet<string> FormattingTags = new[] { "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Void elements: never open, whatever the syntax (a "/>" on a &lt;div&gt; does not close it in HTML).</summary>
    private static readonly FrozenSet<string> VoidTags = new[] { "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen", "basefont", "bgsound", "frame", "image", "isindex", "menuitem" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The deepest element nesting parsed as a tree; deeper pages are read as text (tree building is
    /// quadratic in the depth of open elements).</summary>
    public const int MaxDepth = 512;

    /// <summary>The deepest nesting AngleSharp builds (its <c>MaximumDepth</c>); deeper elements become siblings of the
    /// deepest one, as in browsers, so no walk over the tree (ours or AngleSharp's) meets a deeper one.</summary>
    public const int MaxTreeDepth = 512;

    /// <summary>
    /// A linear pre-scan of the nesting depth as the HTML tree builder will see it: start tags of non-void elements open
    /// (a self-closing "/>" on a &lt;div&gt; opens it too, as in browsers; only inside &lt;svg&gt;/&lt;math&gt; does it
    /// close), elements with implied ends (&lt;p&gt;, &lt;li&gt;, cells) do not nest, and an end tag closes only an
    /// element of its name that is open (an unknown &lt;/x&gt; closes nothing). Per-name counts keep it linear.
    /// </summary>
    public static int ApproximateDepth(string html) => ApproximateDepth(html, out _);

    /// <summary>The depth pre-scan, also estimating the elements the tree builder will create by reconstructing
    /// formatting elements (&lt;b&gt;, &lt;a&gt;, &lt;font&gt; … left open when a block closed) before each later element.</summary>
    public static int ApproximateDepth(string html, out long reconstructed)
    {
        reconstructed = 0;
        var active = 0;
        var open = new List<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var max = 0;
        var foreign = 0;
        var s = html.AsSpan();
        var i = s.IndexOf('<');
        while (i >= 0 && i + 1 < s.Length)
        {
            var closing = s[i + 1] == '/';
            var nameStart = i + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < s.Length && (char.IsAsciiLetterOrDigit(s[nameEnd]) || s[nameEnd] is '-' or ':'))
            {
                nameEnd++;
            }

            if (nameEnd > nameStart && char.IsAsciiLetter(s[nameStart]))
            {
                var name = s[nameStart..nameEnd].ToString().ToLowerInvariant();
                var tagEnd = s[nameEnd..].IndexOf('>');
                var selfClosing = tagEnd > 0 && s[nameEnd + tagEnd - 1] == '/';
                if (closing)
                {
                    if (counts.TryGetValue(name, out var n) && n > 0)
                    {
                        // pop to the element of that name; each element is popped once, so this stays linear
                        while (open.Count > 0)
                        {
                            var top = open[^1];
                            open.RemoveAt(open.Count - 1);
                            counts[top]--;
                            foreign -= top is "svg" or "math" ? 1 : 0;
                            if (top == name)
                            {
                                break;
                            }

                            // closed by another element's end tag: stays on the list of active formatting elements
                            active += FormattingTags.Contains(top) ? 1 : 0;
                        }
                    }
                }
                else if (!VoidTags.Contains(name) && !ImpliedEnd.Contains(name) && !(selfClosing && foreign > 0) && name is not ("script" or "style" or "textarea" or "title"))
                {
                    open.Add(name);
                    counts[name] = counts.GetValueOrDefault(name) + 1;
                    reconstructed += FormattingTags.Contains(name) ? 0 : active;
                    foreign += name is "svg" or "math" ? 1 : 0;
                    max = Math.Max(max, open.Count);
                }
                else if (name is "script" or "style" or "textarea" or "title")
                {
                    // raw text: skip to its end tag, whose '<' would otherwise be read as markup
                    var close = s[nameEnd..].IndexOf(("</" + name).AsSpan(), StringComparison.OrdinalIgnoreCase);
                    if (close < 0)
                    {
                        break;
                    }

                    i = nameEnd + close;
                    continue;
                }
            }

            var next = s[(i + 1)..].IndexOf('<');
            i = next < 0 ? -1 : i + 1 + next;
        }

        return max;
    }

    /// <summary>The text of a page not built as a tree (too deep, too many elements, out of time): tags, scripts,
    /// styles and comments dropped, entities decoded, paragraphs broken at block tags (&lt;p&gt;, &lt;br&gt;,
    /// &lt;div&gt;, headings, list items, cells). One linear pass.</summary>
    public static List<string> StripTags(string html)
    {
        var paragraphs = new List<string>();
        var sb = new StringBuilder();
        var s = html.AsSpan();
        var i = 0;
        while (i < s.Length)
        {
            var lt = s[i..].IndexOf('<');
            if (lt < 0)
            {
                sb.Append(s[i..]);
                break;
            }

            sb.Append(s.Slice(i, lt));
            i += lt;
            var rest = s[i..];
            var skipTo = rest.StartsWith("<script", StringComparison.OrdinalIgnoreCase) ? "</script"
                : rest.StartsWith("<style", StringComparison.OrdinalIgnoreCase) ? "</style"
                : rest.StartsWith("<!--", StringComparison.Ordinal) ? "-->" : null;
            if (skipTo is not null)
            {
                var end = rest.IndexOf(skipTo.AsSpan(), StringComparison.OrdinalIgnoreCase);
                if (end < 0)
                {
                    break;
                }

                i += end + skipTo.Length;
                if (skipTo == "-->")
                {
                    continue; // the comment's '>' is consumed
                }
            }

            var gt = s[i..].IndexOf('>');
            if (gt < 0)
            {
                break;
            }

            // after a skipped script or style, i is at the rest of its end tag, not at a '<'
            var tag = gt >= 1 && s[i] == '<' ? s.Slice(i + 1, gt - 1).TrimStart('/') : [];
            var nameEnd = 0;
            while (nameEnd < tag.Length && char.IsAsciiLetterOrDigit(tag[nameEnd]))
            {
                nameEnd++;
            }

            if (tag[..nameEnd].ToString().ToLowerInvariant() is "p" or "br" or "div" or "li" or "td" or "tr" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6"
                or "section" or "article" or "blockquote" or "pre" or "table" or "ul" or "ol" or "header" or "footer" or "main")
            {
                FlushParagraph(sb, paragraphs);
            }
            else
            {
                sb.Append(' ');
            }

            i += gt + 1;
        }

        FlushParagraph(sb, paragraphs);
        return paragraphs;
    }

    private static void FlushParagraph(StringBuilder sb, List<string> paragraphs)
    {
        if (sb.Length == 0)
        {
            return;
        }

        var text = Normalize(WebUtility.HtmlDecode(sb.ToString()));
        sb.Clear();
        if (text.Length > 0)
        {
            paragraphs.Add(text);
        }
    }

    /// <summary>
    /// A first paragraph that is the page's headline worded slightly differently from the one chosen (the on-page
    /// "High School Roundup: …" under an <c>og:title</c> "HS Roundup: …"): about as long as the headline, not a sentence
    /// (no closing full stop), and sharing at least 60 % of its distinct words with it (case-insensitive).
    /// </summary>
    private static bool HeadlineVariant(string paragraph, string? headline)
    {
        if (headline is null || paragraph.Length > (headline.Length * 3 / 2) + 10 || paragraph.EndsWith('.'))
        {
            return false;
        }

        var a = Words(paragraph);
        var b = Words(headline);
        if (a.Count < 4 || b.Count < 4)
        {
            return false;
        }

        var shared = 0;
        foreach (var w in a)
        {
            shared += b.Contains(w) ? 1 : 0;
        }

        return shared >= 0.6 * (a.Count + b.Count - shared);

        static HashSet<string> Words(string text)
        {
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var w in Comparable(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                set.Add(w.Trim(':', ',', '"', '\'', '?', '!'));
            }

            return set;
        }
    }

    /// <summary>Reads a parsed page.</summary>
    public static HtmlExtraction Extract(IDocument doc, string? url, Budget budget)
    {
        var result = new HtmlExtraction { Url = url };
        var page = Collect(doc, budget);
        ReadJsonLd(page, result, budget);
        ReadMeta(page, result);
        ReadMainText(doc, result, budget);
        ChooseHeadline(page, result);
        if (result.Paragraphs.Count > 0 && (SameText(result.Paragraphs[0].Text, result.Headline) || HeadlineVariant(result.Paragraphs[0].Text, result.Headline)))
        {
            result.Paragraphs.RemoveAt(0); // the headline, read as text too, is the header
        }

        var stamp = TrimLeadingBoilerplate(result.Paragraphs);
        if (result.Authors.Count == 0 || page.OrganizationAuthorsOnly)
        {
            // an organization credited in JSON-LD ("AFP", "BBC News") may have people named on the page
            ReadBylines(page, result, budget);
        }

        if (result.Published is null && result.Url is { } address)
        {
            result.Published = DateInUrl(address);
        }

        if (result.Published is null)
        {
            ReadVisibleDate(page, result, budget);
        }

        result.Published ??= stamp;

        result.Truncated |= budget.Exceeded;
        return result;
    }

    /// <summary>Collapses white space and trims.</summary>
    internal static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        Collapse(sb, s, ref space);
        return sb.ToString();
    }

    /// <summary>Collapses white space and trims the text gathered in a builder (no copy of it as a string first).</summary>
    internal static string Normalize(StringBuilder text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var chunk in text.GetChunks())
        {
            Collapse(sb, chunk.Span, ref space);
        }

        return sb.ToString();
    }

    private static void Collapse(StringBuilder sb, ReadOnlySpan<char> s, ref bool space)
    {
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }
    }

    /// <summary>Decodes character references left in metadata (JSON-LD and some meta tags carry "&amp;#163;") and
    /// collapses white space.</summary>
    internal static string Clean(string s) => Normalize(s.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(s) : s);
}
