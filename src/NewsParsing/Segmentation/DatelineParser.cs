using NewsParsing.Agencies;
using NewsParsing.Temporal;
using NewsParsing.Text;

namespace NewsParsing.Segmentation;

/// <summary>
/// Recognises a dateline at the start of a paragraph with a hand-written scanner (no regex): a place, optional
/// regions, an optional date and agency, and a closing separator. It covers the agency styles listed in
/// <c>docs/segmentation.md</c> (AZERTAC, Reuters, AP, AFP, TASS, Xinhua, Trend, Turan, press-release wires, CoNLL)
/// and refuses sentences that merely start with a capitalised word (<c>NATO said…</c>, <c>TEHRAN-based…</c>).
/// </summary>
internal sealed class DatelineParser
{
    private const int MaxDatelineLength = 160;
    private const int MaxPlaceLength = 48;
    private const int MaxComponents = 10;

    private readonly AgencyRegistry _agencies;

    public DatelineParser(AgencyRegistry agencies)
    {
        _agencies = agencies;
    }

    /// <summary>
    /// Tries to read a dateline in <paramref name="text"/> from <paramref name="start"/> up to <paramref name="lineEnd"/>.
    /// </summary>
    /// <param name="text">The whole input.</param>
    /// <param name="start">Where the paragraph (or the metadata line's rest) starts.</param>
    /// <param name="lineEnd">The end of the line the dateline must lie on.</param>
    /// <param name="standalone">Whether the dateline may end at the end of the line without a separator
    /// (the seed metadata line, or a dateline on a line of its own as in CoNLL).</param>
    /// <param name="match">The recognised parts.</param>
    public bool TryParse(string text, int start, int lineEnd, bool standalone, out DatelineMatch match)
    {
        if (TryParseCore(text, start, lineEnd, standalone, out match))
        {
            return true;
        }

        match = DatelineMatch.Empty; // never hand out a half-filled match
        return false;
    }

    private bool TryParseCore(string text, int start, int lineEnd, bool standalone, out DatelineMatch match)
    {
        match = DatelineMatch.Empty;
        var s = text.AsSpan();
        var limit = Math.Min(lineEnd, start + MaxDatelineLength);
        var p = CharClasses.SkipInlineSpace(s[..limit], start);
        match.Start = p;
        while (p < limit && s[p] == '*')
        {
            p++; // wire noise before the place ("****SANTO DOMINGO"); it stays inside the dateline's span
        }

        if (p >= limit)
        {
            return false;
        }

        var hasTerminator = false;
        var terminatorIsDash = false;
        var lastEnd = p;

        if (s[p] != '(')
        {
            if (!char.IsLetter(s[p]) || !char.IsUpper(s[p]))
            {
                return false;
            }

            var placeEnd = ReadWords(s, p, limit);
            if (placeEnd <= p || placeEnd - p > MaxPlaceLength || BylineParser.StartsWithBy(s, p, limit)
                || LowerCaseWords(s[p..placeEnd]) > 1)
            {
                return false; // a byline, or a sentence ("The bank will start on August 1.")
            }

            match.PlaceStart = p;
            match.PlaceEnd = TrimSentencePeriod(s, p, placeEnd);
            lastEnd = placeEnd;
            p = placeEnd;
        }

        var separated = false;
        for (var component = 0; component < MaxComponents && !hasTerminator; component++)
        {
            var q = CharClasses.SkipInlineSpace(s[..limit], p);
            var wasSeparated = separated;
            separated = false;
            if (q >= limit)
            {
                break;
            }

            var c = s[q];
            if (c == ',')
            {
                q = CharClasses.SkipInlineSpace(s[..limit], q + 1);
                if (q < limit && IsDash(s[q]))
                {
                    // "CHEVY CHASE, Md., - March 4 -": a stray dash before the date
                    var afterDash = CharClasses.SkipInlineSpace(s[..limit], SkipDashes(s, q, limit));
                    if (!match.HasDate && DateReader.TryRead(s, afterDash, limit, DateStyle.Dateline, out _))
                    {
                        p = afterDash;
                        separated = true;
                        continue;
                    }

                    lastEnd = SkipDashes(s, q, limit);
                    hasTerminator = true;
                    terminatorIsDash = true;
                    break;
                }

                if (!TryComponent(s, q, limit, ref match, out var componentEnd, allowRegion: true))
                {
                    return false;
                }

                p = lastEnd = componentEnd;
                continue;
            }

            if (c == '(')
            {
                var close = s[q..limit].IndexOf(')');
                if (close < 0 || close > 40)
                {
                    return false;
                }

                close += q;
                var inner = Trim(s, q + 1, close);
                var agency = inner.Start < inner.End ? _agencies.FindByAlias(s[inner.Start..inner.End]) : null;
                if (agency is not null && !match.HasAgency)
                {
                    SetAgency(ref match, agency, inner.Start, inner.End);
                }
                else if (match.HasPlace && match.RegionStart < 0 && inner.End > inner.Start
                    && char.IsUpper(s[inner.Start]) && ReadWords(s, inner.Start, inner.End) == inner.End)
                {
                    match.RegionStart = inner.Start;
                    match.RegionEnd = inner.End;
                }
                else
                {
                    return false;
                }

                p = lastEnd = close + 1;
                continue;
            }

            if (c == '/')
            {
                if (TrySlashSection(s, q, limit, ref match, out var sectionEnd))
                {
                    p = lastEnd = sectionEnd;
                    var next = CharClasses.SkipInlineSpace(s[..limit], p);
                    if (next >= limit || !(s[next] == '/' || s[next] == '.' || s[next] == ':' || IsDash(s[next])
                        || IsAgencyAt(s, next, limit) || (!match.HasDate && DateReader.TryRead(s, next, limit, DateStyle.Dateline, out _))))
                    {
                        hasTerminator = true; // a closed slash section ends the dateline: "Feb. 7 /Trend, N. Kirtskhalia/"
                    }

                    separated = true;
                    continue;
                }

                if (match.HasDate || match.HasAgency)
                {
                    lastEnd = q + 1;
                    hasTerminator = true; // trailing "/" of "December 5, 2023 /"
                    break;
                }

                return false;
            }

            if (c == '.' && !match.HasDate && !match.HasAgency && match.HasPlace)
            {
                // Report.az: "Baku. 15 October. REPORT.AZ/" — a period between place and date.
                var next = CharClasses.SkipInlineSpace(s[..limit], q + 1);
                if (next > q + 1 && DateReader.TryRead(s, next, limit, DateStyle.Dateline, out _))
                {
                    p = next;
                    separated = true;
                    continue;
                }
            }

            if (c == '.' && (match.HasAgency || (match.HasDate && IsAgencyOrSlashAfterDot(s, q, limit))))
            {
                var next = CharClasses.SkipInlineSpace(s[..limit], q + 1);
                lastEnd = q + 1;
                if (next < limit && (s[next] == '/' || IsAgencyAt(s, next, limit)))
                {
                    p = next;
                    separated = true;
                    continue;
                }

                hasTerminator = true;
                break;
            }

            if (IsDash(c))
            {
                lastEnd = SkipDashes(s, q, limit);
                hasTerminator = true;
                terminatorIsDash = true;

                // Trend: "Apr. 27 By Umid Niayesh - Trend:" — the agency and its colon still belong to the dateline.
                var next = CharClasses.SkipInlineSpace(s[..limit], lastEnd);
                var wordsEnd = next < limit ? ReadWords(s, next, limit) : next;
                if (wordsEnd > next && wordsEnd < limit && s[wordsEnd] == ':' && _agencies.FindByAlias(s[next..wordsEnd]) is { } tail)
                {
                    if (!match.HasAgency)
                    {
                        SetAgency(ref match, tail, next, wordsEnd);
                    }

                    lastEnd = wordsEnd + 1;
                }

                break;
            }

            if (c == ':' && match.HasAgency)
            {
                lastEnd = q + 1;
                hasTerminator = true;
                break;
            }

            if (q == p && !wasSeparated)
            {
                // A component must be separated from what came before by a space, comma, or bracket.
                return false;
            }

            if (!TryComponent(s, q, limit, ref match, out var end, allowRegion: false))
            {
                return false;
            }

            p = lastEnd = end;
        }

        if (!hasTerminator)
        {
            var rest = CharClasses.SkipInlineSpace(s[..lineEnd], lastEnd);
            if (!standalone || rest < lineEnd || !(match.HasDate || match.HasAgency))
            {
                return false;
            }
        }

        if (!match.HasDate && !match.HasAgency)
        {
            // Without a date or an agency only an all-caps place before a dash is a dateline ("BRUSSELS -").
            if (!terminatorIsDash || !match.HasPlace || !IsAllCaps(s[match.PlaceStart..match.PlaceEnd])
                || match.PlaceEnd - match.PlaceStart < 3)
            {
                return false;
            }

            // "CRICKET - LEICESTERSHIRE TAKE OVER": an all-caps rest of line is a headline, not a story.
            var restStart = CharClasses.SkipInlineSpace(s[..lineEnd], lastEnd);
            if (restStart < lineEnd && IsAllCaps(s[restStart..lineEnd]))
            {
                return false;
            }
        }

        if (match.HasPlace && !match.HasDate && HasLowerCaseWord(s[match.PlaceStart..match.PlaceEnd]))
        {
            return false;
        }

        match.End = lastEnd;
        return true;
    }

    /// <summary>Title-cases a dateline place as written in capitals (<c>CHEVY CHASE</c> → <c>Chevy Chase</c>).</summary>
    public static string NormalizePlace(ReadOnlySpan<char> place, NameTable names)
    {
        Span<char> buffer = place.Length <= 128 ? stackalloc char[place.Length] : new char[place.Length];
        var n = 0;
        var wordStart = true;
        foreach (var ch in place)
        {
            if (!(char.IsLetter(ch) || ch is ' ' or '-' or '.' or '\'' or '’' or '/'))
            {
                continue; // wire noise such as "ME}LBOURNE"
            }

            if (char.IsLetter(ch))
            {
                buffer[n++] = wordStart ? char.ToUpperInvariant(ch) : char.ToLowerInvariant(ch);
                wordStart = false;
            }
            else
            {
                if (ch == ' ' && n > 0 && buffer[n - 1] == ' ')
                {
                    continue;
                }

                buffer[n++] = ch;
                wordStart = ch is ' ' or '-' or '/' or '.';
            }
        }

        return names.Get(buffer[..n].Trim(' '));
    }

    private bool TryComponent(ReadOnlySpan<char> s, int q, int limit, ref DatelineMatch match, out int end, bool allowRegion)
    {
        end = q;
        if (!match.HasDate && DateReader.TryRead(s, q, limit, DateStyle.Dateline, out var date))
        {
            SetDate(ref match, date);
            end = date.End;
            return true;
        }

        if (match.HasDate && match.AuthorStart < 0 && q + 3 < limit && s[q] == 'B' && s[q + 1] == 'y' && s[q + 2] == ' ')
        {
            // Trend: "Apr. 27 By Umid Niayesh - Trend:"
            var nameStart = CharClasses.SkipInlineSpace(s[..limit], q + 3);
            var nameEnd = ReadWords(s, nameStart, limit);
            if (nameEnd > nameStart)
            {
                match.AuthorStart = nameStart;
                match.AuthorEnd = nameEnd;
                end = nameEnd;
                return true;
            }
        }

        var wordsEnd = ReadWords(s, q, limit);
        if (wordsEnd <= q)
        {
            return false;
        }

        var agency = _agencies.FindByAlias(s[q..wordsEnd]);
        if (agency is not null && !match.HasAgency)
        {
            SetAgency(ref match, agency, q, wordsEnd);
            end = wordsEnd;
            return true;
        }

        if (allowRegion && match.HasPlace && match.RegionStart < 0 && !match.HasDate && char.IsUpper(s[q]) && wordsEnd - q <= MaxPlaceLength)
        {
            match.RegionStart = q;
            match.RegionEnd = wordsEnd;
            end = wordsEnd;
            return true;
        }

        return false;
    }

    private bool TrySlashSection(ReadOnlySpan<char> s, int q, int limit, ref DatelineMatch match, out int end)
    {
        end = q;
        var close = s[(q + 1)..limit].IndexOf('/');
        if (close < 0 || close > 60)
        {
            return false;
        }

        close += q + 1;
        var inner = Trim(s, q + 1, close);
        if (inner.End <= inner.Start)
        {
            return false;
        }

        if (!match.HasDate && DateReader.TryRead(s, inner.Start, inner.End, DateStyle.Dateline, out var date) && date.End == inner.End)
        {
            SetDate(ref match, date);
            end = close + 1;
            return true;
        }

        // "/TASS/", "/ ACCESSWIRE /", "/Trend, N. Kirtskhalia/"
        var comma = s[inner.Start..inner.End].IndexOf(',');
        var agencyEnd = comma < 0 ? inner.End : Trim(s, inner.Start, inner.Start + comma).End;
        var agency = _agencies.FindByAlias(s[inner.Start..agencyEnd]);
        if (agency is null || match.HasAgency)
        {
            return false;
        }

        SetAgency(ref match, agency, inner.Start, agencyEnd);
        if (comma >= 0)
        {
            var author = Trim(s, inner.Start + comma + 1, inner.End);
            if (author.End > author.Start && char.IsUpper(s[author.Start]))
            {
                match.AuthorStart = author.Start;
                match.AuthorEnd = author.End;
            }
        }

        end = close + 1;
        return true;
    }

    private bool IsAgencyOrSlashAfterDot(ReadOnlySpan<char> s, int q, int limit)
    {
        var next = CharClasses.SkipInlineSpace(s[..limit], q + 1);
        return next < limit && (s[next] == '/' || IsAgencyAt(s, next, limit));
    }

    private bool IsAgencyAt(ReadOnlySpan<char> s, int q, int limit)
    {
        var wordsEnd = ReadWords(s, q, limit);
        return wordsEnd > q && _agencies.FindByAlias(s[q..wordsEnd]) is not null;
    }

    private static void SetDate(ref DatelineMatch match, in WrittenDate date)
    {
        match.DateStart = date.Start;
        match.DateEnd = date.End;
        (match.Month, match.Day, match.Year) = (date.Month, date.Day, date.Year);
    }

    private static void SetAgency(ref DatelineMatch match, Agency agency, int start, int end)
    {
        match.Agency = agency;
        match.AgencyStart = start;
        match.AgencyEnd = end;
    }

    /// <summary>
    /// Reads a run of name words (<c>CHEVY CHASE</c>, <c>N.Y.</c>, <c>AL-AIN</c>, <c>DALLAS/FORT WORTH</c>, <c>Report.az</c>)
    /// separated by single spaces; stops before punctuation, a number, a separator dash, or a date.
    /// </summary>
    private static int ReadWords(ReadOnlySpan<char> s, int p, int limit)
    {
        var end = p;
        var i = p;
        var words = 0;
        while (i < limit && words < 6)
        {
            if (!char.IsLetter(s[i]))
            {
                break;
            }

            if (words > 0 && DateReader.TryRead(s, i, limit, DateStyle.Dateline, out _))
            {
                break; // "N.Y. March 3 -": the date starts here
            }

            var j = i;
            while (j < limit)
            {
                var ch = s[j];
                if (char.IsLetter(ch) || ch is '.' or '\'' or '’' or '}' or '&')
                {
                    j++;
                }
                else if ((ch == '-' || ch == '/') && j + 1 < limit && char.IsLetter(s[j + 1]))
                {
                    j++;
                }
                else
                {
                    break;
                }
            }

            words++;
            end = j;
            if (j + 1 < limit && s[j] == ' ' && char.IsLetter(s[j + 1]))
            {
                i = j + 1;
                continue;
            }

            break;
        }

        if (words >= 6 && end < limit && s[end] == ' ')
        {
            return p; // too many words for a place: a sentence
        }

        return end;
    }

    /// <summary>Drops a final period that ends a word rather than an abbreviation ("Baku." but not "N.Y.").</summary>
    private static int TrimSentencePeriod(ReadOnlySpan<char> s, int start, int end)
    {
        if (end - start < 4 || s[end - 1] != '.')
        {
            return end;
        }

        var wordStart = s[start..(end - 1)].LastIndexOf(' ') + start + 1;
        var word = s[wordStart..(end - 1)];
        return word.Length >= 3 && !word.Contains('.') ? end - 1 : end;
    }

    private static (int Start, int End) Trim(ReadOnlySpan<char> s, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(s[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(s[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    private static bool IsDash(char c) => CharClasses.Dashes.Contains(c);

    private static int SkipDashes(ReadOnlySpan<char> s, int q, int limit)
    {
        while (q < limit && IsDash(s[q]))
        {
            q++;
        }

        return q;
    }

    private static bool IsAllCaps(ReadOnlySpan<char> s)
    {
        var letters = 0;
        foreach (var c in s)
        {
            if (char.IsLetter(c))
            {
                if (char.IsLower(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters > 0;
    }

    private static int LowerCaseWords(ReadOnlySpan<char> s)
    {
        var count = 0;
        var wordStart = true;
        foreach (var c in s)
        {
            if (c == ' ')
            {
                wordStart = true;
                continue;
            }

            if (wordStart && char.IsLetter(c) && char.IsLower(c))
            {
                count++;
            }

            wordStart = false;
        }

        return count;
    }

    private static bool HasLowerCaseWord(ReadOnlySpan<char> s) => LowerCaseWords(s) > 0;
}
