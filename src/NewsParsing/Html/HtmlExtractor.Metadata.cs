using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using NodaTime;
using NodaTime.Text;

namespace NewsParsing.Html;

/// <summary>Metadata: JSON-LD, meta, headline, bylines, dates.</summary>
internal static partial class HtmlExtractor
{
    /// <summary>The elements the metadata come from, gathered in one bounded walk (no selector engine: AngleSharp's
    /// selectors and TextContent recurse over the tree).</summary>
    private sealed class PageParts
    {
        public List<IElement> Metas { get; } = [];

        public List<IElement> JsonLd { get; } = [];

        public List<IElement> Times { get; } = [];

        public List<IElement> Bylines { get; } = [];

        /// <summary>Elements that show a date as text: &lt;time&gt; without <c>datetime</c>, class or id "date", "time" ….</summary>
        public List<IElement> DateTexts { get; } = [];

        /// <summary>Whether JSON-LD credits organizations only (persons may still be named on the page).</summary>
        public bool OrganizationAuthorsOnly { get; set; }

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
                case "time" when parts.DateTexts.Count < 16:
                    parts.DateTexts.Add(e);
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

            var cls = e.GetAttribute("class");
            var id = e.Id;
            if (parts.Bylines.Count < 8 && (string.Equals(e.GetAttribute("rel"), "author", StringComparison.OrdinalIgnoreCase)
                || string.Equals(e.GetAttribute("itemprop"), "author", StringComparison.OrdinalIgnoreCase)
                || HasWord(cls, BylineWords) || HasWord(id, BylineWords)))
            {
                parts.Bylines.Add(e);
                continue;
            }

            if (parts.DateTexts.Count < 16 && e.LocalName != "time" && (HasWord(cls, DateWords) || HasWord(id, DateWords)))
            {
                parts.DateTexts.Add(e);
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
                        var people = 0;
                        AddAuthors(author, result.Authors, 0, ref people);
                        page.OrganizationAuthorsOnly = result.Authors.Count > 0 && people == 0;
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
    private static void AddAuthors(JsonElement author, List<string> authors, int depth, ref int people)
    {
        if (depth > 4)
        {
            return;
        }

        switch (author.ValueKind)
        {
            case JsonValueKind.String:
                AddNames(author.GetString()!, authors);
                people++;
                break;
            case JsonValueKind.Object:
                if (Str(author, "name") is { } n)
                {
                    AddNames(n, authors);
                    people += IsOrganization(author) ? 0 : 1;
                }

                break;
            case JsonValueKind.Array:
                foreach (var a in author.EnumerateArray())
                {
                    AddAuthors(a, authors, depth + 1, ref people);
                }

                break;
        }
    }

    /// <summary>Whether a JSON-LD object is an organization (<c>Organization</c>, <c>NewsMediaOrganization</c>, …).</summary>
    private static bool IsOrganization(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var type))
        {
            return false;
        }

        var t = type.ValueKind == JsonValueKind.String ? type.GetString()
            : type.ValueKind == JsonValueKind.Array && type.GetArrayLength() > 0 && type[0].ValueKind == JsonValueKind.String ? type[0].GetString() : null;
        return t is not null && (t.EndsWith("Organization", StringComparison.Ordinal) || t is "Corporation" or "NGO" or "GovernmentOrganization");
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

        foreach (var name in s.Split([",", " and ", " AND ", " und ", "&", ";", "|", "•", " · "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            AddName(name, authors);
        }
    }

    private static void AddName(string name, List<string> authors)
    {
        var n = Normalize(name);
        foreach (var prefix in BylinePrefixes)
        {
            if (n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && n.Length > prefix.Length && n[prefix.Length] is ' ' or ':')
            {
                n = n[(prefix.Length + 1)..].TrimStart(' ', ':');
                break;
            }
        }

        if (n.Length is > 1 and < 80 && !IsRole(n) && !authors.Contains(n, StringComparer.Ordinal) && authors.Count < 20)
        {
            authors.Add(n);
        }
    }

    /// <summary>What a byline opens with before the names ("By", German "Von", Spanish "Por", French "Par").</summary>
    private static readonly string[] BylinePrefixes = ["By", "Von", "Por", "Par", "Written by", "Words by", "Reporting by"];

    /// <summary>Job titles written after a name in a byline ("Jane Roe, Staff Writer"), which are not names.</summary>
    private static readonly FrozenSet<string> RoleWords = new[] { "staff", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor", "editors", "contributor", "contributors", "columnist", "journalist", "producer", "photographer", "updated", "published" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static bool IsRole(string name)
    {
        foreach (var word in name.Split(' '))
        {
            if (RoleWords.Contains(word))
            {
                return true;
            }
        }

        return false;
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
    /// The headline: the one the publisher states for the world, JSON-LD's headline or OpenGraph's (or Twitter's) title,
    /// and where they differ the one the page's &lt;h1&gt; and &lt;title&gt; agree with (case, white space and curly
    /// quotes aside; on a tie JSON-LD's); without either, whichever of &lt;h1&gt; and &lt;title&gt; agree, else the
    /// &lt;h1&gt;. Titles have the site name cut off; a JSON-LD headline cut short ("…", or the start of another) and a
    /// title that is only the publisher's name do not count. Everything entity-decoded.
    /// </summary>
    private static void ChooseHeadline(PageParts page, HtmlExtraction result)
    {
        var h1 = page.H1 is { } e ? Clean(TextOf(e, null)) : null;
        var title = page.Title is { } t ? Clean(TextOf(t, null)) : null;
        string?[] candidates = [page.JsonLdHeadline, page.OgTitle, h1, title];
        string?[] raw = [.. candidates];
        for (var k = 0; k < candidates.Length; k++)
        {
            if (candidates[k] is { Length: > 0 } c)
            {
                candidates[k] = StripSiteName(c, result.Publisher, raw);
            }

            if (candidates[k] is { } x && (x.Length < 3 || SameText(x, result.Publisher)))
            {
                candidates[k] = null;
            }
        }

        if (candidates[0] is { } ld && (ld.EndsWith("...", StringComparison.Ordinal) || ld.EndsWith('…') || IsCutShort(ld, candidates)))
        {
            candidates[0] = null;
        }

        string? chosen = null;
        var best = 0;
        var last = candidates[0] is not null || candidates[1] is not null ? 1 : candidates.Length - 1;
        for (var a = 0; a <= last; a++)
        {
            if (candidates[a] is not { } x)
            {
                continue;
            }

            var votes = 0;
            foreach (var y in candidates)
            {
                votes += y is not null && SameText(x, y) ? 1 : 0;
            }

            if (votes > best)
            {
                (chosen, best) = (x, votes);
            }
        }

        if (chosen is not null)
        {
            result.Headline = chosen;
            result.HeadlineHtmlStart = page.H1 is { } h && SameText(h1, chosen) ? Position(h) : -1;
        }
    }

    /// <summary>Whether a JSON-LD headline is the start of a longer candidate (cut at a length limit).</summary>
    private static bool IsCutShort(string headline, string?[] candidates)
    {
        var key = Comparable(headline);
        for (var k = 1; k < candidates.Length; k++)
        {
            // "… brace for a sprint to Election" of "… brace for a sprint to Election Day", not "X" of "X | Site"
            if (candidates[k] is { } c && Comparable(c) is var other && other.Length > key.Length + 3 && other.StartsWith(key, StringComparison.Ordinal)
                && other.AsSpan(key.Length).TrimStart() is { Length: > 0 } rest && char.IsLetterOrDigit(rest[0]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether two texts are the same but for case, white space and curly quotes.</summary>
    private static bool SameText(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Comparable(a), Comparable(b), StringComparison.Ordinal);

    private static string Comparable(string s) =>
        Normalize(s).Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"').ToLowerInvariant();

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
                agrees |= SameText(o, head);
            }

            if (isPublisher || agrees)
            {
                return head;
            }
        }

        return title;
    }

    /// <summary>Authors from byline elements (<c>rel=author</c>, <c>itemprop=author</c>, class or id "byline",
    /// "author"), failing those a "By …" line at the top of the main text, failing that a name written just before the
    /// date ("Jane Roe | 05.04.2025").</summary>
    private static void ReadBylines(PageParts page, HtmlExtraction result, Budget budget)
    {
        var before = result.Authors.Count;
        foreach (var e in page.Bylines)
        {
            var text = WithoutDates(Clean(TextOf(e, budget)));
            if (text.Length is > 2 and < 120 && LooksLikeByline(text))
            {
                AddNames(text, result.Authors);
            }

            if (result.Authors.Count > before)
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

        if (before > 0)
        {
            return;
        }

        foreach (var date in page.DateTexts)
        {
            if (date.PreviousElementSibling is { } previous && NameBeforeDate(Clean(TextOf(previous, budget))) is { } name)
            {
                AddName(name, result.Authors);
                return;
            }
        }
    }

    /// <summary>A byline's text without the parts that hold a date or time ("Jane Roe | Updated 3:45 PM").</summary>
    private static string WithoutDates(string text)
    {
        if (text.IndexOfAny(['|', '•', '·']) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var part in text.Split(['|', '•', '·'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!part.AsSpan().ContainsAny(Digits))
            {
                sb.Append(sb.Length > 0 ? " | " : "").Append(part);
            }
        }

        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create("0123456789");

    /// <summary>A person's name as a page writes it just before the date: two to four capitalised words and nothing else
    /// but a separator ("Sehernur Karsu |").</summary>
    private static string? NameBeforeDate(string text)
    {
        var s = text.TrimEnd(' ', '|', '•', '·', '-', '–', '—', ',', '/');
        if (s.Length is < 5 or > 40)
        {
            return null;
        }

        var words = s.Split(' ');
        if (words.Length is < 2 or > 4)
        {
            return null;
        }

        foreach (var w in words)
        {
            if (w.Length == 0 || !char.IsUpper(w[0]))
            {
                return null;
            }

            foreach (var c in w)
            {
                if (!char.IsLetter(c) && c is not ('-' or '\'' or '.'))
                {
                    return null;
                }
            }
        }

        return IsRole(s) ? null : s;
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

    /// <summary>The publication date shown as text, when nothing else gives it: a &lt;time&gt; without
    /// <c>datetime</c>, or a short element whose class or id says date ("date", "published", "tarih" …).</summary>
    private static void ReadVisibleDate(PageParts page, HtmlExtraction result, Budget budget)
    {
        foreach (var e in page.DateTexts)
        {
            var text = Clean(TextOf(e, budget));
            if (text.Length is >= 6 and <= 80 && VisibleDate(text) is { } date)
            {
                result.Published = date;
                return;
            }
        }
    }

    /// <summary>The first written date with its year in a short text ("05.04.2025", "April 5, 2025 3:45 PM",
    /// "5 April 2025 14:01", "2025-04-05"), at its written time if one follows, as UTC (the page gives no offset); dotted
    /// numbers are day first.</summary>
    internal static OffsetDateTime? VisibleDate(string text)
    {
        var s = text.AsSpan();
        for (var p = 0; p < s.Length; p++)
        {
            if (!char.IsLetterOrDigit(s[p]) || (p > 0 && char.IsLetterOrDigit(s[p - 1])))
            {
                continue;
            }

            if (!Temporal.DateReader.TryRead(s, p, s.Length, Temporal.DateStyle.Prose, out var d) || d.Year == 0 || d.Grain != Temporal.DateGrain.Day)
            {
                continue;
            }

            return AsUtc(d, TimeAfter(s, d.End));
        }

        return null;
    }

    /// <summary>A written day at its written time (midnight without one), as UTC: pages' visible dates give no offset.</summary>
    private static OffsetDateTime AsUtc(Temporal.WrittenDate d, LocalTime? time) =>
        (new LocalDate(d.Year, d.Month, d.Day) + (time ?? LocalTime.Midnight)).WithOffset(Offset.Zero);

    /// <summary>
    /// The date of a line that is only a date stamp ("Posted: Fri 6:45 PM, Feb 16, 2018 |", "November 20, 2019 - 11:28
    /// AMT"): a full date with its year; before it only numbers and the words of <paramref name="stampWords"/>
    /// ("Posted", "Updated", "on", weekday names …), so a dateline ("WASHINGTON, Nov. 20, 2019") or a sentence ("Updated
    /// guidance took effect on March 2, 2020.") is not a stamp; after it at most a time and a zone. The zone is not
    /// applied: the time is read as UTC, as <see cref="VisibleDate"/> reads it.
    /// </summary>
    internal static OffsetDateTime? StampDate(string text, FrozenSet<string> stampWords)
    {
        var s = text.AsSpan().TrimEnd();
        if (s.EndsWith(".") && !(s.EndsWith("a.m.", StringComparison.OrdinalIgnoreCase) || s.EndsWith("p.m.", StringComparison.OrdinalIgnoreCase)))
        {
            return null; // a sentence
        }

        for (var p = 0; p < s.Length; p++)
        {
            if (!char.IsLetterOrDigit(s[p]) || (p > 0 && char.IsLetterOrDigit(s[p - 1])))
            {
                continue;
            }

            if (!Temporal.DateReader.TryRead(s, p, s.Length, Temporal.DateStyle.Prose, out var d))
            {
                if (char.IsLetter(s[p]) && !stampWords.Contains(Word(s, p).ToString()))
                {
                    return null; // a word that is not a stamp's: a place, a name, a sentence
                }

                continue;
            }

            if (d.Year == 0 || d.Grain != Temporal.DateGrain.Day || !OnlyTimeAndZone(s[d.End..], stampWords))
            {
                return null;
            }

            var time = TimeAfter(s, d.End);
            for (var q = 0; time is null && q < p; q++)
            {
                if (char.IsAsciiDigit(s[q]) && (q == 0 || !char.IsAsciiDigit(s[q - 1])))
                {
                    time = TimeAfter(s[..p], q); // "Posted: Fri 6:45 PM, Feb 16, 2018"
                }
            }

            return AsUtc(d, time);
        }

        return null;
    }

    /// <summary>The letters of the word starting at <paramref name="p"/>.</summary>
    private static ReadOnlySpan<char> Word(ReadOnlySpan<char> s, int p)
    {
        var end = p;
        while (end < s.Length && char.IsLetter(s[end]))
        {
            end++;
        }

        return s[p..end];
    }

    /// <summary>Whether what follows a stamp's date is at most a time and a zone ("- 11:28 AMT", "| 3:45 p.m. ET").</summary>
    private static bool OnlyTimeAndZone(ReadOnlySpan<char> rest, FrozenSet<string> stampWords)
    {
        if (rest.Trim().Length > 24)
        {
            return false;
        }

        for (var p = 0; p < rest.Length; p++)
        {
            if (!char.IsLetter(rest[p]) || (p > 0 && char.IsLetter(rest[p - 1])))
            {
                continue;
            }

            var word = Word(rest, p);
            var zone = word.Length is >= 2 and <= 5 && !word.ContainsAnyExceptInRange('A', 'Z');
            if (!zone && !stampWords.Contains(word.ToString()) && !word.Equals("am", StringComparison.OrdinalIgnoreCase)
                && !word.Equals("pm", StringComparison.OrdinalIgnoreCase) && word is not ("a" or "p" or "m"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A clock time ("14:01", "3:45 PM", "3.45pm") within a few characters after a date.</summary>
    private static LocalTime? TimeAfter(ReadOnlySpan<char> s, int from)
    {
        var limit = Math.Min(s.Length, from + 12);
        for (var p = from; p < limit; p++)
        {
            if (!char.IsAsciiDigit(s[p]))
            {
                continue;
            }

            var q = p;
            var hour = 0;
            while (q < s.Length && char.IsAsciiDigit(s[q]) && q - p < 2)
            {
                hour = (hour * 10) + (s[q++] - '0');
            }

            if (q + 2 >= s.Length || s[q] is not (':' or '.') || !char.IsAsciiDigit(s[q + 1]) || !char.IsAsciiDigit(s[q + 2]))
            {
                return null;
            }

            var minute = ((s[q + 1] - '0') * 10) + (s[q + 2] - '0');
            var rest = s[(q + 3)..].TrimStart();
            var pm = rest.StartsWith("pm", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("p.m.", StringComparison.OrdinalIgnoreCase);
            var am = rest.StartsWith("am", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("a.m.", StringComparison.OrdinalIgnoreCase);
            if ((s[q] == '.' && !pm && !am) || (q + 3 < s.Length && s[q + 3] is '.' or '/' or ':' or '-' && q + 4 < s.Length && char.IsAsciiDigit(s[q + 4])))
            {
                return null; // "05.04.2025" is another date, not 05:04
            }

            hour = pm ? (hour == 12 ? 12 : hour + 12) : am && hour == 12 ? 0 : hour;

            return hour is >= 0 and < 24 && minute < 60 ? new LocalTime(hour, minute) : null;
        }

        return null;
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
