namespace NewsParsing.Tests.Temporal;

/// <summary>
/// A checker of TIMEX3 <c>value</c> attributes, written from the value grammar of the TimeML 1.2.1 specification
/// (<c>value ::= Duration | Date | Time | WeekDate | WeekTime | Season | PartOfYear | PaPrFu</c>) and the TIDES/TIMEX2
/// value forms it takes over. It is a grammar, not a list of what the library happens to produce:
/// <code>
/// value      ::= PaPrFu | Duration | Date [ 'T' TimeOfDay ]
/// PaPrFu     ::= 'PAST_REF' | 'PRESENT_REF' | 'FUTURE_REF'
/// Date       ::= Century | Decade | Year [ '-' ( Month [ '-' Day ] | 'W' Week [ '-' ( WeekDay | 'WE' ) ]
///                                           | Season | 'Q' Quarter | 'H' Half ) ]
/// Century    ::= D D                      (19 = the 1900s; TIMEX2)
/// Decade     ::= D D D                    (199 = the 1990s; TIMEX2)
/// Year       ::= D D D D | D D D X | D D X X | X X X X    (an X only after the known digits: 199X, 19XX)
/// Month      ::= 01..12 | XX          Day ::= 01..31 | XX (a real day of that month when all is known)
/// Week       ::= 01..53 | XX          WeekDay ::= 1..7 | X
/// Season     ::= 'SP' | 'SU' | 'FA' | 'WI'
/// Quarter    ::= 1..4 | X             Half ::= 1 | 2 | X
/// TimeOfDay  ::= PartOfDay | HH [ ':' MM [ ':' SS ] ]      HH 00..24, MM 00..59, SS 00..60
/// PartOfDay  ::= 'MO' | 'MI' | 'AF' | 'EV' | 'NI' | 'DT'
/// Duration   ::= 'P' ( DateUnits [ 'T' TimeUnits ] | 'T' TimeUnits )
/// DateUnits  ::= ( Amount DateUnit )+  DateUnit ::= 'Y' | 'Q' | 'M' | 'W' | 'D' | 'DE' | 'CE' | 'ML' | 'WE'
/// TimeUnits  ::= ( Amount TimeUnit )+  TimeUnit ::= 'H' | 'M' | 'S'
/// Amount     ::= D+ [ '.' D+ ] | 'X'   (each unit at most once)
/// </code>
/// By type: a DURATION is a Duration; a SET is a Duration or a Date (<c>P1W</c>, <c>XXXX-WXX-1</c>); a DATE is a Date
/// or PaPrFu; a TIME is a Date with a TimeOfDay, or PaPrFu. The library writes a range written with two ends
/// (<c>from July 26 to August 6</c>) as an ISO 8601 interval of two DATE values (<c>2021-07-26/2021-08-06</c>), where
/// TimeML would use two TIMEX3 tags: <see cref="IsValid(string, string)"/> accepts that one extension, for DATE only,
/// when both ends are Dates and the second does not come first.
/// </summary>
public static class Timex3
{
    /// <summary>Whether <paramref name="value"/> is a well-formed TIMEX3 value of any type (intervals not included).</summary>
    public static bool IsValid(string value) => IsPaPrFu(value) || IsDuration(value) || IsDateOrTime(value, out _);

    /// <summary>Whether <paramref name="value"/> is a well-formed TIMEX3 value for the TIMEX3 <paramref name="type"/>
    /// (<c>DATE</c>, <c>TIME</c>, <c>DURATION</c>, <c>SET</c>, any case).</summary>
    public static bool IsValid(string type, string value)
    {
        switch (type.ToUpperInvariant())
        {
            case "DURATION":
                return IsDuration(value);
            case "SET":
                return IsDuration(value) || (IsDateOrTime(value, out _));
            case "TIME":
                return IsPaPrFu(value) || (IsDateOrTime(value, out var hasTime) && hasTime);
            case "DATE":
                if (IsPaPrFu(value) || (IsDateOrTime(value, out var dateHasTime) && !dateHasTime))
                {
                    return true;
                }

                var slash = value.IndexOf('/', StringComparison.Ordinal);
                return slash > 0 && IsDateOrTime(value[..slash], out var a) && !a && IsDateOrTime(value[(slash + 1)..], out var b) && !b
                    && string.CompareOrdinal(value[..slash], value[(slash + 1)..]) <= 0;
            default:
                return false;
        }
    }

    private static bool IsPaPrFu(string v) => v is "PAST_REF" or "PRESENT_REF" or "FUTURE_REF";

    private static bool IsDuration(string v)
    {
        if (v.Length < 3 || v[0] != 'P')
        {
            return false;
        }

        var i = 1;
        var inTime = false;
        var units = new HashSet<string>(StringComparer.Ordinal);
        var any = false;
        while (i < v.Length)
        {
            if (v[i] == 'T')
            {
                if (inTime || i + 1 >= v.Length)
                {
                    return false;
                }

                inTime = true;
                i++;
                continue;
            }

            // Amount: digits with an optional fraction, or X.
            var start = i;
            if (v[i] == 'X')
            {
                i++;
            }
            else
            {
                while (i < v.Length && char.IsAsciiDigit(v[i]))
                {
                    i++;
                }

                if (i == start)
                {
                    return false;
                }

                if (i < v.Length && v[i] == '.')
                {
                    i++;
                    var fraction = i;
                    while (i < v.Length && char.IsAsciiDigit(v[i]))
                    {
                        i++;
                    }

                    if (i == fraction)
                    {
                        return false;
                    }
                }
            }

            string? unit = null;
            foreach (var u in inTime ? TimeUnits : DateUnits)
            {
                if (string.CompareOrdinal(v, i, u, 0, u.Length) == 0)
                {
                    unit = u;
                    break;
                }
            }

            if (unit is null || !units.Add((inTime ? "T" : "") + unit))
            {
                return false;
            }

            i += unit.Length;
            any = true;
        }

        return any;
    }

    // Longest first, so DE is not read as D then E.
    private static readonly string[] DateUnits = ["DE", "CE", "ML", "WE", "Y", "Q", "M", "W", "D"];
    private static readonly string[] TimeUnits = ["H", "M", "S"];

    /// <summary>A Date, optionally followed by 'T' and a time of day (<paramref name="hasTime"/>).</summary>
    private static bool IsDateOrTime(string v, out bool hasTime)
    {
        hasTime = false;
        var t = v.IndexOf('T', StringComparison.Ordinal);
        var date = t < 0 ? v : v[..t];
        if (!IsDate(date))
        {
            return false;
        }

        if (t < 0)
        {
            return true;
        }

        hasTime = true;
        return IsTimeOfDay(v[(t + 1)..]);
    }

    private static bool IsDate(string d)
    {
        if (d.Length is 2 or 3)
        {
            return AllDigits(d); // century "19", decade "199"
        }

        if (d.Length < 4 || !IsYear(d.AsSpan(0, 4)))
        {
            return false;
        }

        if (d.Length == 4)
        {
            return true;
        }

        if (d[4] != '-' || d.Length < 7)
        {
            return false;
        }

        var rest = d[5..];
        switch (rest[0])
        {
            case 'W' when rest.Length >= 3:
                if (!InRangeOrX(rest.AsSpan(1, 2), 1, 53))
                {
                    return false;
                }

                if (rest.Length == 3)
                {
                    return true;
                }

                var weekPart = rest[3..];
                return weekPart is "-WE" || (weekPart.Length == 2 && weekPart[0] == '-' && (weekPart[1] == 'X' || weekPart[1] is >= '1' and <= '7'));
            case 'Q':
                return rest.Length == 2 && (rest[1] == 'X' || rest[1] is >= '1' and <= '4');
            case 'H':
                return rest.Length == 2 && rest[1] is 'X' or '1' or '2';
            case 'S' or 'F':
                return rest is "SP" or "SU" or "FA";
            case 'W':
                return rest is "WI";
        }

        if (rest.Length < 2 || !InRangeOrX(rest.AsSpan(0, 2), 1, 12))
        {
            return false;
        }

        if (rest.Length == 2)
        {
            return true;
        }

        if (rest.Length != 5 || rest[2] != '-' || !InRangeOrX(rest.AsSpan(3, 2), 1, 31))
        {
            return false;
        }

        // When year, month and day are all known the day must exist.
        if (AllDigits(d.AsSpan(0, 4)) && AllDigits(rest.AsSpan(0, 2)) && AllDigits(rest.AsSpan(3)))
        {
            var year = int.Parse(d[..4], System.Globalization.CultureInfo.InvariantCulture);
            var month = int.Parse(rest[..2], System.Globalization.CultureInfo.InvariantCulture);
            var day = int.Parse(rest[3..], System.Globalization.CultureInfo.InvariantCulture);
            return year >= 1 && day <= DateTime.DaysInMonth(year, month);
        }

        return true;
    }

    /// <summary>Four digits, or digits followed only by X placeholders (199X, 19XX, XXXX).</summary>
    private static bool IsYear(ReadOnlySpan<char> y)
    {
        var seenX = false;
        foreach (var c in y)
        {
            if (c == 'X')
            {
                seenX = true;
            }
            else if (!char.IsAsciiDigit(c) || seenX)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTimeOfDay(string t)
    {
        if (t is "MO" or "MI" or "AF" or "EV" or "NI" or "DT")
        {
            return true;
        }

        if (t.Length < 2 || !InRange(t.AsSpan(0, 2), 0, 24))
        {
            return false;
        }

        if (t.Length == 2)
        {
            return true;
        }

        if (t.Length < 5 || t[2] != ':' || !InRange(t.AsSpan(3, 2), 0, 59))
        {
            return false;
        }

        if (t.Length == 5)
        {
            return true;
        }

        return t.Length == 8 && t[5] == ':' && InRange(t.AsSpan(6, 2), 0, 60);
    }

    private static bool InRangeOrX(ReadOnlySpan<char> s, int min, int max) => s is "XX" || InRange(s, min, max);

    private static bool InRange(ReadOnlySpan<char> s, int min, int max) =>
        s.Length == 2 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && ((s[0] - '0') * 10) + (s[1] - '0') is var n && n >= min && n <= max;

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return s.Length > 0;
    }
}
