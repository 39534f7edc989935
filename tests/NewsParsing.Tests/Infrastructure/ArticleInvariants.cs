using NewsParsing.Model;

namespace NewsParsing.Tests.Infrastructure;

/// <summary>The structural invariants every parsed article must satisfy, checked on every example and fuzzed input.</summary>
public static class ArticleInvariants
{
    /// <summary>Throws if <paramref name="article"/> breaks an invariant; returns the list of problems otherwise empty.</summary>
    public static void Check(NewsArticle article)
    {
        var problems = Find(article);
        problems.Should().BeEmpty("the parsed article must keep lossless, nested, in-bounds spans");
    }

    /// <summary>Lists the invariant violations of <paramref name="article"/>.</summary>
    public static List<string> Find(NewsArticle article)
    {
        var text = article.Text;
        var problems = new List<string>();

        void InBounds(string what, SourceSpan span)
        {
            if (span.Start < 0 || span.Length < 0 || span.End > text.Length)
            {
                problems.Add($"{what} {span} is outside the text of length {text.Length}");
            }
            else if (SplitsPair(text, span.Start) || SplitsPair(text, span.End))
            {
                problems.Add($"{what} {span} splits a surrogate pair");
            }
        }

        void Inside(string what, SourceSpan child, SourceSpan parent)
        {
            InBounds(what, child);
            if (!parent.Contains(child))
            {
                problems.Add($"{what} {child} is not inside its parent {parent}");
            }
        }

        void TextMatches(string what, ArticleElement e)
        {
            InBounds(what, e.Span);
            if (e.Span.End <= text.Length && e.Span.Start >= 0 && e.Text != text.Substring(e.Span.Start, e.Span.Length))
            {
                problems.Add($"{what} text differs from the input at {e.Span}");
            }
        }

        TextMatches("header", article.Header);
        TextMatches("body", article.Body);
        if (article.Header.MetadataLine is { } meta)
        {
            Inside("metadata line", meta.Span, article.Header.Span);
        }

        if (article.Header.Headline is { } headline)
        {
            Inside("headline", headline.Span, article.Header.Span);
        }

        if (article.Header.Byline is { } byline)
        {
            Inside("byline", byline.Span, article.Header.Span);
            foreach (var a in byline.Authors)
            {
                Inside("author", a.Span, byline.Span);
            }
        }

        foreach (var p in article.Body.Paragraphs)
        {
            Inside("paragraph", p.Span, article.Body.Span);
            if (p.Length() == 0)
            {
                problems.Add($"empty paragraph at {p.Span}");
            }
        }

        for (var i = 1; i < article.Body.Paragraphs.Length; i++)
        {
            if (article.Body.Paragraphs[i].Span.Start < article.Body.Paragraphs[i - 1].Span.End)
            {
                problems.Add($"paragraphs {i - 1} and {i} overlap or are out of order");
            }
        }

        // Top-level segments, in order, non-overlapping, and only white space or control characters between them.
        var segments = new List<(string Name, SourceSpan Span)> { ("header", article.Header.Span) };
        if (article.Dateline is { } dateline)
        {
            TextMatches("dateline", dateline);
            if (!article.Header.Span.Contains(dateline.Span) || article.Header.Span.IsEmpty)
            {
                segments.Add(("dateline", dateline.Span));
            }

            foreach (var part in new[] { dateline.PlaceSpan, dateline.RegionSpan, dateline.DateSpan, dateline.AgencySpan })
            {
                if (part is { } s)
                {
                    Inside("dateline part", s, dateline.Span);
                }
            }
        }

        segments.Add(("body", article.Body.Span));
        if (article.Trailer is { } trailer)
        {
            TextMatches("trailer", trailer);
            segments.Add(("trailer", trailer.Span));
        }

        var covered = 0;
        foreach (var (name, span) in segments.Where(s => !s.Span.IsEmpty).OrderBy(s => s.Span.Start))
        {
            if (span.Start < covered)
            {
                problems.Add($"{name} {span} overlaps the segment before it (which ends at {covered})");
            }
            else
            {
                CheckGap(text, covered, span.Start, problems);
            }

            covered = Math.Max(covered, span.End);
        }

        CheckGap(text, covered, text.Length, problems);

        foreach (var e in article.Dates)
        {
            TextMatches("date", e);
        }

        foreach (var e in article.Quantities)
        {
            TextMatches("quantity", e);
        }

        foreach (var e in article.Entities)
        {
            TextMatches("entity", e);
        }

        foreach (var e in article.Sources)
        {
            TextMatches("source", e);
        }

        foreach (var d in article.Diagnostics)
        {
            if (d.Span is { } s)
            {
                InBounds("diagnostic " + d.Code, s);
            }
        }

        return problems;
    }

    private static int Length(this ArticleElement e) => e.Span.Length;

    /// <summary>Whether a span edge at <paramref name="at"/> falls between the two halves of a surrogate pair.</summary>
    private static bool SplitsPair(string text, int at) =>
        at > 0 && at < text.Length && char.IsHighSurrogate(text[at - 1]) && char.IsLowSurrogate(text[at]);

    private static void CheckGap(string text, int from, int to, List<string> problems)
    {
        for (var i = from; i < to && i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && !char.IsControl(text[i]))
            {
                var end = Math.Min(to, i + 40);
                problems.Add($"text at {i} is in no segment: \"{text[i..end]}\"");
                return;
            }
        }
    }
}
