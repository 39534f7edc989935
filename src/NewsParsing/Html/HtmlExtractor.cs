using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
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
/// OpenGraph and <c>article:*</c> meta, then <c>&lt;meta name&gt;</c>, <c>&lt;time datetime&gt;</c>, then the page's
/// <c>&lt;h1&gt;</c>/<c>&lt;title&gt;</c>), and the main text by a readability-style scorer over paragraph elements.
/// Every walk over the tree is iterative and bounded, so deep or huge pages cannot overflow the stack or run away.
/// </summary>
internal static class HtmlExtractor
{
    private const int MaxElements = 400_000;
    private const int MinParagraphLength = 25;

    private static readonly string[] Negative = ["nav", "footer", "share", "social", "related", "comment", "promo", "sidebar", "menu", "cookie", "subscribe", "newsletter", "advert", "banner", "breadcrumb", "popup", "modal", "recommend", "trending", "caption", "byline", "author", "signup", "consent", "widget", "tags", "toolbar"];
    private static readonly string[] Positive = ["article", "content", "story", "body", "main", "text", "post", "entry"];
    private static readonly FrozenSet<string> SkipTags = new[] { "nav", "footer", "aside", "form", "figure", "figcaption", "header", "script", "style", "noscript", "button", "select", "iframe", "svg", "template" }.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> ArticleTypes = new[] { "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "WebPage", "LiveBlogPosting", "OpinionNewsArticle" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The deepest element nesting parsed as a tree; deeper pages are read as text (tree building is
    /// quadratic in the depth of open elements).</summary>
    public const int MaxDepth = 2_000;

    /// <summary>A linear pre-scan of the nesting depth, counting start and end tags roughly.</summary>
    public static int ApproximateDepth(string html)
    {
        int depth = 0, max = 0;
        var s = html.AsSpan();
        for (var i = s.IndexOf('<'); i >= 0 && i + 1 < s.Length;)
        {
            var c = s[i + 1];
            if (c == '/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (char.IsAsciiLetter(c))
            {
                var end = s[i..].IndexOf('>');
                var selfClosing = end > 0 && s[i + end - 1] == '/';
                var name = s[(i + 1)..];
                var isVoid = name.StartsWith("br", StringComparison.OrdinalIgnoreCase) || name.StartsWith("img", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith("meta", StringComparison.OrdinalIgnoreCase) || name.StartsWith("link", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith("input", StringComparison.OrdinalIgnoreCase) || name.StartsWith("hr", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith("p", StringComparison.OrdinalIgnoreCase) || name.StartsWith("li", StringComparison.OrdinalIgnoreCase);
                if (!selfClosing && !isVoid)
                {
                    max = Math.Max(max, ++depth);
                }
            }

            var next = s[(i + 1)..].IndexOf('<');
            i = next < 0 ? -1 : i + 1 + next;
        }

        return max;
    }

    /// <summary>The text of a page too deep to build as a tree: tags dropped, block ends as paragraph breaks.</summary>
    public static string StripTags(string html)
    {
        var sb = new StringBuilder(html.Length / 2);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
                sb.Append(' ');
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (!inTag)
            {
                sb.Append(c);
            }
        }

        return Normalize(sb.ToString());
    }

    public static HtmlExtraction Extract(string html, string? url)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        using var doc = parser.ParseDocument(html);
        var result = new HtmlExtraction { Url = url };
        ReadJsonLd(doc, result);
        ReadMeta(doc, result);
        ReadMainText(doc, result);
        if (result.Headline is null)
        {
            var h1 = doc.QuerySelector("h1");
            var title = h1 is not null ? Normalize(TextOf(h1)) : Normalize(doc.Title ?? "");
            if (title.Length > 0)
            {
                result.Headline = title;
                result.HeadlineHtmlStart = h1 is not null ? Position(h1) : -1;
            }
        }

        return result;
    }

    private static void ReadJsonLd(IDocument doc, HtmlExtraction result)
    {
        foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                foreach (var node in Objects(json.RootElement, 0))
                {
                    if (!IsArticle(node))
                    {
                        continue;
                    }

                    if (result.Headline is null && Str(node, "headline") is { Length: > 0 } headline)
                    {
                        result.Headline = Normalize(headline);
                    }

                    if (result.Authors.Count == 0 && node.TryGetProperty("author", out var author))
                    {
                        AddAuthors(author, result.Authors);
                    }

                    if (result.Published is null && Str(node, "datePublished") is { } published)
                    {
                        result.Published = ParseTime(published);
                    }

                    if (result.Publisher is null && node.TryGetProperty("publisher", out var publisher))
                    {
                        result.Publisher = publisher.ValueKind == JsonValueKind.Object ? Str(publisher, "name") : publisher.ValueKind == JsonValueKind.String ? publisher.GetString() : null;
                    }

                    result.Url ??= Str(node, "url");
                }
            }
            catch (JsonException)
            {
                // malformed JSON-LD is common; the meta tags still count
            }
        }
    }

    private static IEnumerable<JsonElement> Objects(JsonElement e, int depth)
    {
        if (depth > 8)
        {
            yield break;
        }

        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                foreach (var o in Objects(item, depth + 1))
                {
                    yield return o;
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Object)
        {
            yield return e;
            if (e.TryGetProperty("@graph", out var graph))
            {
                foreach (var o in Objects(graph, depth + 1))
                {
                    yield return o;
                }
            }
        }
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

    private static void AddAuthors(JsonElement author, List<string> authors)
    {
        switch (author.ValueKind)
        {
            case JsonValueKind.String:
                foreach (var name in author.GetString()!.Split([",", " and ", "&"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    AddName(name, authors);
                }

                break;
            case JsonValueKind.Object:
                if (Str(author, "name") is { } n)
                {
                    AddName(n, authors);
                }

                break;
            case JsonValueKind.Array:
                foreach (var a in author.EnumerateArray())
                {
                    AddAuthors(a, authors);
                }

                break;
        }
    }

    private static void AddName(string name, List<string> authors)
    {
        var n = Normalize(name);
        if (n.StartsWith("By ", StringComparison.OrdinalIgnoreCase))
        {
            n = n[3..].Trim();
        }

        if (n.Length is > 1 and < 80 && !authors.Contains(n, StringComparer.Ordinal))
        {
            authors.Add(n);
        }
    }

    private static void ReadMeta(IDocument doc, HtmlExtraction result)
    {
        foreach (var meta in doc.QuerySelectorAll("meta"))
        {
            var key = (meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop") ?? "").ToLowerInvariant();
            var content = meta.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            switch (key)
            {
                case "og:title" or "twitter:title" when result.Headline is null:
                    result.Headline = Normalize(content);
                    break;
                case "article:published_time" or "og:article:published_time" or "pubdate" or "publishdate" or "publish-date" or "date" or "dc.date" or "dc.date.issued"
                    or "dcterms.created" or "sailthru.date" or "parsely-pub-date" or "datepublished" when result.Published is null:
                    result.Published = ParseTime(content);
                    break;
                case "author" or "article:author" or "byl" or "sailthru.author" or "parsely-author" when result.Authors.Count == 0 && !content.StartsWith("http", StringComparison.OrdinalIgnoreCase):
                    foreach (var name in content.Split([",", " and ", "&", ";"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        AddName(name, result.Authors);
                    }

                    break;
                case "og:site_name" or "application-name" when result.Publisher is null:
                    result.Publisher = Normalize(content);
                    break;
                case "og:url" when result.Url is null:
                    result.Url = content.Trim();
                    break;
            }
        }

        if (result.Published is null && doc.QuerySelector("time[datetime]") is { } time)
        {
            result.Published = ParseTime(time.GetAttribute("datetime")!);
        }

        result.Url ??= doc.QuerySelector("link[rel='canonical']")?.GetAttribute("href");
    }

    /// <summary>
    /// Scores the parents of paragraph elements by the text they hold (minus links), picks the best container, and keeps
    /// its paragraphs outside navigation, share bars, captions, and promotional boxes.
    /// </summary>
    private static void ReadMainText(IDocument doc, HtmlExtraction result)
    {
        var scores = new Dictionary<IElement, double>();
        var paragraphs = new List<(IElement Element, string Text)>();
        var visited = 0;
        var stack = new Stack<IElement>();
        var children = new List<IElement>();
        if (doc.Body is { } body)
        {
            stack.Push(body);
        }

        while (stack.Count > 0)
        {
            if (++visited > MaxElements)
            {
                result.Truncated = true;
                break;
            }

            var e = stack.Pop();
            var tag = e.LocalName;
            if (SkipTags.Contains(tag) || HasHint(e, Negative))
            {
                continue;
            }

            if (tag is "p" or "h2" or "h3" or "blockquote" || (tag is "li" && e.ParentElement?.ParentElement is { } listParent && scores.ContainsKey(listParent))
                || (tag is "div" && (e.GetAttribute("data-testid")?.StartsWith("paragraph", StringComparison.Ordinal) ?? false)))
            {
                var text = Normalize(TextOf(e));
                if (text.Length >= MinParagraphLength && LinkDensity(e, text.Length) < 0.5)
                {
                    paragraphs.Add((e, text));
                    var weight = text.Length + (text.Count(c => c == ',') * 10);
                    if (e.ParentElement is { } parent)
                    {
                        scores[parent] = scores.GetValueOrDefault(parent) + weight;
                        if (parent.ParentElement is { } grand)
                        {
                            scores[grand] = scores.GetValueOrDefault(grand) + (weight / 2.0);
                        }
                    }
                }

                continue;
            }

            // One forward enumeration of the children, pushed in reverse: indexing AngleSharp's live collections or
            // walking sibling links costs time linear in the number of siblings per step, which made a block of
            // 400,000 paragraphs quadratic.
            children.Clear();
            foreach (var child in e.Children)
            {
                children.Add(child);
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }

        if (paragraphs.Count == 0)
        {
            return;
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
        if (container.ParentElement is { } up && scores.GetValueOrDefault(up) > bestScore * 0.75)
        {
            container = up;
        }

        // Paragraphs split over sibling blocks (text broken by ads or embeds): widen while the wider block adds text
        // that scored on its own.
        for (var widen = 0; widen < 2 && container.ParentElement is { } parent && parent.LocalName is not ("body" or "html"); widen++)
        {
            double inside = 0, outside = 0;
            foreach (var (element, text) in paragraphs)
            {
                if (IsInside(element, container))
                {
                    inside += text.Length;
                }
                else if (IsInside(element, parent))
                {
                    outside += text.Length;
                }
            }

            if (outside < inside * 0.15)
            {
                break;
            }

            container = parent;
        }

        // A paragraph's page span runs from its start tag to the next paragraph's (document order), so no sibling
        // lookups are needed.
        for (var k = 0; k < paragraphs.Count; k++)
        {
            var (element, text) = paragraphs[k];
            if (IsInside(element, container) && !(text.StartsWith("By ", StringComparison.Ordinal) && text.Length < 80))
            {
                var start = Position(element);
                var end = k + 1 < paragraphs.Count ? Position(paragraphs[k + 1].Element) : -1;
                result.Paragraphs.Add((text, start, end > start ? end : start));
            }
        }
    }

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

    /// <summary>Whether a class or id word (split at spaces, dashes and underscores) is one of <paramref name="hints"/>;
    /// the page's outer elements never count ("nav-no-loaded" on &lt;body&gt; must not drop the whole page).</summary>
    private static bool HasHint(IElement e, string[] hints)
    {
        if (e.LocalName is "body" or "html" or "main" or "article")
        {
            return false;
        }

        var role = e.GetAttribute("role");
        if (role is "navigation" or "complementary" or "banner" or "contentinfo")
        {
            return hints == Negative;
        }

        return HasWord(e.GetAttribute("class"), hints) || HasWord(e.Id, hints);
    }

    private static bool HasWord(string? value, string[] hints)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        foreach (var part in value.Split([' ', '-', '_', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var h in hints)
            {
                if (part.Equals(h, StringComparison.OrdinalIgnoreCase) || (part.Length > h.Length + 1 && part.StartsWith(h, StringComparison.OrdinalIgnoreCase) && h.Length >= 6))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static double LinkDensity(IElement e, int textLength)
    {
        var linked = 0;
        foreach (var a in e.QuerySelectorAll("a"))
        {
            linked += a.TextContent.Length;
        }

        return textLength == 0 ? 1 : (double)linked / textLength;
    }

    /// <summary>The text of an element, gathered iteratively (deeply nested pages cannot overflow the stack).</summary>
    private static string TextOf(INode node)
    {
        var sb = new StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(node);
        var steps = 0;
        while (stack.Count > 0 && ++steps < 200_000)
        {
            var n = stack.Pop();
            if (n is IText t)
            {
                sb.Append(t.Data);
                continue;
            }

            if (n is IElement el && el.LocalName is "script" or "style" or "noscript")
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
    private static void ReverseTop(Stack<INode> stack, int count)
    {
        var pushed = stack.Count - count;
        if (pushed < 2)
        {
            return;
        }

        var items = new INode[pushed];
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
