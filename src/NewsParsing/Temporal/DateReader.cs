using NewsParsing.Text;

namespace NewsParsing.Temporal;

/// <summary>How much of the calendar a written date names.</summary>
internal enum DateGrain : byte
{
    Day,
    Month,
    Year,
    Decade,
}

/// <summary>How a date is written, which decides what <see cref="DateReader"/> accepts.</summary>
internal enum DateStyle : byte
{
    /// <summary>Running text: month names as written (capitalised or all caps, exact spelling), day and month in either
    /// order across line breaks, an optional weekday before (<c>Tuesday, March 9</c>), <c>1st of March</c>, and a month
    /// with only a year (<c>June 2019</c>).</summary>
    Prose,

    /// <summary>A dateline: a day is required, parts are on one line, and the typing noise of old wire copy is
    /// tolerated in month names (<c>Narch 3</c>).</summary>
    Dateline,
}

/// <summary>A date as written: <see cref="Year"/> is 0 when no year is written; offsets are absolute, half-open.</summary>
internal struct WrittenDate
{
    public int Year;
    public int Month;
    public int Day;
    public DateGrain Grain;
    public int Start;
    public int End;
}

/// <summary>
/// The one reader of written calendar dates, shared by the dateline parser and the temporal stage: ISO 8601
/// (<c>1996-08-30</c>), day-month-year with dots (<c>05.10.2021</c>, <c>02.10.20</c>), month-day (<c>Feb 26</c>,
/// <c>Nov. 3</c>, <c>July 26, 2021</c>, <c>August 6th</c>), day-month (<c>2 March</c>, <c>26 July 2021</c>,
/// <c>1st of March</c>) and, in prose, month-year (<c>June 2019</c>). Every date it returns exists: a written year with
/// its month and day is a real day (<see cref="IsValid"/>), a month and day without a year exist in some year
/// (<see cref="IsValidMonthDay"/>). It reads a span from a position and allocates nothing.
/// </summary>
internal static class DateReader
{
    /// <summary>The earliest and latest year a four-digit number may be read as.</summary>
    public const int MinYear = 1000;

    /// <inheritdoc cref="MinYear"/>
    public const int MaxYear = 2199;

    /// <summary>Whether <paramref name="year"/>-<paramref name="month"/>-<paramref name="day"/> is a day of the calendar
    /// (ISO, years 1 to 9999): the one date validation of the library.</summary>
    public static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>Whether a month and day without a year exist in some year (29 February does).</summary>
    public static bool IsValidMonthDay(int month, int day) => month is >= 1 and <= 12 && day >= 1 && day <= (month == 2 ? 29 : DateTime.DaysInMonth(2001, month));

    /// <summary>Tries to read a date that starts at <paramref name="p"/> and ends before <paramref name="limit"/>.</summary>
    public static bool TryRead(ReadOnlySpan<char> s, int p, int limit, DateStyle style, out WrittenDate date)
    {
        date = default;
        date.Start = p;
        if (p >= limit)
        {
            return false;
        }

        s = s[..limit];
        bool ok;
        if (char.IsAsciiDigit(s[p]))
        {
            ok = TryNumeric(s, p, ref date) || TryDayMonth(s, p, style, ref date);
        }
        else if (char.IsLetter(s[p]))
        {
            ok = TryMonthDay(s, p, style, ref date) || (style == DateStyle.Prose && TryWeekdayThenDate(s, p, ref date));
        }
        else
        {
            ok = false;
        }

        return ok && (date.Year != 0 ? IsValid(date.Year, date.Month, date.Grain == DateGrain.Day ? date.Day : 1) : IsValidMonthDay(date.Month, date.Day));
    }

    /// <summary>A four-digit year (<see cref="MinYear"/>–<see cref="MaxYear"/>) at <paramref name="p"/>, not part of a
    /// longer number or word (<c>1990s</c>, <c>2,021</c>); its end, or -1.</summary>
    public static int ReadYear(ReadOnlySpan<char> s, int p, out int year)
    {
        year = 0;
        var end = ReadNumber(s, p, 4, out var y);
        if (end - p != 4 || y is < MinYear or > MaxYear || (end < s.Length && char.IsLetter(s[end])))
        {
            return -1;
        }

        year = y;
        return end;
    }

    private static bool TryNumeric(ReadOnlySpan<char> s, int p, ref WrittenDate date)
    {
        var first = ReadDigits(s, p, 4, out var a);
        if (first - p == 4 && first < s.Length && s[first] == '-')
        {
            // ISO 8601: 1996-08-30
            var m = ReadDigits(s, first + 1, 2, out var mm);
            if (m - first == 3 && m < s.Length && s[m] == '-')
            {
                var d = ReadDigits(s, m + 1, 2, out var dd);
                if (d - m == 3)
                {
                    (date.Year, date.Month, date.Day, date.Grain, date.End) = (a, mm, dd, DateGrain.Day, d);
                    return date.Year >= 1;
                }
            }

            return false;
        }

        if (first - p is 1 or 2 && first < s.Length && s[first] == '.')
        {
            // Day.month.year as Turan writes it: 02.10.20 or 02.10.2020
            var m = ReadDigits(s, first + 1, 2, out var mm);
            if (m - first == 3 && m < s.Length && s[m] == '.')
            {
                var y = ReadDigits(s, m + 1, 4, out var yy);
                var digits = y - m - 1;
                if (digits is 2 or 4)
                {
                    (date.Year, date.Month, date.Day, date.Grain, date.End) = (digits == 2 ? 2000 + yy : yy, mm, a, DateGrain.Day, y);
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>"26 July 2021", "2 March", "1st of March", "5th Sept."</summary>
    private static bool TryDayMonth(ReadOnlySpan<char> s, int p, DateStyle style, ref WrittenDate date)
    {
        var dayEnd = ReadNumber(s, p, 2, out var day);
        if (dayEnd == p || day is < 1 or > 31)
        {
            return false;
        }

        var i = SkipOrdinalSuffix(s, dayEnd);
        var wordStart = SkipSpace(s, i, style);
        if (wordStart == i)
        {
            return false;
        }

        if (style == DateStyle.Prose && IsWordAt(s, wordStart, Role.Of, out var ofEnd))
        {
            var afterOf = SkipSpace(s, ofEnd, style);
            if (afterOf > ofEnd)
            {
                wordStart = afterOf;
            }
        }

        var wordEnd = ReadLetters(s, wordStart);
        var month = MonthAt(s, wordStart, wordEnd, style);
        if (month == 0)
        {
            return false;
        }

        (date.Month, date.Day, date.Grain) = (month, day, DateGrain.Day);
        date.End = SkipAbbreviationPeriod(s, wordStart, wordEnd, month, style);
        if (ReadOptionalYear(s, date.End, style, out var year) is var yearEnd and > 0)
        {
            (date.Year, date.End) = (year, yearEnd);
        }

        return true;
    }

    /// <summary>"Feb 26", "Nov. 3", "July 26, 2021", "August 6th", and in prose "June 2019".</summary>
    private static bool TryMonthDay(ReadOnlySpan<char> s, int p, DateStyle style, ref WrittenDate date)
    {
        var wordEnd = ReadLetters(s, p);
        if (wordEnd - p is < 3 or > 10)
        {
            return false;
        }

        // A dateline reads a (noisy) month only where a day number follows: checking that first spares the lookup for
        // almost every word of a headline or place.
        var i = wordEnd < s.Length && s[wordEnd] == '.' ? wordEnd + 1 : wordEnd;
        var afterMonth = SkipSpace(s, i, style);
        if (style == DateStyle.Dateline && (afterMonth == i || afterMonth >= s.Length || !char.IsAsciiDigit(s[afterMonth])))
        {
            return false;
        }

        var month = MonthAt(s, p, wordEnd, style);
        if (month == 0)
        {
            return false;
        }

        var next = SkipAbbreviationPeriod(s, p, wordEnd, month, style);
        afterMonth = SkipSpace(s, next, style);
        if (afterMonth > next && ReadYear(s, afterMonth, out _) < 0)
        {
            var dayEnd = ReadNumber(s, afterMonth, 2, out var day);
            if (dayEnd > afterMonth && day is >= 1 and <= 31)
            {
                (date.Month, date.Day, date.Grain) = (month, day, DateGrain.Day);
                date.End = SkipOrdinalSuffix(s, dayEnd);
                if (ReadOptionalYear(s, date.End, style, out var year) is var yearEnd and > 0)
                {
                    (date.Year, date.End) = (year, yearEnd);
                }

                return true;
            }
        }

        if (style == DateStyle.Prose && ReadOptionalYear(s, next, style, out var monthYear) is var monthYearEnd and > 0)
        {
            (date.Year, date.Month, date.Grain, date.End) = (monthYear, month, DateGrain.Month, monthYearEnd);
            return true;
        }

        return false;
    }

    /// <summary>"Tuesday, March 9", "Saturday, April 25, 1998", "Monday 5 May": a weekday before a day-grain date.</summary>
    private static bool TryWeekdayThenDate(ReadOnlySpan<char> s, int p, ref WrittenDate date)
    {
        var wordEnd = ReadLetters(s, p);
        if (!char.IsUpper(s[p]) || !IsWordAt(s, p, Role.Weekday, out _))
        {
            return false;
        }

        var i = wordEnd < s.Length && s[wordEnd] == ',' ? wordEnd + 1 : wordEnd;
        var next = SkipSpace(s, i, DateStyle.Prose);
        if (next == i || next >= s.Length)
        {
            return false;
        }

        var inner = default(WrittenDate);
        var ok = char.IsAsciiDigit(s[next]) ? TryDayMonth(s, next, DateStyle.Prose, ref inner) : TryMonthDay(s, next, DateStyle.Prose, ref inner);
        if (!ok || inner.Grain != DateGrain.Day)
        {
            return false;
        }

        inner.Start = p;
        date = inner;
        return true;
    }

    /// <summary>The month named by the letters [start, end): exactly and capitalised (or all caps) in prose, with
    /// the noise of old wire copy in datelines.</summary>
    private static int MonthAt(ReadOnlySpan<char> s, int start, int end, DateStyle style)
    {
        if (end - start is < 3 or > 10)
        {
            return 0;
        }

        if (style == DateStyle.Dateline)
        {
            return Months.MatchNoisy(s[start..end]);
        }

        return char.IsUpper(s[start]) ? Months.Match(s[start..end]) : 0;
    }

    /// <summary>The period of "Nov." or "Sept." belongs to the month; the full stop after "July." does not (in
    /// datelines any period right after the month does: "Feb. 26", "Narch. 3").</summary>
    private static int SkipAbbreviationPeriod(ReadOnlySpan<char> s, int start, int end, int month, DateStyle style) =>
        end < s.Length && s[end] == '.' && (style == DateStyle.Dateline || end - start < Months.Name(month).Length) ? end + 1 : end;

    /// <summary>", 2021" or " 2021" after a date; its end, or 0 when no year follows.</summary>
    private static int ReadOptionalYear(ReadOnlySpan<char> s, int p, DateStyle style, out int year)
    {
        year = 0;
        var i = p < s.Length && s[p] == ',' ? p + 1 : p;
        var start = SkipSpace(s, i, style);
        if (start == p)
        {
            return 0; // "Feb 26" glued to what follows
        }

        var end = ReadYear(s, start, out year);
        if (end < 0)
        {
            year = 0;
            return 0;
        }

        return end;
    }

    /// <summary>Whether the letters at <paramref name="p"/> form a word of <paramref name="role"/> in the temporal
    /// lexicon (lower-cased on the stack).</summary>
    private static bool IsWordAt(ReadOnlySpan<char> s, int p, Role role, out int end)
    {
        end = ReadLetters(s, p);
        if (end - p is 0 or > 16)
        {
            return false;
        }

        Span<char> lower = stackalloc char[end - p];
        s[p..end].ToLowerInvariant(lower);
        return TemporalLexicon.Default.Word(lower).Has(role);
    }

    /// <summary>White space after a part: any in prose (dates cross the line breaks of hard-wrapped wire copy), only
    /// horizontal space in a dateline.</summary>
    private static int SkipSpace(ReadOnlySpan<char> s, int p, DateStyle style)
    {
        if (style == DateStyle.Dateline)
        {
            return CharClasses.SkipInlineSpace(s, p);
        }

        while (p < s.Length && char.IsWhiteSpace(s[p]))
        {
            p++;
        }

        return p;
    }

    private static int ReadLetters(ReadOnlySpan<char> s, int p)
    {
        var i = p;
        while (i < s.Length && char.IsLetter(s[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Up to <paramref name="max"/> digits; <paramref name="p"/> itself when more digits follow.</summary>
    private static int ReadDigits(ReadOnlySpan<char> s, int p, int max, out int value)
    {
        value = 0;
        var i = p;
        while (i < s.Length && i - p < max && char.IsAsciiDigit(s[i]))
        {
            value = (value * 10) + (s[i] - '0');
            i++;
        }

        return i < s.Length && char.IsAsciiDigit(s[i]) ? p : i;
    }

    /// <summary>A whole number of up to <paramref name="max"/> digits: not a part of "4.5" or "2,500".</summary>
    private static int ReadNumber(ReadOnlySpan<char> s, int p, int max, out int value)
    {
        var end = ReadDigits(s, p, max, out value);
        if (end > p && end + 1 < s.Length && s[end] is '.' or ',' && char.IsAsciiDigit(s[end + 1]))
        {
            return p;
        }

        return end;
    }

    private static int SkipOrdinalSuffix(ReadOnlySpan<char> s, int p)
    {
        if (p + 1 < s.Length && char.IsLetter(s[p]) && char.IsLetter(s[p + 1]) && (p + 2 >= s.Length || !char.IsLetter(s[p + 2])))
        {
            Span<char> suffix = stackalloc char[2];
            s.Slice(p, 2).ToLowerInvariant(suffix);
            if (TemporalLexicon.Default.Word(suffix).Has(Role.OrdinalSuffix))
            {
                return p + 2;
            }
        }

        return p;
    }
}
