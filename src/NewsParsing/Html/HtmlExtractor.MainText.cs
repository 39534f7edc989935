using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using NodaTime;
using NodaTime.Text;

namespace NewsParsing.Html;

/// <summary>The main text: a readability-style scorer with relaxed retries.</summary>
internal static partial class HtmlExtractor
{
    /// <summary>Exclusions that the relaxed retries lift, one at a time.</summary>
    [Flags]
    private enum Relax
    {
        None = 0,
        ClassWords = 1,
        Tags = 2,
    }

    /// <summary>A paragraph candidate: the element it came from (a paragraph element, or the block holding bare text
    /// and <c>&lt;br&gt;</c> lines), the element it scores, and its text. A data table's row is a candidate that scores
    /// nothing and does not widen the container: it is kept when the story's container holds its table.</summary>
    private readonly record struct Candidate(IElement Element, IElement Scored, string Text, bool TableRow = false);

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
        TrimTrailingBoilerplate(paragraphs);

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

    /// <summary>The cues of <c>Html/boilerplate.data.json</c>, read once: trailing paragraphs (longest, prefixes,
    /// phrases, case-insensitive), leading lines (longest, prefixes, whole-word phrases, the words a date stamp may
    /// hold) and related-stories labels.</summary>
    private sealed record BoilerplateCues(
        int MaxLength, string[] Prefixes, string[] Contains,
        int LeadingMaxLength, string[] LeadingPrefixes, string[] LeadingContains, FrozenSet<string> StampWords,
        FrozenSet<string> RelatedHeadings);

    private static readonly Lazy<BoilerplateCues> Boilerplate = new(LoadBoilerplate);

    /// <summary>Class or id words that mark a heading as the label of other stories.</summary>
    private static readonly string[] RelatedWords = ["related", "recommend", "recommended"];

    /// <summary>
    /// Drops paragraphs at the very end of the body that are short and start with, or contain, a boilerplate cue
    /// ("Citation: … retrieved", "Sign up for", "Follow us", copyright lines, image credits): containers often hold
    /// them after the story. Only a run at the end is cut, one paragraph always stays, and the first paragraph that is
    /// not boilerplate stops the cut, so a real last paragraph is never removed for what follows it.
    /// </summary>
    private static void TrimTrailingBoilerplate(List<(IElement Element, string Text)> paragraphs)
    {
        var cues = Boilerplate.Value;
        while (paragraphs.Count > 1 && IsBoilerplate(paragraphs[^1].Text, cues.MaxLength, cues.Prefixes, cues.Contains))
        {
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }
    }

    private static bool IsBoilerplate(string text, int maxLength, string[] prefixes, string[] contains)
    {
        if (text.Length > maxLength)
        {
            return false;
        }

        if (StartsWithAny(text, prefixes))
        {
            return true;
        }

        foreach (var phrase in contains)
        {
            if (text.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="text"/> starts with one of <paramref name="prefixes"/> (any case).</summary>
    private static bool StartsWithAny(string text, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static BoilerplateCues LoadBoilerplate()
    {
        using var stream = EmbeddedData.Open("Html.boilerplate.data.json");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        string[] Strings(string name) => [.. root.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
        return new BoilerplateCues(
            root.GetProperty("maxLength").GetInt32(), Strings("prefixes"), Strings("contains"),
            root.GetProperty("leadingMaxLength").GetInt32(), Strings("leadingPrefixes"), Strings("leadingContains"),
            Strings("stampWords").ToFrozenSet(StringComparer.Ordinal),
            Strings("relatedHeadings").ToFrozenSet(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Drops lines at the very start of the body that are not the story: photo credits ("Photo: … / Associated Press",
    /// "… Getty Images"), reading times, tag lists and date stamps ("Posted: Fri 6:45 PM, Feb 16, 2018"). At most three,
    /// each short, one paragraph always stays, and the first line that is none of these stops the cut, so a dateline or
    /// a lead is never taken. Returns the date of a dropped stamp, for a page that states its date nowhere else.
    /// </summary>
    private static OffsetDateTime? TrimLeadingBoilerplate(List<(string Text, int HtmlStart, int HtmlEnd)> paragraphs)
    {
        var cues = Boilerplate.Value;
        OffsetDateTime? stamp = null;
        for (var removed = 0; removed < 3 && paragraphs.Count > 1 && paragraphs[0].Text.Length <= cues.LeadingMaxLength; removed++)
        {
            var text = paragraphs[0].Text;
            if (StampDate(text, cues.StampWords) is { } date)
            {
                stamp = stamp is { } earlier && OffsetDateTime.Comparer.Instant.Compare(earlier, date) <= 0 ? earlier : date; // "Updated" may come first
            }
            else if (!IsLeadingBoilerplate(text, cues.LeadingPrefixes, cues.LeadingContains))
            {
                break;
            }

            paragraphs.RemoveAt(0);
        }

        return stamp;
    }

    /// <summary>A leading line that is a credit, a reading time or a tag list: a prefix at the start (any case), or, in a
    /// line that does not end in a full stop, a phrase as whole words (exact case).</summary>
    private static bool IsLeadingBoilerplate(string text, string[] prefixes, string[] phrases)
    {
        if (StartsWithAny(text, prefixes))
        {
            return true;
        }

        if (text.AsSpan().TrimEnd().EndsWith("."))
        {
            return false;
        }

        foreach (var phrase in phrases)
        {
            for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            {
                var end = at + phrase.Length;
                var startsWord = !char.IsLetterOrDigit(phrase[0]) || at == 0 || !char.IsLetterOrDigit(text[at - 1]);
                var endsWord = !char.IsLetterOrDigit(phrase[^1]) || end == text.Length || !char.IsLetterOrDigit(text[end]);
                if (startsWord && endsWord)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A block labelled as other stories: its first child is a heading whose class or id says related or recommended,
    /// or whose text is a related-stories label ("You may also like", "Leia também", "Você pode gostar..."; the list is
    /// in <c>Html/boilerplate.data.json</c>), with no text before the heading and no paragraph directly under the block
    /// (teasers sit in items of their own). The block's own words saying article, body, content, story or main keep it.
    /// </summary>
    private static bool IsLabelledRelated(IElement e, StringBuilder scratch, Stack<INode> nodes, Budget budget)
    {
        if (e.LocalName is "body" or "html" or "main" || e.FirstElementChild is not { } first
            || first.LocalName is not ("h2" or "h3" or "h4" or "h5" or "h6")
            || HasWord(e.GetAttribute("class"), ArticleWords) || HasWord(e.Id, ArticleWords))
        {
            return false;
        }

        // Teasers sit in items of their own; text before the heading or a paragraph right under the block is a story's.
        var seenFirst = false;
        foreach (var node in e.ChildNodes)
        {
            if (ReferenceEquals(node, first))
            {
                seenFirst = true;
            }
            else if (!seenFirst && node is IText t && !string.IsNullOrWhiteSpace(t.Data))
            {
                return false;
            }
            else if (seenFirst && node is IElement { LocalName: "p" })
            {
                return false;
            }
        }

        if (HasWord(first.GetAttribute("class"), RelatedWords) || HasWord(first.Id, RelatedWords))
        {
            return true;
        }

        scratch.Clear();
        AppendText(scratch, first, nodes, budget);
        if (scratch.Length > 120)
        {
            return false;
        }

        var label = Normalize(scratch).TrimEnd('.', ':', '\u2026', '!', ' ');
        return Boilerplate.Value.RelatedHeadings.Contains(label);
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
        var scratch = new StringBuilder();
        var nodes = new Stack<INode>();
        Stack<IElement>? cells = null;
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
            if ((AlwaysSkipTags.Contains(tag) && !IsTableFigure(e)) || ((relax & Relax.Tags) == 0 && (SoftSkipTags.Contains(tag) || IsLinkCard(e, budget)))
                || ((relax & Relax.ClassWords) == 0 && (IsExcluded(e, budget) || IsHidden(e) || IsLabelledRelated(e, scratch, nodes, budget))))
            {
                continue;
            }

            if (tag is "table")
            {
                if (ReadDataTable(e, candidates, scratch, nodes, cells ??= new Stack<IElement>(), budget))
                {
                    continue;
                }
            }
            else if (tag is "p" or "h2" or "h3" or "blockquote" or "pre" || (tag is "li" && e.ParentElement?.ParentElement is { } listParent && scores.ContainsKey(listParent))
                || (tag is "div" && (e.GetAttribute("data-testid")?.StartsWith("paragraph", StringComparison.Ordinal) ?? false)))
            {
                scratch.Clear();
                AppendText(scratch, e, nodes, budget);
                var text = Normalize(scratch);
                if (text.Length >= MinParagraphLength && LinkDensity(e, text.Length, nodes, budget) < 0.5 && e.ParentElement is { } parent)
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
                        var before = run.Length;
                        AppendText(run, child, nodes, budget);
                        linked += name == "a" ? run.Length - before : 0;
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

        if (scores.Count == 0)
        {
            return OnlyTables(candidates, found); // nothing but data tables: a results or prices page
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
        // nothing is climbed for free, so per-paragraph wrappers several levels deep still reach their siblings. A
        // sibling mostly made of links (a list of teasers, "most popular", "more stories") stays out.
        var left = new List<IElement>();
        var widened = 0;
        var anchor = container; // the container as of the last widening that added story text: tables count inside it only

        for (var level = 0; level < 12 && widened < 2 && container.ParentElement is { } parent && parent.LocalName is not ("body" or "html"); level++)
        {
            double inside = 0, outside = 0;
            var siblings = new List<IElement>();
            foreach (var c in candidates)
            {
                if (c.TableRow || InsideAny(c.Element, left))
                {
                    continue;
                }

                if (IsInsideOrSelf(c.Element, container))
                {
                    inside += c.Text.Length;
                }
                else if (IsInside(c.Element, parent))
                {
                    var sibling = ChildOf(parent, c.Element);
                    if (siblings.Count == 0 || !ReferenceEquals(siblings[^1], sibling))
                    {
                        siblings.Add(sibling);
                    }

                    outside += c.Text.Length;
                }
            }

            if (outside > 0 && outside < inside * 0.15)
            {
                break;
            }

            widened += outside > 0 ? 1 : 0;
            foreach (var sibling in siblings)
            {
                if (LinkDensity(sibling, NormalizedLength(sibling, nodes, budget), nodes, budget) >= 0.25)
                {
                    left.Add(sibling);
                }
            }

            container = parent;
            anchor = outside > 0 ? container : anchor;
        }

        found.Container = container;
        foreach (var c in candidates)
        {
            if (IsInsideOrSelf(c.Element, c.TableRow ? anchor : container) && !InsideAny(c.Element, left)
                && !(c.Text.StartsWith("By ", StringComparison.Ordinal) && c.Text.Length < 80))
            {
                found.Paragraphs.Add((c.Element, c.Text));
                found.Length += c.Text.Length;
            }
        }

        return found;
    }

    /// <summary>A link holding blocks (a heading, a paragraph) with little text: a teaser card for another story
    /// ("related", "more stories"), whose headline and summary are not this article's. Only reached for links with block
    /// children (a link in running text is read inline); a long one is an unclosed &lt;a&gt; that the tree builder
    /// wrapped around the story, which is kept.</summary>
    private static bool IsLinkCard(IElement e, Budget budget) =>
        e.LocalName == "a" && e.HasAttribute("href") && TextLength(e, 1000, budget) < 1000;

    /// <summary>Hidden by its own markup (the <c>hidden</c> attribute, an inline <c>display:none</c> or
    /// <c>visibility:hidden</c>): schema.org copies of the article, menus and dialogs that a reader never sees.</summary>
    private static bool IsHidden(IElement e)
    {
        if (e.HasAttribute("hidden"))
        {
            return true;
        }

        var style = e.GetAttribute("style");
        if (string.IsNullOrEmpty(style))
        {
            return false;
        }

        Span<char> compact = stackalloc char[Math.Min(style.Length, 256)];
        var n = 0;
        foreach (var c in style.AsSpan(0, Math.Min(style.Length, 256)))
        {
            if (!char.IsWhiteSpace(c))
            {
                compact[n++] = char.ToLowerInvariant(c);
            }
        }

        var css = compact[..n];
        return css.Contains("display:none", StringComparison.Ordinal) || css.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    /// <summary>The number of characters of text under a node, counting stops at <paramref name="limit"/>.</summary>
    private static int TextLength(INode node, int limit, Budget budget)
    {
        var length = 0;
        var stack = new Stack<INode>();
        stack.Push(node);
        while (stack.Count > 0 && length < limit && budget.Step())
        {
            var n = stack.Pop();
            if (n is IText t)
            {
                length += t.Data.AsSpan().Trim().Length;
                continue;
            }

            foreach (var child in n.ChildNodes)
            {
                stack.Push(child);
            }
        }

        return length;
    }

    /// <summary>
    /// Reads a data table (results, standings, figures) as one paragraph per row, its cells separated by spaces: at
    /// least three rows, most of them with two cells or more, every cell short inline text (no blocks, no nested table)
    /// and the table mostly not links. A table that lays out a page fails these tests and is walked as blocks.
    /// </summary>
    private static bool ReadDataTable(IElement table, List<Candidate> candidates, StringBuilder scratch, Stack<INode> nodes, Stack<IElement> elements, Budget budget)
    {
        const int MaxCell = 200;
        var rows = new List<IElement>();
        foreach (var child in table.Children)
        {
            if (child.LocalName is "tr")
            {
                rows.Add(child);
            }
            else if (child.LocalName is "thead" or "tbody" or "tfoot")
            {
                foreach (var row in child.Children)
                {
                    if (row.LocalName is "tr")
                    {
                        rows.Add(row);
                    }
                }
            }
            else if (child.LocalName is not ("caption" or "colgroup"))
            {
                return false;
            }
        }

        if (rows.Count < 3)
        {
            return false;
        }

        var texts = new List<(IElement Row, string Text)>(rows.Count);
        int multiCell = 0, letters = 0, total = 0, linked = 0;
        foreach (var row in rows)
        {
            if (IsHidden(row))
            {
                continue; // a collapsed row
            }

            scratch.Clear();
            var cells = 0;
            foreach (var cell in row.Children)
            {
                if (cell.LocalName is not ("td" or "th") || HasNonInlineDescendant(cell, elements, budget))
                {
                    return false;
                }

                var start = scratch.Length;
                AppendText(scratch, cell, nodes, budget);
                if (scratch.Length - start > MaxCell)
                {
                    return false;
                }

                scratch.Append(' ');
                cells++;
            }

            multiCell += cells >= 2 ? 1 : 0;
            var text = Normalize(scratch);
            if (text.Length > 0)
            {
                texts.Add((row, text));
                total += text.Length;
                linked += (int)(LinkDensity(row, text.Length, nodes, budget) * text.Length);
                foreach (var c in text)
                {
                    letters += char.IsLetter(c) ? 1 : 0;
                }
            }
        }

        if (multiCell * 3 < rows.Count * 2 || total == 0 || linked * 2 >= total || letters * 5 < total)
        {
            return false;
        }

        foreach (var (row, text) in texts)
        {
            candidates.Add(new Candidate(row, table, text, TableRow: true));
        }

        return true;
    }

    /// <summary>A <c>&lt;figure&gt;</c> that holds a table (WordPress wraps every table in <c>figure.wp-block-table</c>):
    /// walked for its table, its caption still skipped.</summary>
    private static bool IsTableFigure(IElement e)
    {
        if (e.LocalName is not "figure")
        {
            return false;
        }

        foreach (var child in e.Children)
        {
            if (child.LocalName is "table")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A page with no paragraph but data tables: the table with the most text is the article.</summary>
    private static MainText OnlyTables(List<Candidate> candidates, MainText found)
    {
        var sums = new Dictionary<IElement, int>();
        IElement? table = null;
        foreach (var c in candidates)
        {
            var sum = sums[c.Scored] = sums.GetValueOrDefault(c.Scored) + c.Text.Length;
            if (table is null || sum > sums[table])
            {
                table = c.Scored;
            }
        }

        found.Container = table;
        foreach (var c in candidates)
        {
            if (ReferenceEquals(c.Scored, table))
            {
                found.Paragraphs.Add((c.Element, c.Text));
                found.Length += c.Text.Length;
            }
        }

        return found;
    }

    /// <summary>Whether a table cell holds anything but inline text (a paragraph, a list, a nested table, a form).</summary>
    private static bool HasNonInlineDescendant(IElement cell, Stack<IElement> stack, Budget budget)
    {
        stack.Clear();
        foreach (var child in cell.Children)
        {
            stack.Push(child);
        }

        while (stack.Count > 0)
        {
            if (!budget.Step())
            {
                return true;
            }

            var e = stack.Pop();
            if (!InlineTags.Contains(e.LocalName) && e.LocalName is not ("br" or "img" or "picture" or "source"))
            {
                return true;
            }

            foreach (var child in e.Children)
            {
                stack.Push(child);
            }
        }

        return false;
    }

    /// <summary>Adds the text gathered so far in a block as a paragraph, if it is long enough and mostly not links.</summary>
    private static void AddRun(IElement owner, StringBuilder run, ref int linked, List<Candidate> candidates, Dictionary<IElement, double> scores)
    {
        if (run.Length == 0)
        {
            return;
        }

        var text = Normalize(run);
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

    /// <summary>The child of <paramref name="ancestor"/> on the way down to <paramref name="e"/>.</summary>
    private static IElement ChildOf(IElement ancestor, IElement e)
    {
        var x = e;
        while (x.ParentElement is { } p && !ReferenceEquals(p, ancestor))
        {
            x = p;
        }

        return x;
    }

    private static bool InsideAny(IElement e, List<IElement> blocks)
    {
        foreach (var b in blocks)
        {
            if (IsInsideOrSelf(e, b))
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
    private static double LinkDensity(IElement e, int textLength, Stack<INode> nodes, Budget budget)
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
                linked += NormalizedLength(n, nodes, budget);
                continue;
            }

            foreach (var c in n.Children)
            {
                stack.Push(c);
            }
        }

        return textLength == 0 ? 1 : (double)linked / textLength;
    }

    /// <summary>The length <see cref="Normalize(string)"/> would give the text of a node, without building it.</summary>
    private static int NormalizedLength(INode node, Stack<INode> nodes, Budget budget)
    {
        int length = 0, pending = 0;
        nodes.Clear();
        nodes.Push(node);
        var steps = 0;
        while (nodes.Count > 0 && ++steps < 200_000 && budget.Step())
        {
            var n = nodes.Pop();
            if (n is IText t)
            {
                foreach (var c in t.Data)
                {
                    if (char.IsWhiteSpace(c) || c == '\u00A0')
                    {
                        pending = length > 0 ? 1 : 0;
                        continue;
                    }

                    length += pending + 1;
                    pending = 0;
                }

                continue;
            }

            if (n is IElement el && el.LocalName is "script" or "style" or "noscript" or "template" && !ReferenceEquals(n, node))
            {
                continue;
            }

            if (n is IElement br && br.LocalName == "br")
            {
                pending = length > 0 ? 1 : 0;
            }

            var first = nodes.Count;
            foreach (var child in n.ChildNodes)
            {
                nodes.Push(child);
            }

            ReverseTop(nodes, first);
        }

        nodes.Clear();
        return length;
    }

    /// <summary>The text of an element, gathered iteratively (deeply nested pages cannot overflow the stack); a
    /// <c>&lt;br&gt;</c> is a space.</summary>
    private static string TextOf(INode node, Budget? budget)
    {
        var sb = new StringBuilder();
        AppendText(sb, node, new Stack<INode>(), budget);
        return sb.ToString();
    }

    /// <summary>Appends the text of a node to <paramref name="sb"/>, with a caller's stack (left empty).</summary>
    private static void AppendText(StringBuilder sb, INode node, Stack<INode> stack, Budget? budget)
    {
        stack.Clear();
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

        stack.Clear();
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

        var items = System.Buffers.ArrayPool<T>.Shared.Rent(pushed);
        for (var k = 0; k < pushed; k++)
        {
            items[k] = stack.Pop();
        }

        for (var k = 0; k < pushed; k++)
        {
            stack.Push(items[k]);
        }

        System.Buffers.ArrayPool<T>.Shared.Return(items, clearArray: true);
    }
}
