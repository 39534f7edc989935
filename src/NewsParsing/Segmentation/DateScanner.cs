using NewsParsing.Text;

namespace NewsParsing.Segmentation;

/// <summary>Reads the compact dates that datelines use (<c>Feb 26</c>, <c>2 March</c>, <c>December 5, 2023</c>,
/// <c>1996-08-30</c>, <c>02.10.20</c>), tolerating the typing noise of old wire copy in month names.</summary>
internal static class DateScanner
{
    /// <summary>Tries to read a date at <paramref name="p"/>; <paramref name="end"/> is just past it.</summary>
    public static bool TryRead(ReadOnlySpan<char> s, int p, int limit, out int end, out int month, out int day, out int year)
    {
        end = p;
        month = day = year = 0;
        if (p >= limit)
        {
            return false;
        }

        if (char.IsAsciiDigit(s[p]))
        {
            return TryReadNumeric(s, p, limit, out end, out month, out day, out year)
                || TryReadDayMonth(s, p, limit, out end, out month, out day, out year);
        }

        return TryReadMonthDay(s, p, limit, out end, out month, out day, out year);
    }

    /// <summary>Reads a run of ASCII letters.</summary>
    public static int ReadLetters(ReadOnlySpan<char> s, int p, int limit)
    {
        var i = p;
        while (i < limit && char.IsAsciiLetter(s[i]))
        {
            i++;
        }

        return i;
    }

    private static int ReadDigits(ReadOnlySpan<char> s, int p, int limit, int max, out int value)
    {
        value = 0;
        var i = p;
        while (i < limit && i - p < max && char.IsAsciiDigit(s[i]))
        {
            value = (value * 10) + (s[i] - '0');
            i++;
        }

        if (i < limit && char.IsAsciiDigit(s[i]))
        {
            return p; // more digits than allowed: not this kind of number
        }

        return i;
    }

    private static bool TryReadMonthDay(ReadOnlySpan<char> s, int p, int limit, out int end, out int month, out int day, out int year)
    {
        end = p;
        day = year = 0;
        month = 0;
        var wordEnd = ReadLetters(s, p, limit);
        if (wordEnd - p is < 3 or > 10)
        {
            return false;
        }

        var i = wordEnd;
        if (i < limit && s[i] == '.')
        {
            i++;
        }

        // Only a word followed by a day number can be a month here; checking that first spares the (noisy) month
        // lookup for almost every word of a headline or place.
        var afterMonth = CharClasses.SkipInlineSpace(s[..limit], i);
        if (afterMonth == i || afterMonth >= limit || !char.IsAsciiDigit(s[afterMonth]))
        {
            return false;
        }

        month = Months.MatchNoisy(s[p..wordEnd]);
        if (month == 0)
        {
            return false;
        }

        var dayEnd = ReadDigits(s, afterMonth, limit, 2, out day);
        if (dayEnd == afterMonth || day is < 1 or > 31)
        {
            month = 0;
            return false;
        }

        end = SkipOrdinalSuffix(s, dayEnd, limit);
        end = ReadOptionalYear(s, end, limit, out year);
        return true;
    }

    private static bool TryReadDayMonth(ReadOnlySpan<char> s, int p, int limit, out int end, out int month, out int day, out int year)
    {
        end = p;
        month = year = 0;
        var dayEnd = ReadDigits(s, p, limit, 2, out day);
        if (dayEnd == p || day is < 1 or > 31)
        {
            return false;
        }

        var i = SkipOrdinalSuffix(s, dayEnd, limit);
        var wordStart = CharClasses.SkipInlineSpace(s[..limit], i);
        if (wordStart == i)
        {
            return false;
        }

        var wordEnd = ReadLetters(s, wordStart, limit);
        month = Months.MatchNoisy(s[wordStart..wordEnd]);
        if (month == 0)
        {
            return false;
        }

        end = wordEnd < limit && s[wordEnd] == '.' ? wordEnd + 1 : wordEnd;
        var yearEnd = ReadOptionalYear(s, wordEnd, limit, out year);
        if (year != 0)
        {
            end = yearEnd;
        }

        return true;
    }

    private static bool TryReadNumeric(ReadOnlySpan<char> s, int p, int limit, out int end, out int month, out int day, out int year)
    {
        end = p;
        month = day = year = 0;
        var first = ReadDigits(s, p, limit, 4, out var a);
        if (first - p == 4 && first + 5 < limit + 1 && first < limit && s[first] == '-')
        {
            // ISO 8601: 1996-08-30
            var m = ReadDigits(s, first + 1, limit, 2, out var mm);
            if (m - first == 3 && m < limit && s[m] == '-')
            {
                var d = ReadDigits(s, m + 1, limit, 2, out var dd);
                if (d - m == 3 && IsValid(a, mm, dd))
                {
                    (year, month, day, end) = (a, mm, dd, d);
                    return true;
                }
            }

            return false;
        }

        if (first - p is 1 or 2 && first < limit && s[first] == '.')
        {
            // Day.month.year as Turan writes it: 02.10.20 or 02.10.2020
            var m = ReadDigits(s, first + 1, limit, 2, out var mm);
            if (m - first is 2 or 3 && m < limit && s[m] == '.')
            {
                var y = ReadDigits(s, m + 1, limit, 4, out var yy);
                var digits = y - m - 1;
                if (digits is 2 or 4)
                {
                    var fullYear = digits == 2 ? 2000 + yy : yy;
                    if (IsValid(fullYear, mm, a))
                    {
                        (year, month, day, end) = (fullYear, mm, a, y);
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static int SkipOrdinalSuffix(ReadOnlySpan<char> s, int p, int limit)
    {
        if (p + 1 < limit)
        {
            var suffix = s.Slice(p, 2);
            if (suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase))
            {
                if (p + 2 >= limit || !char.IsLetter(s[p + 2]))
                {
                    return p + 2;
                }
            }
        }

        return p;
    }

    private static int ReadOptionalYear(ReadOnlySpan<char> s, int p, int limit, out int year)
    {
        year = 0;
        var i = p;
        if (i < limit && s[i] == ',')
        {
            i++;
        }

        var start = CharClasses.SkipInlineSpace(s[..limit], i);
        if (start == p && (start >= limit || s[start] != ' '))
        {
            // "Feb 26" directly followed by something that is not a separator
            if (start < limit && char.IsAsciiDigit(s[start]))
            {
                return p;
            }
        }

        var end = ReadDigits(s, start, limit, 4, out var y);
        if (end - start == 4 && y is >= 1900 and <= 2199 && (end >= limit || !char.IsLetterOrDigit(s[end])))
        {
            year = y;
            return end;
        }

        return p;
    }

    private static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
