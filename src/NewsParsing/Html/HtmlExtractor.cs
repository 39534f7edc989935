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
internal static class HtmlExtractor
{
    private const int MinParagraphLength = 25;

    /// <summary>Class or id words of what is never the article.</summary>
    private static readonly string[] StrongNegative = ["nav", "footer", "share", "social", "related", "comment", "comments", "promo", "menu", "cookie", "subscribe", "newsletter", "advert", "breadcrumb", "recommend", "trending", "caption", "byline", "author", "signup", "consent", "toolbar"];

    /// <summary>Layout words that wrappers of the article use too; they exclude only when nothing says article.</summary>
    private static readonly string[] WeakNegative = ["sidebar", "widget", "modal", "popup", "banner", "tags", "aside"];

    private static readonly string[] ArticleWords = ["article", "body", "content", "story", "main"];
    private static readonly string[] Positive = ["article", "content", "story", "body", "main", "text", "post", "entry"];
    private static readonly string[] BylineWords = ["byline", "author", "authors", "writer", "contributor"];

    /// <summary>Never read for text.</summary>
    private static readonly FrozenSet<string> AlwaysSkipTags = new[] { "nav", "footer", "figure", "figcaption", "script", "style", "noscript", "button", "select", "iframe", "svg", "math", "template", "textarea", "head" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Skipped by the strict walk only: a site may wrap the whole page in a &lt;form&gt; (ASP.NET) or the story in an &lt;aside&gt;.</summary>
    private static readonly FrozenSet<string> SoftSkipTags = new[] { "aside", "form", "header" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Elements whose text runs on with the text around them.</summary>
    private static readonly FrozenSet<string> InlineTags = new[] { "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "strike", "tt", "big", "nobr", "ins", "del", "label" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ArticleTypes = new[] { "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "WebPage", "LiveBlogPosting", "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "Report", "ScholarlyArticle", "TechArticle", "SocialMediaPosting", "VideoObject" }.ToFrozenSet(StringComparer.Ordinal);

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

    /// <summary>Reads a parsed page.</summary>
    public static HtmlExtraction Extract(IDocument doc, string? url, Budget budget)
    {
        var result = new HtmlExtraction { Url = url };
        var page = Collect(doc, budget);
        ReadJsonLd(page, result, budget);
        ReadMeta(page, result);
        ReadMainText(doc, result, budget);
        ChooseHeadline(page, result);
        if (result.Authors.Count == 0)
        {
            ReadBylines(page, result, budget);
        }

        if (result.Published is null && result.Url is { } address)
        {
            result.Published = DateInUrl(address);
        }

        result.Truncated |= budget.Exceeded;
        return result;
    }

    /// <summary>The elements the metadata come from, gathered in one bounded walk (no selector engine: AngleSharp's
    /// selectors and TextContent recurse over the tree).</summary>
    private sealed class PageParts
    {
        public List<IElement> Metas { get; } = [];

        public List<IElement> JsonLd { get; } = [];

        public List<IElement> Times { get; } = [];

        public List<IElement> Bylines { get; } = [];

        public IElement? H1 { get; set; }

        public IElement? Title { get; set; }

        public IElement? Canonical { get; set; }

        public string? JsonLdHeadline { get; set; }

        public string? OgTitle { get; set; }
    }

    private static PageParts Collect(IDocument doc, Budget budget)
    {
        var parts = new PageParts();
        if (doc.DocumentElement is not { } root)
        {
            return parts;
        }

        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0 && budget.Step())
        {
            var e = stack.Pop();
            switch (e.LocalName)
            {
                case "meta":
                    parts.Metas.Add(e);
                    continue;
                case "script":
                    if (string.Equals(e.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase))
                    {
                        parts.JsonLd.Add(e);
                    }

                    continue;
                case "style" or "svg" or "template" or "noscript":
                    continue;
                case "time" when e.HasAttribute("datetime"):
                    parts.Times.Add(e);
                    break;
                case "h1":
                    parts.H1 ??= e;
                    break;
                case "title" when parts.Title is null && e.ParentElement?.LocalName == "head":
                    parts.Title = e;
                    continue;
                case "link" when parts.Canonical is null && string.Equals(e.GetAttribute("rel"), "canonical", StringComparison.OrdinalIgnoreCase):
                    parts.Canonical = e;
                    continue;
            }

            if (parts.Bylines.Count < 8 && (string.Equals(e.GetAttribute("rel"), "author", StringComparison.OrdinalIgnoreCase)
                || string.Equals(e.GetAttribute("itemprop"), "author", StringComparison.OrdinalIgnoreCase)
                || HasWord(e.GetAttribute("class"), BylineWords) || HasWord(e.Id, BylineWords)))
            {
                parts.Bylines.Add(e);
                continue;
            }

            var first = stack.Count;
            foreach (var c in e.Children)
            {
                stack.Push(c);
            }

            ReverseTop(stack, first);
        }

        return parts;
    }

    private static void ReadJsonLd(PageParts page, HtmlExtraction result, Budget budget)
    {
        foreach (var script in page.JsonLd)
        {
            try
            {
                using var json = JsonDocument.Parse(TextOf(script, budget), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                foreach (var node in Objects(json.RootElement))
                {
                    if (!IsArticle(node))
                    {
                        continue;
                    }

                    if (page.JsonLdHeadline is null && Str(node, "headline") is { Length: > 0 } headline)
                    {
                        page.JsonLdHeadline = Clean(headline);
                    }

                    if (result.Authors.Count == 0 && node.TryGetProperty("author", out var author))
                    {
                        AddAuthors(author, result.Authors, 0);
                    }

                    if (result.Published is null && Str(node, "datePublished") is { } published)
                    {
                        result.Published = ParseTime(published);
                    }

                    if (result.Publisher is null && node.TryGetProperty("publisher", out var publisher))
                    {
                        result.Publisher = publisher.ValueKind == JsonValueKind.Object ? Str(publisher, "name") : publisher.ValueKind == JsonValueKind.String ? publisher.GetString() : null;
                        result.Publisher = result.Publisher is null ? null : Clean(result.Publisher);
                    }

                    result.Url ??= Str(node, "url");
                }
            }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
            {
                // malformed JSON-LD is common (a lone surrogate fails transcoding); the meta tags still count
            }
        }
    }

    /// <summary>The objects of a JSON-LD block: the root, array items and <c>@graph</c> members, iteratively and at
    /// most 8 levels down.</summary>
    private static List<JsonElement> Objects(JsonElement root)
    {
        var found = new List<JsonElement>();
        var stack = new Stack<(JsonElement Element, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0 && found.Count < 256)
        {
            var (e, depth) = stack.Pop();
            if (depth > 8)
            {
                continue;
            }

            if (e.ValueKind == JsonValueKind.Array)
            {
                var items = new List<JsonElement>();
                foreach (var item in e.EnumerateArray())
                {
                    items.Add(item);
                }

                for (var k = items.Count - 1; k >= 0; k--)
                {
                    stack.Push((items[k], depth + 1));
                }
            }
            else if (e.ValueKind == JsonValueKind.Object)
            {
                found.Add(e);
                if (e.TryGetProperty("@graph", out var graph))
                {
                    stack.Push((graph, depth + 1));
                }
            }
        }

        return found;
    }

    private static bool IsArticle(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var type))
        {
            return false;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return ArticleTypes.Contains(type.GetString()!) && (type.GetString() != "WebPage" || node.TryGetProperty("headline", out _));
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in type.EnumerateArray())
            {
                if (t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Authors from JSON-LD: a string, a Person or Organization object with a name, or an array of them (an
    /// agency such as "Associated Press" stays a name here; the byline reader knows it as the agency).</summary>
    private static void AddAuthors(JsonElement author, List<string> authors, int depth)
    {
        if (depth > 4)
        {
            return;
        }

        switch (author.ValueKind)
        {
            case JsonValueKind.String:
                AddNames(author.GetString()!, authors);
                break;
            case JsonValueKind.Object:
                if (Str(author, "name") is { } n)
                {
                    AddNames(n, authors);
                }

                break;
            case JsonValueKind.Array:
                foreach (var a in author.EnumerateArray())
                {
                    AddAuthors(a, authors, depth + 1);
                }

                break;
        }
    }

    /// <summary>Splits a byline ("By A, B and C", "A &amp; B", "A / Staff Writer") into names.</summary>
    private static void AddNames(string text, List<string> authors)
    {
        var s = Clean(text);
        if (s.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var slash = s.IndexOf(" / ", StringComparison.Ordinal);
        if (slash > 0)
        {
            s = s[..slash]; // "Takeo Maeda and Tatsuya Tanoue / Yomiuri Shimbun Staff Writers"
        }

        foreach (var name in s.Split([",", " and ", " AND ", "&", ";", "|"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            AddName(name, authors);
        }
    }

    private static void AddName(string name, List<string> authors)
    {
        var n = Normalize(name);
        if (n.StartsWith("By ", StringComparison.OrdinalIgnoreCase))
        {
            n = n[3..].Trim();
        }

        if (n.Length is > 1 and < 80 && !authors.Contains(n, StringComparer.Ordinal) && authors.Count < 20)
        {
            authors.Add(n);
        }
    }

    private static void ReadMeta(PageParts page, HtmlExtraction result)
    {
        foreach (var meta in page.Metas)
        {
            var key = (meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop") ?? "").ToLowerInvariant();
            var content = meta.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            switch (key)
            {
                case "og:title" when page.OgTitle is null:
                    page.OgTitle = Clean(content);
                    break;
                case "twitter:title" when page.OgTitle is null:
                    page.OgTitle = Clean(content);
                    break;
                case "article:published_time" or "og:article:published_time" or "pubdate" or "publishdate" or "publish-date" or "date" or "dc.date" or "dc.date.issued"
                    or "dcterms.created" or "dcterms.date" or "sailthru.date" or "parsely-pub-date" or "datepublished" or "date.available" or "article.published"
                    or "publication_date" or "original-publish-date" when result.Published is null:
                    result.Published = ParseTime(content);
                    break;
                case "author" or "article:author" or "byl" or "sailthru.author" or "parsely-author" or "dc.creator" when result.Authors.Count == 0:
                    AddNames(content, result.Authors);
                    break;
                case "og:site_name" or "application-name" when result.Publisher is null:
                    result.Publisher = Clean(content);
                    break;
                case "og:url" when result.Url is null:
                    result.Url = content.Trim();
                    break;
            }
        }

        if (result.Published is null)
        {
            // a <time> marked as the publication time first, then the first one with a date
            foreach (var time in page.Times)
            {
                if ((time.HasAttribute("pubdate") || string.Equals(time.GetAttribute("itemprop"), "datePublished", StringComparison.OrdinalIgnoreCase))
                    && ParseTime(time.GetAttribute("datetime")!) is { } marked)
                {
                    result.Published = marked;
                    break;
                }
            }

            foreach (var time in page.Times)
            {
                if (result.Published is null && ParseTime(time.GetAttribute("datetime")!) is { } first)
                {
                    result.Published = first;
                }
            }
        }

        result.Url ??= page.Canonical?.GetAttribute("href");
    }

    /// <summary>
    /// The headline: OpenGraph's title, else whichever of JSON-LD, &lt;h1&gt; and &lt;title&gt; agree, else the first
    /// of them there is; titles with the site name cut off, everything entity-decoded.
    /// </summary>
    private static void ChooseHeadline(PageParts page, HtmlExtraction result)
    {
        var h1 = page.H1 is { } e ? Clean(TextOf(e, null)) : null;
        var title = page.Title is { } t ? Clean(TextOf(t, null)) : null;
        string?[] candidates = [page.OgTitle, page.JsonLdHeadline, h1, title];
        for (var k = 0; k < candidates.Length; k++)
        {
            if (candidates[k] is { Length: > 0 } c)
            {
                candidates[k] = StripSiteName(c, result.Publisher, candidates);
            }
        }

        // OpenGraph's title is the one a publisher writes for the world to see; the others vote when it is missing.
        var chosen = candidates[0] is { Length: >= 10 } og && !string.Equals(og, result.Publisher, StringComparison.OrdinalIgnoreCase) ? og : null;
        for (var a = 1; a < candidates.Length && chosen is null; a++)
        {
            for (var b = 1; b < candidates.Length; b++)
            {
                if (a != b && candidates[a] is { Length: > 0 } x && candidates[b] is { Length: > 0 } y && string.Equals(x, y, StringComparison.OrdinalIgnoreCase))
                {
                    chosen = x;
                    break;
                }
            }
        }

        foreach (var c in candidates)
        {
            chosen ??= c is { Length: > 0 } ? c : null;
        }

        if (chosen is not null)
        {
            result.Headline = chosen;
            result.HeadlineHtmlStart = page.H1 is { } h && string.Equals(h1, chosen, StringComparison.OrdinalIgnoreCase) ? Position(h) : -1;
        }
    }

    /// <summary>Cuts "| Site", "- Site", "— Site" off a title when the rest is what another source says or the cut part
    /// is the publisher's name.</summary>
    private static string StripSiteName(string title, string? publisher, string?[] others)
    {
        foreach (var separator in (ReadOnlySpan<string>)[" | ", " - ", " – ", " — ", " :: ", " · ", " » "])
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var head = title[..at].Trim();
            var tail = title[(at + separator.Length)..].Trim();
            var isPublisher = publisher is not null && (tail.Contains(publisher, StringComparison.OrdinalIgnoreCase) || publisher.Contains(tail, StringComparison.OrdinalIgnoreCase));
            var agrees = false;
            foreach (var o in others)
            {
                agrees |= o is not null && string.Equals(o, head, StringComparison.OrdinalIgnoreCase);
            }

            if (isPublisher || agrees)
            {
                return head;
            }
        }

        return title;
    }

    /// <summary>Authors from byline elements (<c>rel=author</c>, <c>itemprop=author</c>, class or id "byline",
    /// "author") and, failing those, a "By …" line at the top of the main text.</summary>
    private static void ReadBylines(PageParts page, HtmlExtraction result, Budget budget)
    {
        foreach (var e in page.Bylines)
        {
            var text = Clean(TextOf(e, budget));
            if (text.Length is > 2 and < 120 && LooksLikeByline(text))
            {
                AddNames(text, result.Authors);
            }

            if (result.Authors.Count > 0)
            {
                return;
            }
        }

        foreach (var (text, _, _) in result.Paragraphs)
        {
            if (text.StartsWith("By ", StringComparison.Ordinal) && text.Length < 120 && LooksLikeByline(text))
            {
                AddNames(text, result.Authors);
                return;
            }
        }
    }

    /// <summary>A byline's text: names, not a sentence or a date ("By A and B", "A, Associated Press").</summary>
    private static bool LooksLikeByline(string text)
    {
        var s = text.StartsWith("By ", StringComparison.OrdinalIgnoreCase) ? text[3..] : text;
        if (s.Length == 0 || !char.IsUpper(s[0]) || s.Contains(". ", StringComparison.Ordinal) || s.EndsWith('.'))
        {
            return false;
        }

        var digits = 0;
        foreach (var c in s)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return digits == 0;
    }

    /// <summary>A date in the page address (<c>/2019/11/18/</c>, <c>/20191118/</c>, <c>/2019-11-18/</c>), as midnight UTC.</summary>
    private static OffsetDateTime? DateInUrl(string url)
    {
        var s = url.AsSpan();
        for (var i = 0; i + 8 <= s.Length; i++)
        {
            if (s[i] != '/' || i + 1 >= s.Length || !char.IsAsciiDigit(s[i + 1]))
            {
                continue;
            }

            var rest = s[(i + 1)..];
            int year, month, day;
            if (rest.Length >= 10 && rest[4] is '/' or '-' && rest[7] is '/' or '-'
                && int.TryParse(rest[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year)
                && int.TryParse(rest.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out month)
                && int.TryParse(rest.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out day))
            {
                // year/month/day
            }
            else if (rest.Length >= 9 && rest[8] is '/' or '-' && int.TryParse(rest[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year)
                && int.TryParse(rest.Slice(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out month)
                && int.TryParse(rest.Slice(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out day))
            {
                // yyyymmdd
            }
            else
            {
                continue;
            }

            if (year is >= 1995 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                return new LocalDate(year, month, day).AtMidnight().WithOffset(Offset.Zero);
            }
        }

        return null;
    }

    /// <summary>Exclusions that the relaxed retries lift, one at a time.</summary>
    [Flags]
    private enum Relax
    {
        None = 0,
        ClassWords = 1,
        Tags = 2,
    }

    /// <summary>A paragraph candidate: the element it came from (a paragraph element, or the block holding bare text
    /// and <c>&lt;br&gt;</c> lines), the element it scores, and its text.</summary>
    private readonly record struct Candidate(IElement Element, IElement Scored, string Text);

    /// <summary>What one walk found: the paragraphs kept, their total length, and the chosen container.</summary>
    private sealed class MainText
    {
        public List<(IElement Element, string Text)> Paragraphs { get; } = [];

        public int Length { get; set; }

        public IElement? Container { get; set; }

        public bool Truncated { get; set; }
    }

    /// <summary>An article shorter than this (or none) is looked for again with the exclusions relaxed.</summary>
    private const int ShortArticle = 600;

    /// <summary>
    /// Finds the main text: a strict walk first; when it finds no article or a short one, walks again with the class
    /// and id exclusions lifted, then the form/header/aside exclusions, then both, and keeps a relaxed result only when
    /// it holds clearly more text (and, for a strict result that is not tiny, contains it), so a cookie bar or a form's
    /// "thanks" message never stands in for the article while the precision of the strict walk is kept.
    /// </summary>
    private static void ReadMainText(IDocument doc, HtmlExtraction result, Budget budget)
    {
        var best = Walk(doc, Relax.None, budget);
        if (best.Length < ShortArticle && !budget.Exceeded)
        {
            foreach (var relax in (ReadOnlySpan<Relax>)[Relax.ClassWords, Relax.Tags, Relax.ClassWords | Relax.Tags])
            {
                var relaxed = Walk(doc, relax, budget);
                var contains = best.Container is null || (relaxed.Container is { } rc && (ReferenceEquals(rc, best.Container) || IsInside(best.Container, rc)));
                if (relaxed.Length >= Math.Max(2 * best.Length, MinParagraphLength * 4) && (best.Length < 200 || contains))
                {
                    best = relaxed;
                }

                if (best.Length >= ShortArticle || budget.Exceeded)
                {
                    break;
                }
            }
        }

        result.Truncated |= best.Truncated;
        var paragraphs = best.Paragraphs;

        // A paragraph's page span runs from its start tag to the next paragraph's (document order), so no sibling
        // lookups are needed.
        for (var k = 0; k < paragraphs.Count; k++)
        {
            var (element, text) = paragraphs[k];
            var start = Position(element);
            var end = k + 1 < paragraphs.Count ? Position(paragraphs[k + 1].Element) : -1;
            result.Paragraphs.Add((text, start, end > start ? end : start));
        }
    }

    /// <summary>
    /// One walk over the body: scores the parents of paragraph candidates by the text they hold (minus links), picks the
    /// best container, widens it over sibling blocks that hold story text, and keeps the candidates inside.
    /// </summary>
    private static MainText Walk(IDocument doc, Relax relax, Budget budget)
    {
        var found = new MainText();
        var scores = new Dictionary<IElement, double>();
        var candidates = new List<Candidate>();
        var stack = new Stack<IElement>();
        var children = new List<IElement>();
        var run = new StringBuilder();
        if (doc.Body is { } body)
        {
            stack.Push(body);
        }

        while (stack.Count > 0)
        {
            if (!budget.Step())
            {
                found.Truncated = true;
                break;
            }

            var e = stack.Pop();
            var tag = e.LocalName;
            if (AlwaysSkipTags.Contains(tag) || ((relax & Relax.Tags) == 0 && SoftSkipTags.Contains(tag))
                || ((relax & Relax.ClassWords) == 0 && IsExcluded(e, budget)))
            {
                continue;
            }

            if (tag is "p" or "h2" or "h3" or "blockquote" or "pre" || (tag is "li" && e.ParentElement?.ParentElement is { } listParent && scores.ContainsKey(listParent))
                || (tag is "div" && (e.GetAttribute("data-testid")?.StartsWith("paragraph", StringComparison.Ordinal) ?? false)))
            {
                var text = Normalize(TextOf(e, budget));
                if (text.Length >= MinParagraphLength && LinkDensity(e, text.Length, budget) < 0.5 && e.ParentElement is { } parent)
                {
                    candidates.Add(new Candidate(e, parent, text));
                    Score(scores, parent, text);
                }

                continue;
            }

            // Bare text and inline elements directly in a block are paragraphs too, split at <br>: sites that write
            // "text<br><br>text" in a div would otherwise have no paragraph at all. One forward enumeration of the
            // child nodes, block children pushed in reverse: indexing AngleSharp's live collections or walking sibling
            // links costs time linear in the number of siblings per step, which made a block of 400,000 paragraphs
            // quadratic.
            children.Clear();
            run.Clear();
            var linked = 0;
            foreach (var node in e.ChildNodes)
            {
                if (node is IText t)
                {
                    run.Append(t.Data);
                }
                else if (node is IElement child)
                {
                    var name = child.LocalName;
                    if (name == "br")
                    {
                        AddRun(e, run, ref linked, candidates, scores);
                    }
                    else if (InlineTags.Contains(name) && !HasBlockChild(child))
                    {
                        var text = TextOf(child, budget);
                        run.Append(text);
                        linked += name == "a" ? text.Length : 0;
                    }
                    else
                    {
                        AddRun(e, run, ref linked, candidates, scores);
                        children.Add(child);
                    }
                }
            }

            AddRun(e, run, ref linked, candidates, scores);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }

        if (candidates.Count == 0)
        {
            return found;
        }

        IElement? best = null;
        var bestScore = double.MinValue;
        foreach (var (element, score) in scores)
        {
            var s = score * (HasHint(element, Positive) ? 1.25 : 1.0);
            if (s > bestScore)
            {
                (best, bestScore) = (element, s);
            }
        }

        // The container: the best-scored element, widened to its parent when siblings hold much of the text too.
        var container = best!;
        if (container.ParentElement is { } up && up.LocalName is not ("body" or "html") && scores.GetValueOrDefault(up) > bestScore * 0.75)
        {
            container = up;
        }

        // Paragraphs split over sibling blocks (text broken by ads or embeds, one wrapper per paragraph as on the BBC, a
        // story in several parts): widen while the wider block adds text that scored on its own. A wrapper that adds
        // nothing is climbed for free, so per-paragraph wrappers several levels deep still reach their siblings.
        var widened = 0;
        for (var level = 0; level < 12 && widened < 2 && container.ParentElement is { } parent && parent.LocalName is not ("body" or "html"); level++)
        {
            double inside = 0, outside = 0;
            foreach (var c in candidates)
            {
                if (IsInsideOrSelf(c.Element, container))
                {
                    inside += c.Text.Length;
                }
                else if (IsInside(c.Element, parent))
                {
                    outside += c.Text.Length;
                }
            }

            if (outside > 0 && outside < inside * 0.15)
            {
                break;
            }

            widened += outside > 0 ? 1 : 0;
            container = parent;
        }

        found.Container = container;
        foreach (var c in candidates)
        {
            if (IsInsideOrSelf(c.Element, container) && !(c.Text.StartsWith("By ", StringComparison.Ordinal) && c.Text.Length < 80))
            {
                found.Paragraphs.Add((c.Element, c.Text));
                found.Length += c.Text.Length;
            }
        }

        return found;
    }

    /// <summary>Adds the text gathered so far in a block as a paragraph, if it is long enough and mostly not links.</summary>
    private static void AddRun(IElement owner, StringBuilder run, ref int linked, List<Candidate> candidates, Dictionary<IElement, double> scores)
    {
        if (run.Length == 0)
        {
            return;
        }

        var text = Normalize(run.ToString());
        var links = linked;
        run.Clear();
        linked = 0;
        if (text.Length >= MinParagraphLength && links < text.Length / 2 && owner.LocalName is not ("body" or "html" or "ul" or "ol" or "table" or "tr"))
        {
            candidates.Add(new Candidate(owner, owner, text));
            Score(scores, owner, text);
        }
    }

    private static void Score(Dictionary<IElement, double> scores, IElement parent, string text)
    {
        var commas = 0;
        foreach (var c in text)
        {
            commas += c == ',' ? 1 : 0;
        }

        var weight = text.Length + (commas * 10);
        scores[parent] = scores.GetValueOrDefault(parent) + weight;
        if (parent.ParentElement is { } grand)
        {
            scores[grand] = scores.GetValueOrDefault(grand) + (weight / 2.0);
        }
    }

    private static bool HasBlockChild(IElement inline)
    {
        foreach (var c in inline.Children)
        {
            if (!InlineTags.Contains(c.LocalName) && c.LocalName != "br")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInsideOrSelf(IElement e, IElement container) => ReferenceEquals(e, container) || IsInside(e, container);

    private static bool IsInside(IElement e, IElement container)
    {
        for (var p = e.ParentElement; p is not null; p = p.ParentElement)
        {
            if (ReferenceEquals(p, container))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a class or id word excludes an element. Words for what is never the article (navigation, share bars,
    /// related links, comments, cookie and newsletter boxes) always do; layout words that wrappers also use (sidebar,
    /// widget, modal, popup, banner, menu …) only when neither the element's own words nor any element inside it says
    /// article, body, content, story or main (Vox's "l-sidebar-fixed l-article-body-segment", Blogger's
    /// "widget" around "post-body").
    /// </summary>
    private static bool IsExcluded(IElement e, Budget budget)
    {
        if (e.LocalName is "body" or "html" or "main" or "article")
        {
            return false;
        }

        var role = e.GetAttribute("role");
        if (role is "navigation" or "contentinfo")
        {
            return true;
        }

        var cls = e.GetAttribute("class");
        var id = e.Id;
        if (HasWord(cls, StrongNegative) || HasWord(id, StrongNegative))
        {
            return true;
        }

        if (!(HasWord(cls, WeakNegative) || HasWord(id, WeakNegative) || role is "complementary" or "banner" or "dialog"))
        {
            return false;
        }

        return !(HasWord(cls, ArticleWords) || HasWord(id, ArticleWords) || SaysArticleInside(e, budget));
    }

    /// <summary>Whether an element inside says article, body, content, story or main (bounded look).</summary>
    private static bool SaysArticleInside(IElement e, Budget budget)
    {
        var stack = new Stack<IElement>();
        foreach (var c in e.Children)
        {
            stack.Push(c);
        }

        var steps = 0;
        while (stack.Count > 0 && ++steps < 20_000 && budget.Step())
        {
            var n = stack.Pop();
            if (n.LocalName is "article" or "main" || HasWord(n.GetAttribute("class"), ArticleWords) || HasWord(n.Id, ArticleWords))
            {
                return true;
            }

            foreach (var c in n.Children)
            {
                stack.Push(c);
            }
        }

        return false;
    }

    /// <summary>Whether a class or id word (split at spaces, dashes and underscores) is one of <paramref name="hints"/>;
    /// the page's outer elements never count.</summary>
    private static bool HasHint(IElement e, string[] hints)
    {
        if (e.LocalName is "body" or "html" or "main" or "article")
        {
            return false;
        }

        return HasWord(e.GetAttribute("class"), hints) || HasWord(e.Id, hints);
    }


    /// <summary>Whether a class or id word (split at spaces, dashes and underscores) is one of <paramref name="hints"/>,
    /// or starts with one of six letters or more ("sidebar2"); no allocation.</summary>
    private static bool HasWord(string? value, string[] hints)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var s = value.AsSpan();
        var start = 0;
        for (var i = 0; i <= s.Length; i++)
        {
            if (i < s.Length && s[i] is not (' ' or '-' or '_' or '\t' or '\n' or '\r' or '\f'))
            {
                continue;
            }

            var part = s[start..i];
            start = i + 1;
            if (part.IsEmpty)
            {
                continue;
            }

            foreach (var h in hints)
            {
                if (part.Equals(h, StringComparison.OrdinalIgnoreCase) || (h.Length >= 6 && part.Length > h.Length + 1 && part.StartsWith(h, StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The share of an element's text inside links, by an iterative walk.</summary>
    private static double LinkDensity(IElement e, int textLength, Budget budget)
    {
        var linked = 0;
        var stack = new Stack<IElement>();
        foreach (var c in e.Children)
        {
            stack.Push(c);
        }

        while (stack.Count > 0 && budget.Step())
        {
            var n = stack.Pop();
            if (n.LocalName == "a")
            {
                linked += Normalize(TextOf(n, budget)).Length;
                continue;
            }

            foreach (var c in n.Children)
            {
                stack.Push(c);
            }
        }

        return textLength == 0 ? 1 : (double)linked / textLength;
    }

    /// <summary>The text of an element, gathered iteratively (deeply nested pages cannot overflow the stack); a
    /// <c>&lt;br&gt;</c> is a space.</summary>
    private static string TextOf(INode node, Budget? budget)
    {
        var sb = new StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(node);
        var steps = 0;
        while (stack.Count > 0 && ++steps < 200_000 && (budget is null || budget.Step()))
        {
            var n = stack.Pop();
            if (n is IText t)
            {
                sb.Append(t.Data);
                continue;
            }

            if (n is IElement el && el.LocalName is "script" or "style" or "noscript" or "template" && !ReferenceEquals(n, node))
            {
                continue;
            }

            if (n is IElement br && br.LocalName == "br")
            {
                sb.Append(' ');
            }

            var first = stack.Count;
            foreach (var child in n.ChildNodes)
            {
                stack.Push(child);
            }

            ReverseTop(stack, first);
        }

        return sb.ToString();
    }

    /// <summary>AngleSharp counts source positions from 1; spans here are zero-based.</summary>
    private static int Position(IElement e) => e.SourceReference is { } r ? Math.Max(0, r.Position.Position - 1) : -1;

    /// <summary>Reverses the items pushed since the stack had <paramref name="count"/> items, so children pop in order.</summary>
    private static void ReverseTop<T>(Stack<T> stack, int count)
    {
        var pushed = stack.Count - count;
        if (pushed < 2)
        {
            return;
        }

        var items = new T[pushed];
        for (var k = 0; k < pushed; k++)
        {
            items[k] = stack.Pop();
        }

        foreach (var item in items)
        {
            stack.Push(item);
        }
    }

    /// <summary>Collapses white space and trims.</summary>
    internal static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
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

        return sb.ToString();
    }

    /// <summary>Decodes character references left in metadata (JSON-LD and some meta tags carry "&amp;#163;") and
    /// collapses white space.</summary>
    internal static string Clean(string s) => Normalize(s.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(s) : s);

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0 && v[0].ValueKind == JsonValueKind.String ? v[0].GetString() : null : null;

    /// <summary>Parses a publication time, keeping the page's offset: ISO 8601, RFC 1123, and AzerNews' "21 July 2025 14:01 (UTC+04:00)".</summary>
    internal static OffsetDateTime? ParseTime(string value)
    {
        var parsed = ParseTimeCore(value);
        return parsed is { Year: >= 1900 and <= 2200 } ? parsed : null; // "0", "1" and other junk are not publication times
    }

    private static OffsetDateTime? ParseTimeCore(string value)
    {
        var s = value.Trim();
        if (s.Length > 100)
        {
            return null;
        }

        var iso = OffsetDateTimePattern.ExtendedIso.Parse(s);
        if (iso.Success)
        {
            return iso.Value;
        }

        var utcMarker = s.IndexOf("(UTC", StringComparison.OrdinalIgnoreCase);
        if (utcMarker > 0)
        {
            var offsetText = s[(utcMarker + 4)..].TrimEnd(')', ' ');
            var local = s[..utcMarker].Trim();
            if (DateTime.TryParse(local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)
                && OffsetPattern.GeneralInvariant.Parse(offsetText.Length == 0 ? "+00" : offsetText) is { Success: true } off)
            {
                return LocalDateTime.FromDateTime(dt).WithOffset(off.Value);
            }
        }

        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
        {
            return OffsetDateTime.FromDateTimeOffset(dto);
        }

        return null;
    }
}
