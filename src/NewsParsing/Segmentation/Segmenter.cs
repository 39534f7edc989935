using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using NewsParsing.Agencies;
using NewsParsing.Model;
using NewsParsing.Temporal;
using NewsParsing.Text;
using NodaTime;

namespace NewsParsing.Segmentation;

/// <summary>
/// Splits an article into header, dateline, body paragraphs and trailer. One linear pass finds the lines, a second
/// groups them into paragraphs; datelines, bylines and trailers are then recognised on the first and last few
/// paragraphs only, so the cost is proportional to the input and allocation is a few small arrays per article.
/// </summary>
internal sealed class Segmenter
{
    /// <summary>How many leading paragraphs may hold the headline and byline before the dateline.</summary>
    private const int MaxHeaderParagraphs = 3;

    /// <summary>Longest header paragraph (headline or byline) in characters.</summary>
    private const int MaxHeaderParagraphLength = 300;

    /// <summary>The longest line that is checked for being a trailer marker of its own.</summary>
    private const int MaxMarkerLineLength = 48;

    /// <summary>Longer lines that end a sentence are paragraphs of their own even without a blank line.</summary>
    private const int UnwrappedLineLength = 100;

    private readonly AgencyRegistry _agencies;
    private readonly DatelineParser _datelines;
    private readonly BylineParser _bylines;
    private readonly TrailerRules _trailers;

    public Segmenter(AgencyRegistry agencies)
    {
        _agencies = agencies;
        _datelines = new DatelineParser(agencies);
        _bylines = new BylineParser(agencies);
        _trailers = new TrailerRules(agencies);
    }

    /// <summary>Segments <paramref name="text"/>.</summary>
    /// <param name="text">The whole input.</param>
    /// <param name="callerDate">The publication date from the caller (or an HTML page), used when the article has none.</param>
    /// <param name="callerSource">Where <paramref name="callerDate"/> comes from.</param>
    /// <param name="workspace">The parse's scratch state: lines, paragraphs, diagnostics, name table.</param>
    /// <param name="known">The header an HTML page states (its headline and byline paragraphs, which open the text), or
    /// <see langword="null"/> to find the header in the text.</param>
    public Segmentation Segment(string text, LocalDate? callerDate, PublicationDateSource callerSource, ParseWorkspace workspace, KnownHeader? known = null)
    {
        var lines = workspace.Lines;
        var paras = workspace.Paragraphs;
        var diagnostics = workspace.Diagnostics;
        var s = text.AsSpan();
        SplitLines(s, lines);
        var result = new Segmentation();

        var firstContentLine = 0;
        while (firstContentLine < lines.Count && lines[firstContentLine].IsBlank)
        {
            firstContentLine++;
        }

        var bodyLine = firstContentLine;
        int headerStart = -1, headerEnd = -1;
        TextSegment? headline = null;
        Byline? byline = null;
        DatelineMatch dateline = DatelineMatch.Empty;
        var datelineInHeader = false;

        // 1. The seed metadata line: " date YYYY-MM-DD <byline | dateline | headline>".
        if (firstContentLine < lines.Count && TryMetadataLine(text, lines[firstContentLine], diagnostics, result, out var restStart))
        {
            var line = lines[firstContentLine];
            headerStart = line.Start;
            headerEnd = line.ContentEnd;
            result.MetadataLine = new TextSegment(text, SourceSpan.FromBounds(line.ContentStart, line.ContentEnd));
            bodyLine = firstContentLine + 1;
            if (restStart < line.ContentEnd)
            {
                if (BylineParser.StartsWithBy(s, restStart, line.ContentEnd))
                {
                    byline = MakeByline(text, restStart, line.ContentEnd);
                }
                else if (_datelines.TryParse(text, restStart, line.ContentEnd, standalone: true, out dateline))
                {
                    datelineInHeader = true;
                }
                else
                {
                    headline = new TextSegment(text, SourceSpan.FromBounds(restStart, line.ContentEnd));
                }
            }
        }

        BuildParagraphs(s, lines, bodyLine, paras);
        var firstBodyPara = 0;
        var bodyStartOffset = -1;

        // 2. Headline, byline and dateline at the top of the copy; a header the page states is taken as it is, and the
        //    dateline looked for after it (a headline that asks a question does not end the header).
        var knownParas = 0;
        if (known is not null && result.MetadataLine is null)
        {
            knownParas = Math.Min(known.Paragraphs, paras.Count);
            if (known.HeadlineEnd > known.HeadlineStart)
            {
                headline = new TextSegment(text, SourceSpan.FromBounds(known.HeadlineStart, known.HeadlineEnd));
            }

            if (known.BylineEnd > known.BylineStart)
            {
                byline = MakeKnownByline(text, known);
            }

            headerStart = known.HeadlineEnd > known.HeadlineStart ? known.HeadlineStart : known.BylineStart;
            headerEnd = known.BylineEnd > known.BylineStart ? known.BylineEnd : known.HeadlineEnd;
            firstBodyPara = knownParas;
            bodyLine = knownParas > 0 ? paras[knownParas - 1].LastLine + 1 : bodyLine;
        }

        if (!dateline.HasPlace && !dateline.HasAgency)
        {
            var found = FindDateline(text, lines, paras, knownParas, out var paraIndex, out var lineIndex, out var match);
            var headerParas = found ? paraIndex : knownParas;
            if (found)
            {
                dateline = match;
                var line = lines[lineIndex];
                var after = CharClasses.SkipSpace(s[..line.ContentEnd], match.End);
                var para = paras[paraIndex];
                if (after >= line.ContentEnd && lineIndex == para.LastLine)
                {
                    firstBodyPara = paraIndex + 1; // the dateline is a paragraph of its own
                }
                else
                {
                    firstBodyPara = paraIndex;
                    bodyStartOffset = after < line.ContentEnd ? after : lines[lineIndex + 1].ContentStart;
                }
            }
            else if (result.MetadataLine is null && known is null)
            {
                headerParas = GuessHeaderParagraphs(s, lines, paras);
                firstBodyPara = headerParas;
            }

            // Header lines: every line of the header paragraphs, plus the lines before the dateline in its paragraph.
            var headerLineEnd = found ? lineIndex : (headerParas > 0 ? paras[headerParas - 1].LastLine + 1 : bodyLine);
            for (var li = bodyLine; li < headerLineEnd; li++)
            {
                var line = lines[li];
                if (line.IsBlank)
                {
                    continue;
                }

                if (known is not null)
                {
                    // the page stated the header; lines up to the dateline (a standfirst) only widen its span
                }
                else if (byline is null && BylineParser.StartsWithBy(s, line.ContentStart, line.ContentEnd))
                {
                    byline = MakeByline(text, line.ContentStart, line.ContentEnd);
                }
                else if (headline is null)
                {
                    headline = new TextSegment(text, SourceSpan.FromBounds(line.ContentStart, line.ContentEnd));
                }
                else if (byline is null)
                {
                    // A headline over several lines.
                    headline = new TextSegment(text, SourceSpan.FromBounds(headline.Span.Start, line.ContentEnd));
                }

                // Any other header line (a kicker, a second byline line) still belongs to the header span.

                if (headerStart < 0)
                {
                    headerStart = line.ContentStart;
                }

                headerEnd = line.ContentEnd;
            }

        }

        // 3. A byline as the first body paragraph after a metadata line with a dateline or nothing.
        if (byline is null && firstBodyPara < paras.Count && bodyStartOffset < 0)
        {
            var p = paras[firstBodyPara];
            var line = lines[p.FirstLine];
            if (p.FirstLine == p.LastLine && line.ContentEnd - line.ContentStart < 80 && BylineParser.StartsWithBy(s, line.ContentStart, line.ContentEnd)
                && paras.Count > firstBodyPara + 1)
            {
                byline = MakeByline(text, line.ContentStart, line.ContentEnd);
                if (headerStart < 0)
                {
                    headerStart = line.ContentStart;
                }

                headerEnd = line.ContentEnd;
                firstBodyPara++;
            }
        }

        // 4. Trailer: trailing paragraphs that are sign-offs, follow-us lines, agency tags or boilerplate.
        var lastBodyPara = paras.Count - 1;
        var trailerStart = -1;
        TrailerKind trailerKind = default;
        Agency? trailerAgency = null;
        for (var i = paras.Count - 1; i > firstBodyPara || (i == firstBodyPara && bodyStartOffset < 0 && i > 0); i--)
        {
            var p = paras[i];
            var span = s[lines[p.FirstLine].ContentStart..lines[p.LastLine].ContentEnd];
            var kind = _trailers.Classify(span, out var agency);
            if (kind is null && trailerStart >= 0 && _trailers.IsSeparator(span))
            {
                trailerStart = lines[p.FirstLine].ContentStart;
                lastBodyPara = i - 1;
                continue;
            }

            if (kind is null)
            {
                break;
            }

            trailerStart = lines[p.FirstLine].ContentStart;
            trailerKind = kind.Value;
            trailerAgency ??= agency;
            lastBodyPara = i - 1;
        }

        // 5. Body paragraphs.
        // An exact array wrapped without a copy (no builder object per article).
        var paragraphs = new TextSegment[Math.Max(0, Math.Min(lastBodyPara, paras.Count - 1) - firstBodyPara + 1)];
        var paragraphCount = 0;
        for (var i = firstBodyPara; i <= lastBodyPara && i < paras.Count; i++)
        {
            var p = paras[i];
            var start = i == firstBodyPara && bodyStartOffset >= 0 ? bodyStartOffset : lines[p.FirstLine].ContentStart;
            var end = lines[p.LastLine].ContentEnd;
            if (end > start)
            {
                paragraphs[paragraphCount++] = new TextSegment(text, SourceSpan.FromBounds(start, end));
            }
        }

        // Assemble.
        if (headerStart < 0)
        {
            var at = firstContentLine < lines.Count ? lines[firstContentLine].ContentStart : 0;
            headerStart = headerEnd = Math.Min(at, dateline.Start >= 0 ? dateline.Start : at);
        }

        result.Header = new ArticleHeader(text, SourceSpan.FromBounds(headerStart, headerEnd))
        {
            MetadataLine = result.MetadataLine,
            PublicationDate = result.MetadataDate,
            PublicationDateSpan = result.MetadataDateSpan,
            Headline = headline,
            Byline = byline,
        };

        if (paragraphCount < paragraphs.Length)
        {
            Array.Resize(ref paragraphs, paragraphCount);
        }

        var bodySpan = paragraphCount > 0
            ? SourceSpan.FromBounds(paragraphs[0].Span.Start, paragraphs[paragraphCount - 1].Span.End)
            : new SourceSpan(EmptyBodyOffset(headerEnd, dateline, trailerStart), 0);
        result.Body = new ArticleBody(text, bodySpan) { Paragraphs = ImmutableCollectionsMarshal.AsImmutableArray(paragraphs) };
        if (trailerStart >= 0)
        {
            var trailerEnd = CharClasses.TrimEnd(s, trailerStart, s.Length);
            result.Trailer = new Trailer(text, SourceSpan.FromBounds(trailerStart, trailerEnd)) { Kind = trailerKind, Agency = trailerAgency };
        }

        // Publication date: the article's own, else the caller's, else a dateline that writes its year.
        if (result.MetadataDate is { } metadataDate)
        {
            result.PublicationDate = metadataDate;
            result.PublicationDateSource = PublicationDateSource.Metadata;
        }
        else if (callerDate is { } caller)
        {
            result.PublicationDate = caller;
            result.PublicationDateSource = callerSource;
        }

        if (dateline.Start >= 0)
        {
            result.Dateline = MakeDateline(text, dateline, result, workspace);
            result.DatelineInHeader = datelineInHeader;
        }

        if (result.Body.Paragraphs.IsEmpty && text.Length > 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.NoBody, DiagnosticSeverity.Warning, "The article has no body text."));
        }

        if (result.PublicationDate is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.NoPublicationDate, DiagnosticSeverity.Info,
                "No publication date in the article and none given; relative and year-less dates stay unresolved."));
        }

        return result;
    }

    private static int EmptyBodyOffset(int headerEnd, DatelineMatch dateline, int trailerStart)
    {
        if (dateline.End >= 0 && dateline.End > headerEnd)
        {
            return dateline.End;
        }

        return trailerStart >= 0 && trailerStart < headerEnd ? trailerStart : headerEnd;
    }

    private Byline MakeByline(string text, int start, int end)
    {
        var authorSpans = new List<(int Start, int End)>(2);
        _bylines.Parse(text, start, end, authorSpans, out var agency, out var agencyStart, out var agencyEnd);
        var authors = ImmutableArray.CreateBuilder<Author>(authorSpans.Count);
        foreach (var (a, b) in authorSpans)
        {
            authors.Add(new Author(text, SourceSpan.FromBounds(a, b)));
        }

        return new Byline(text, SourceSpan.FromBounds(start, end))
        {
            Authors = authors.MoveToImmutable(),
            Agency = agency,
            AgencySpan = agency is null ? null : SourceSpan.FromBounds(agencyStart, agencyEnd),
        };
    }

    /// <summary>The byline an HTML page states: its "By …" paragraph with the names where the page put them.</summary>
    private static Byline MakeKnownByline(string text, KnownHeader known)
    {
        var authors = ImmutableArray.CreateBuilder<Author>(known.Authors.Count);
        foreach (var (a, b) in known.Authors)
        {
            authors.Add(new Author(text, SourceSpan.FromBounds(a, b)));
        }

        return new Byline(text, SourceSpan.FromBounds(known.BylineStart, known.BylineEnd)) { Authors = authors.MoveToImmutable() };
    }

    private static Dateline MakeDateline(string text, DatelineMatch m, Segmentation result, ParseWorkspace workspace)
    {
        var diagnostics = workspace.Diagnostics;
        LocalDate? date = null;
        AnnualDate? monthDay = null;
        var inferred = false;
        if (m.HasDate)
        {
            if (DateReader.IsValidMonthDay(m.Month, m.Day))
            {
                monthDay = new AnnualDate(m.Month, m.Day);
            }

            if (m.Year > 0)
            {
                if (DateReader.IsValid(m.Year, m.Month, m.Day))
                {
                    date = new LocalDate(m.Year, m.Month, m.Day);
                }

                if (result.PublicationDate is null && date is { } written)
                {
                    result.PublicationDate = written;
                    result.PublicationDateSource = PublicationDateSource.Dateline;
                }
            }
            else if (monthDay is { } md && result.PublicationDate is { } reference)
            {
                date = YearInference.Nearest(md, reference);
                inferred = true;
            }
            else if (monthDay is not null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.DatelineYearUnknown, DiagnosticSeverity.Info,
                    "The dateline date has no year and no publication date is known.", SourceSpan.FromBounds(m.DateStart, m.DateEnd)));
            }

            if (date is { } d && result.PublicationDate is { } pub && Math.Abs(Period.DaysBetween(d, pub)) > 7)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.DatelineDateMismatch, DiagnosticSeverity.Warning,
                    string.Create(CultureInfo.InvariantCulture, $"The dateline date {d.Year:D4}-{d.Month:D2}-{d.Day:D2} is more than a week from the publication date {pub.Year:D4}-{pub.Month:D2}-{pub.Day:D2}."),
                    SourceSpan.FromBounds(m.DateStart, m.DateEnd)));
            }
        }

        // A dateline without a date ("MEXICO CITY (AP) —") on a page that states its date was filed that day.
        var fromPublication = false;
        if (!m.HasDate && result.PublicationDateSource == PublicationDateSource.Html && result.PublicationDate is { } pageDate)
        {
            date = pageDate;
            fromPublication = true;
        }

        var authors = ImmutableArray<Author>.Empty;
        if (m.AuthorStart >= 0)
        {
            authors = [new Author(text, SourceSpan.FromBounds(m.AuthorStart, m.AuthorEnd))];
        }

        return new Dateline(text, SourceSpan.FromBounds(m.Start, m.End))
        {
            Place = m.HasPlace ? DatelineParser.NormalizePlace(text.AsSpan(m.PlaceStart, m.PlaceEnd - m.PlaceStart), workspace.Names) : null,
            PlaceSpan = m.HasPlace ? SourceSpan.FromBounds(m.PlaceStart, m.PlaceEnd) : null,
            Region = m.RegionStart >= 0 ? text[m.RegionStart..m.RegionEnd] : null,
            RegionSpan = m.RegionStart >= 0 ? SourceSpan.FromBounds(m.RegionStart, m.RegionEnd) : null,
            Date = date,
            MonthDay = monthDay,
            DateSpan = m.HasDate ? SourceSpan.FromBounds(m.DateStart, m.DateEnd) : null,
            YearInferred = inferred,
            DateFromPublication = fromPublication,
            Agency = m.Agency,
            AgencySpan = m.HasAgency ? SourceSpan.FromBounds(m.AgencyStart, m.AgencyEnd) : null,
            Authors = authors,
        };
    }

    private static bool TryMetadataLine(string text, Line line, List<Diagnostic> diagnostics, Segmentation result, out int restStart)
    {
        restStart = -1;
        var s = text.AsSpan();
        var p = line.ContentStart;
        if (line.ContentEnd - p < 15 || !s.Slice(p, 5).Equals("date ", StringComparison.Ordinal))
        {
            return false;
        }

        var d = CharClasses.SkipInlineSpace(s[..line.ContentEnd], p + 5);
        if (d + 10 > line.ContentEnd || !IsIsoDateShape(s.Slice(d, 10)) || (d + 10 < line.ContentEnd && !char.IsWhiteSpace(s[d + 10])))
        {
            return false;
        }

        var year = ((s[d] - '0') * 1000) + ((s[d + 1] - '0') * 100) + ((s[d + 2] - '0') * 10) + (s[d + 3] - '0');
        var month = ((s[d + 5] - '0') * 10) + (s[d + 6] - '0');
        var day = ((s[d + 8] - '0') * 10) + (s[d + 9] - '0');
        var span = new SourceSpan(d, 10);
        if (DateReader.IsValid(year, month, day))
        {
            result.MetadataDate = new LocalDate(year, month, day);
            result.MetadataDateSpan = span;
        }
        else
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidMetadataDate, DiagnosticSeverity.Warning,
                $"The metadata line's date '{text.Substring(d, 10)}' does not exist.", span));
        }

        restStart = CharClasses.SkipInlineSpace(s[..line.ContentEnd], d + 10);
        return true;
    }

    private static bool IsIsoDateShape(ReadOnlySpan<char> s) =>
        char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3]) && s[4] == '-'
        && char.IsAsciiDigit(s[5]) && char.IsAsciiDigit(s[6]) && s[7] == '-' && char.IsAsciiDigit(s[8]) && char.IsAsciiDigit(s[9]);

    private bool FindDateline(string text, List<Line> lines, List<Para> paras, int firstPara, out int paraIndex, out int lineIndex, out DatelineMatch match)
    {
        var s = text.AsSpan();
        match = DatelineMatch.Empty;
        int weakPara = -1, weakLine = -1;
        var weak = DatelineMatch.Empty;
        for (paraIndex = firstPara; paraIndex < paras.Count && paraIndex <= MaxHeaderParagraphs + firstPara; paraIndex++)
        {
            var para = paras[paraIndex];
            // The dateline opens a paragraph, or follows headline lines inside the first paragraph.
            var lastCandidate = Math.Min(para.LastLine, para.FirstLine + 2);
            for (lineIndex = para.FirstLine; lineIndex <= lastCandidate; lineIndex++)
            {
                var line = lines[lineIndex];
                if (line.IsBlank)
                {
                    continue;
                }

                var standalone = lineIndex == para.LastLine || paraIndex > 0 || lineIndex > para.FirstLine;
                if (_datelines.TryParse(text, line.ContentStart, line.ContentEnd, standalone, out var candidate))
                {
                    if (candidate.HasDate || candidate.HasAgency)
                    {
                        match = candidate;
                        return true;
                    }

                    // A place and a dash only ("BRUSSELS -") is weak: a later header line may hold the real dateline.
                    if (weakPara < 0)
                    {
                        (weakPara, weakLine, weak) = (paraIndex, lineIndex, candidate);
                    }
                }

                if (lineIndex > para.FirstLine && !LooksLikeHeaderLine(s, line))
                {
                    break;
                }
            }

            // Only short headline or byline paragraphs may come before the dateline.
            if (para.End(lines) - para.Start(lines) > MaxHeaderParagraphLength
                || (EndsSentence(s, lines[para.LastLine]) && !IsUpperCaseText(s[para.Start(lines)..para.End(lines)])))
            {
                break;
            }
        }

        if (weakPara >= 0)
        {
            (paraIndex, lineIndex, match) = (weakPara, weakLine, weak);
            return true;
        }

        paraIndex = lineIndex = -1;
        return false;
    }

    private static int GuessHeaderParagraphs(ReadOnlySpan<char> s, List<Line> lines, List<Para> paras)
    {
        // Without a dateline, a short first paragraph with no closing punctuation is a headline; a "By" line a byline.
        var count = 0;
        while (count < paras.Count - 1 && count < 2)
        {
            var p = paras[count];
            var first = lines[p.FirstLine];
            var length = p.End(lines) - p.Start(lines);
            var isByline = BylineParser.StartsWithBy(s, first.ContentStart, first.ContentEnd) && length < 80;
            var isHeadline = count == 0 && length <= 200 && p.LastLine - p.FirstLine <= 2 && !EndsSentence(s, lines[p.LastLine])
                && char.IsUpper(s[first.ContentStart]);
            if (!isByline && !isHeadline)
            {
                break;
            }

            count++;
        }

        return count;
    }

    private static bool IsUpperCaseText(ReadOnlySpan<char> s)
    {
        var upper = 0;
        foreach (var c in s)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            upper += char.IsUpper(c) ? 1 : 0;
        }

        return upper >= 3;
    }

    private static bool LooksLikeHeaderLine(ReadOnlySpan<char> s, Line line) =>
        line.ContentEnd - line.ContentStart <= 120 && !EndsSentence(s, line);

    private static bool EndsSentence(ReadOnlySpan<char> s, Line line)
    {
        var end = line.ContentEnd;
        if (end <= line.ContentStart)
        {
            return false;
        }

        var c = s[end - 1];
        return c is '.' or '!' or '?' or '"' or '”' or '’' or ':' or ';' or ',';
    }

    private static void SplitLines(ReadOnlySpan<char> s, List<Line> lines)
    {
        var start = 0;
        while (start <= s.Length)
        {
            var rel = s[start..].IndexOfAny(CharClasses.LineBreaks);
            var end = rel < 0 ? s.Length : start + rel;
            var contentStart = start;
            while (contentStart < end && CharClasses.IsSpaceOrControl(s[contentStart]))
            {
                contentStart++;
            }

            var contentEnd = CharClasses.TrimEnd(s, contentStart, end);
            lines.Add(new Line(start, end, contentStart, contentEnd));
            if (rel < 0)
            {
                break;
            }

            start = end + (s[end] == '\r' && end + 1 < s.Length && s[end + 1] == '\n' ? 2 : 1);
            if (start == s.Length)
            {
                break;
            }
        }
    }

    private void BuildParagraphs(ReadOnlySpan<char> s, List<Line> lines, int from, List<Para> paras)
    {
        var open = false;
        var first = 0;
        var last = 0;
        var previousWasMarker = false;
        for (var i = from; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank)
            {
                if (open)
                {
                    paras.Add(new Para(first, last));
                    open = false;
                }

                continue;
            }

            // Only short lines can be sign-offs, separators or follow-us lines; checking just those keeps the
            // per-line cost of long wrapped text to the two comparisons below.
            var content = s[line.ContentStart..line.ContentEnd];
            var isMarker = content.Length <= MaxMarkerLineLength
                && (_trailers.IsSeparator(content) || _trailers.Classify(content, out _) is not null);
            var startsNew = !open || isMarker || previousWasMarker;
            if (!startsNew)
            {
                var previous = lines[last];
                var indent = line.ContentStart - line.Start;
                var previousIndent = previous.ContentStart - previous.Start;
                startsNew = (indent > previousIndent && indent >= 1)
                    || (previous.ContentEnd - previous.ContentStart >= UnwrappedLineLength && EndsSentence(s, previous));
            }

            if (startsNew)
            {
                if (open)
                {
                    paras.Add(new Para(first, last));
                }

                first = i;
                open = true;
            }

            last = i;
            previousWasMarker = isMarker;
        }

        if (open)
        {
            paras.Add(new Para(first, last));
        }
    }

    /// <summary>A line: [Start, End) without its line break; Content* trimmed of white space and control characters.</summary>
    internal readonly record struct Line(int Start, int End, int ContentStart, int ContentEnd)
    {
        public bool IsBlank => ContentEnd <= ContentStart;
    }

    /// <summary>A paragraph as a range of line indexes.</summary>
    internal readonly record struct Para(int FirstLine, int LastLine)
    {
        public int Start(List<Line> lines) => lines[FirstLine].ContentStart;

        public int End(List<Line> lines) => lines[LastLine].ContentEnd;
    }
}

/// <summary>The header an HTML page states, at the top of the text built from it: the headline paragraph, then the
/// byline paragraph ("By A, B") with each name's bounds. Absent parts have equal bounds.</summary>
internal sealed class KnownHeader
{
    public int HeadlineStart { get; init; }

    public int HeadlineEnd { get; init; }

    public int BylineStart { get; init; }

    public int BylineEnd { get; init; }

    /// <summary>How many paragraphs the header takes (0 to 2).</summary>
    public int Paragraphs { get; init; }

    public List<(int Start, int End)> Authors { get; } = [];
}

/// <summary>The mutable product of <see cref="Segmenter"/> before it becomes a <see cref="NewsArticle"/>.</summary>
internal sealed class Segmentation
{
    public TextSegment? MetadataLine { get; set; }

    public LocalDate? MetadataDate { get; set; }

    public SourceSpan? MetadataDateSpan { get; set; }

    public ArticleHeader Header { get; set; } = null!;

    public Dateline? Dateline { get; set; }

    public bool DatelineInHeader { get; set; }

    public ArticleBody Body { get; set; } = null!;

    public Trailer? Trailer { get; set; }

    public LocalDate? PublicationDate { get; set; }

    public PublicationDateSource PublicationDateSource { get; set; }
}
