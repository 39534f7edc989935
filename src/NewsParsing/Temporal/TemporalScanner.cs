using System.Globalization;
using System.Runtime.CompilerServices;
using NewsParsing.Model;
using NewsParsing.Text;
using NodaTime;

namespace NewsParsing.Temporal;

/// <summary>
/// Finds time expressions in one region and resolves them against the reference date. A token-level scanner tries,
/// at each token, the longest patterns first (ranges, fuzzy parts, explicit dates, relative expressions, durations,
/// sets, times); matching is plain comparisons on pre-lowered words, with no regular expressions and no backtracking
/// beyond a few tokens, so the cost is linear in the text.
/// </summary>
internal sealed partial class TemporalScanner
{
    private const int TenseWindow = 10;

    private readonly TemporalLexicon _lex = TemporalLexicon.Default;

    /// <summary>Scans <paramref name="region"/> and appends what it finds to <paramref name="output"/>.</summary>
    /// <returns>Whether <paramref name="max"/> was reached.</returns>
    public bool Scan(string text, SourceSpan region, LocalDate? reference, ParseWorkspace workspace, List<TemporalExpression> output, int max)
    {
        var tokens = workspace.Tokens.Get(text, region, workspace);
        var ctx = new Ctx(text, tokens, reference, workspace.Names);
        var i = 0;
        while (i < tokens.Count)
        {
            if (output.Count >= max)
            {
                return true;
            }

            bool matched;
            TemporalExpression found;
            int next;
            try
            {
                matched = TryMatch(ref ctx, i, out found, out next);
            }
            catch (ArgumentOutOfRangeException)
            {
                // A reference date at the edge of the calendar (year 1 or 9999) can push a relative expression out of
                // range: that expression is skipped rather than failing the article.
                matched = false;
                found = null!;
                next = i + 1;
            }

            if (matched)
            {
                output.Add(found);
                i = next;
            }
            else
            {
                i++;
            }
        }

        return false;
    }

    private bool TryMatch(ref Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        var t = c.T[i];
        if (t.Kind == TokenKind.Punct || (t.Kind == TokenKind.Word && (t.Flags & WordFlags.TemporalStarter) == 0))
        {
            return false; // most words cannot open a time expression: a flag worked out once per distinct word rejects them
        }

        return TryRange(ref c, i, out found, out next)
            || TryFuzzy(ref c, i, out found, out next)
            || TryExplicit(ref c, i, out found, out next)
            || TryRelative(ref c, i, out found, out next)
            || TryDuration(ref c, i, out found, out next)
            || TrySetOrReference(ref c, i, out found, out next)
            || TryTime(ref c, i, out found, out next);
    }

    // ---------------------------------------------------------------- points (explicit dates before resolution)

    private enum Grain : byte
    {
        Day,
        Month,
        Year,
        Decade,
    }

    /// <summary>A date as written: year 0 when not written.</summary>
    private struct Point
    {
        public int Year;
        public int Month;
        public int Day;
        public Grain Grain;
        public int First;
        public int Next;
    }

    /// <summary>Reads an explicit date starting at token <paramref name="i"/> (no resolution).</summary>
    private bool TryPoint(ref Ctx c, int i, out Point p, bool allowBareMonth, bool allowBareYear)
    {
        p = default;
        p.First = i;
        if (i >= c.T.Count)
        {
            return false;
        }

        var t = c.T[i];
        if (t.Kind == TokenKind.IsoDate)
        {
            var s = c.Text.AsSpan(t.Start);
            var y = Num(s, 0, 4);
            var m = Num(s, 5, 2);
            var d = Num(s, 8, 2);
            if (Valid(y, m, d))
            {
                (p.Year, p.Month, p.Day, p.Grain, p.Next) = (y, m, d, Grain.Day, i + 1);
                return true;
            }

            return false;
        }

        if (t.Kind == TokenKind.DottedDate)
        {
            var s = c.Text.AsSpan(t.Start, t.End - t.Start);
            var firstDot = s.IndexOf('.');
            var d = Num(s, 0, firstDot);
            var m = Num(s, firstDot + 1, 2);
            var yDigits = s.Length - firstDot - 4;
            var y = Num(s, firstDot + 4, yDigits);
            if (yDigits == 2)
            {
                y += 2000;
            }

            if (Valid(y, m, d))
            {
                (p.Year, p.Month, p.Day, p.Grain, p.Next) = (y, m, d, Grain.Day, i + 1);
                return true;
            }

            return false;
        }

        var k = i;
        // An optional weekday before the date: "Tuesday, March 9".
        if (t.Kind == TokenKind.Word && _lex.Weekdays.ContainsKey(t.Lower) && t.Capitalized)
        {
            var after = k + 1;
            if (IsPunct(c, after, ','))
            {
                after++;
            }

            if (MonthAt(c, after) > 0 || (IsDayNumber(c, after) && MonthAt(c, after + 1 + (IsOrdinalSuffix(c, after + 1) ? 1 : 0)) > 0))
            {
                k = after;
                t = c.T[k];
            }
        }

        var month = MonthAt(c, k);
        if (month > 0)
        {
            var j = k + 1;
            if (IsAbbreviationPeriod(c, k, j, month))
            {
                j++;
            }

            if (IsDayNumber(c, j) && !IsYearLike(c, j))
            {
                var day = (int)c.T[j].Value;
                j++;
                if (IsOrdinalSuffix(c, j))
                {
                    j++;
                }

                (p.Month, p.Day, p.Grain) = (month, day, Grain.Day);
                var y = j;
                if (IsPunct(c, y, ','))
                {
                    y++;
                }

                if (IsYearLike(c, y))
                {
                    p.Year = (int)c.T[y].Value;
                    j = y + 1;
                }

                if (p.Year != 0 && !Valid(p.Year, month, p.Day))
                {
                    return false;
                }

                if (p.Day > DaysIn(month))
                {
                    return false;
                }

                p.Next = j;
                return true;
            }

            var yy = j;
            if (IsPunct(c, yy, ','))
            {
                yy++;
            }

            if (IsYearLike(c, yy))
            {
                (p.Year, p.Month, p.Grain, p.Next) = ((int)c.T[yy].Value, month, Grain.Month, yy + 1);
                return true;
            }

            if (allowBareMonth && MonthAloneIsDate(c, k))
            {
                (p.Month, p.Grain, p.Next) = (month, Grain.Month, k + 1);
                return true;
            }

            return false;
        }

        // "26 July 2021", "1st of March"
        if (IsDayNumber(c, k))
        {
            var j = k + 1;
            if (IsOrdinalSuffix(c, j))
            {
                j++;
            }

            if (IsWord(c, j, "of"))
            {
                j++;
            }

            var m = MonthAt(c, j);
            if (m > 0)
            {
                var day = (int)c.T[k].Value;
                if (day > DaysIn(m))
                {
                    return false;
                }

                j++;
                if (IsAbbreviationPeriod(c, j - 1, j, m))
                {
                    j++;
                }

                (p.Month, p.Day, p.Grain) = (m, day, Grain.Day);
                var y = j;
                if (IsPunct(c, y, ','))
                {
                    y++;
                }

                if (IsYearLike(c, y))
                {
                    p.Year = (int)c.T[y].Value;
                    j = y + 1;
                    if (!Valid(p.Year, m, day))
                    {
                        return false;
                    }
                }

                p.Next = j;
                return true;
            }
        }

        // "the 1990s", "1990s"
        if (t.Kind == TokenKind.Number && t.Digits == 4 && t.Value is >= 1000 and <= 2090 && t.Value % 10 == 0
            && k + 1 < c.T.Count && c.T[k + 1].Kind == TokenKind.Word && !c.T[k + 1].SpaceBefore && c.T[k + 1].Lower == "s")
        {
            (p.Year, p.Grain, p.Next) = ((int)t.Value, Grain.Decade, k + 2);
            return true;
        }

        if (allowBareYear && IsYearLike(c, k) && !YearBelongsToName(c, k))
        {
            (p.Year, p.Grain, p.Next) = ((int)t.Value, Grain.Year, k + 1);
            return true;
        }

        return false;
    }

    // ---------------------------------------------------------------- explicit dates

    private bool TryExplicit(ref Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        if (!TryPoint(ref c, i, out var p, allowBareMonth: true, allowBareYear: true))
        {
            return false;
        }

        var tense = Tense(c, p.First, p.Next);
        found = Build(c, p.First, p.Next, Resolve(c, p, tense), TemporalModifier.None);
        next = p.Next;
        return true;
    }

    // ---------------------------------------------------------------- ranges

    private bool TryRange(ref Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        var t = c.T[i];
        var start = i;
        var k = i;
        string? joiner = null;
        if (t.Kind == TokenKind.Word && (t.Lower == "from" || t.Lower == "between"))
        {
            joiner = t.Lower == "from" ? "to" : "and";
            k = i + 1;
        }

        Point a;
        var bareDayStart = false;
        if (!TryPoint(ref c, k, out a, allowBareMonth: joiner is not null, allowBareYear: true))
        {
            // "from 26 to 28 July": a bare day, completed by the second end's month.
            if (joiner is null || !IsDayNumber(c, k))
            {
                return false;
            }

            a = new Point { Day = (int)c.T[k].Value, Grain = Grain.Day, First = k, Next = k + 1 };
            bareDayStart = true;
        }

        var j = a.Next;
        var isJoiner = joiner is not null
            ? IsWord(c, j, joiner) || (joiner == "to" && (IsWord(c, j, "until") || IsWord(c, j, "till") || IsWord(c, j, "through") || IsDash(c, j)))
            : IsDash(c, j) || IsWord(c, j, "to") || IsWord(c, j, "through");
        if (!isJoiner)
        {
            return false;
        }

        j++;
        Point b;
        if (!TryPoint(ref c, j, out b, allowBareMonth: true, allowBareYear: a.Grain == Grain.Year))
        {
            // "Sept 26-27": the second end is a bare day of the same month.
            if (a.Grain == Grain.Day && !bareDayStart && IsDayNumber(c, j) && !IsYearLike(c, j))
            {
                b = new Point { Year = a.Year, Month = a.Month, Day = (int)c.T[j].Value, Grain = Grain.Day, First = j, Next = j + 1 };
                if (IsOrdinalSuffix(c, b.Next))
                {
                    b.Next++;
                }

                if (b.Day < a.Day || b.Day > DaysIn(a.Month))
                {
                    return false;
                }
            }
            else if (a.Grain == Grain.Year && c.T.Count > j && c.T[j].Kind == TokenKind.Number && c.T[j].Digits == 2 && !c.T[j].SpaceBefore)
            {
                // "2018-19"
                var century = a.Year / 100 * 100;
                b = new Point { Year = century + (int)c.T[j].Value, Grain = Grain.Year, First = j, Next = j + 1 };
                if (b.Year <= a.Year)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }
        }

        if (bareDayStart)
        {
            if (b.Grain != Grain.Day || a.Day > b.Day)
            {
                return false;
            }

            a.Month = b.Month;
            a.Year = b.Year;
        }

        if (a.Grain != b.Grain && !(a.Grain == Grain.Day && b.Grain == Grain.Day))
        {
            return false;
        }

        if (a.Grain is Grain.Decade)
        {
            return false;
        }

        var tense = Tense(c, start, b.Next);
        var ra = Resolve(c, a, tense);
        Resolved rb;
        if (b.Year == 0 && ra.YearKnown)
        {
            // The second end carries the first's year, or the next one when it would come before it ("Dec 28 – Jan 3").
            var bb = b;
            bb.Year = ra.Year;
            if (bb.Month < a.Month || (bb.Month == a.Month && bb.Day < a.Day))
            {
                bb.Year++;
            }

            rb = Resolve(c, bb, tense);
            rb.YearInferred = ra.YearInferred;
        }
        else
        {
            rb = Resolve(c, b, tense);
        }

        if (ra.Interval is { } ia && rb.Interval is { } ib && ib.End < ia.Start)
        {
            return false;
        }

        found = BuildRange(c, start, b.Next, ra, rb);
        next = b.Next;
        return true;
    }

    // ---------------------------------------------------------------- helpers over tokens

    private readonly struct Ctx(string text, List<Token> tokens, LocalDate? reference, NameTable names)
    {
        public readonly string Text = text;
        public readonly List<Token> T = tokens;
        public readonly LocalDate? Ref = reference;
        public readonly NameTable Names = names;
    }

    private static bool IsWord(in Ctx c, int i, string lower) => TokenQueries.IsWord(c.T, i, lower);

    private static bool IsPunct(in Ctx c, int i, char ch) => i < c.T.Count && c.T[i].Kind == TokenKind.Punct && c.T[i].Value == ch;

    private static bool IsDash(in Ctx c, int i) => TokenQueries.IsDash(c.T, i);

    private static bool IsDayNumber(in Ctx c, int i) =>
        i < c.T.Count && c.T[i].Kind == TokenKind.Number && c.T[i].Digits is 1 or 2 && c.T[i].Value is >= 1 and <= 31;

    private static bool IsOrdinalSuffix(in Ctx c, int i) =>
        i < c.T.Count && c.T[i].Kind == TokenKind.Word && !c.T[i].SpaceBefore && c.T[i].Lower is "st" or "nd" or "rd" or "th";

    private static bool IsYearLike(in Ctx c, int i) =>
        i < c.T.Count && c.T[i].Kind == TokenKind.Number && c.T[i].Digits == 4 && c.T[i].Value is >= 1000 and <= 2199
        && !(i + 1 < c.T.Count && c.T[i + 1].Kind == TokenKind.Word && !c.T[i + 1].SpaceBefore);

    /// <summary>The month a word names, if it is written as a month name (capitalised, or any case in all-caps text).</summary>
    private static int MonthAt(in Ctx c, int i)
    {
        if (i >= c.T.Count || c.T[i].Kind != TokenKind.Word || !c.T[i].Capitalized)
        {
            return 0;
        }

        var t = c.T[i];
        return t.End - t.Start is >= 3 and <= 9 ? Months.Match(c.Text.AsSpan(t.Start, t.End - t.Start)) : 0;
    }

    /// <summary>A month name on its own is a date only after a temporal preposition ("in June", "since March").</summary>
    private static bool MonthAloneIsDate(in Ctx c, int i)
    {
        if (i == 0)
        {
            return false;
        }

        var prev = c.T[i - 1];
        if (prev.Kind != TokenKind.Word)
        {
            return false;
        }

        var isPreposition = prev.Lower is "in" or "since" or "until" or "till" or "from" or "during" or "through" or "throughout" or "by" or "before"
            or "after" or "early" or "late" or "mid" or "last" or "next" or "this" or "of" or "to" or "and" or "or" or "between";
        if (!isPreposition)
        {
            return false;
        }

        // "May" is also a verb: only after a preposition and not followed by a verb-like lower-case word.
        var word = c.T[i].Lower;
        return word != "may" || !(i + 1 < c.T.Count && c.T[i + 1].Kind == TokenKind.Word && !c.T[i + 1].Capitalized && c.T[i + 1].Lower is "be" or "have" or "not");
    }

    /// <summary>Years that are part of a name: "Eternity-2021", "Agile Spirit - 2021", "Baku 2015 European Games".</summary>
    private static bool YearBelongsToName(in Ctx c, int i)
    {
        var t = c.T[i];
        if (i >= 1 && IsDash(c, i - 1))
        {
            var dash = c.T[i - 1];
            if (i >= 2 && c.T[i - 2].Kind == TokenKind.Word && c.T[i - 2].Capitalized && MonthAt(c, i - 2) == 0)
            {
                // "Eternity-2021" (glued) or "Agile Spirit - 2021" (a capitalised name before a spaced dash)
                if (!t.SpaceBefore && !dash.SpaceBefore)
                {
                    return true;
                }

                if (t.SpaceBefore && dash.SpaceBefore)
                {
                    return true;
                }
            }
        }

        if (i >= 1 && i + 1 < c.T.Count)
        {
            var prev = c.T[i - 1];
            var next = c.T[i + 1];
            if (prev.Kind == TokenKind.Word && prev.Capitalized && MonthAt(c, i - 1) == 0 && next.Kind == TokenKind.Word && next.Capitalized
                && MonthAt(c, i + 1) == 0 && !IsSentenceStart(c, i - 1))
            {
                return true; // "Baku 2015 European Games"
            }
        }

        if (i >= 1)
        {
            var prev = c.T[i - 1];
            if (prev.Kind == TokenKind.Number || (prev.Kind == TokenKind.Punct && prev.Value is '+' or '#' or '/' or ':' or '№')
                || (prev.Kind == TokenKind.Word && prev.Lower is "no" or "article" or "number" or "code" or "resolution" or "decree" or "paragraph" or "route" or "flight"))
            {
                return true;
            }
        }

        if (i + 1 < c.T.Count && c.T[i + 1].Kind == TokenKind.Number)
        {
            return true; // part of a longer number such as a phone number
        }

        return false;
    }

    /// <summary>The period of "Nov." or "Sept." belongs to the month; the full stop after "July." does not.</summary>
    private static bool IsAbbreviationPeriod(in Ctx c, int monthIndex, int j, int month) =>
        IsPunct(c, j, '.') && !c.T[j].SpaceBefore && c.T[monthIndex].End - c.T[monthIndex].Start < Months.Name(month).Length;

    private static bool IsSentenceStart(in Ctx c, int i) => i == 0 || (c.T[i - 1].Kind == TokenKind.Punct && c.T[i - 1].Value is '.' or '!' or '?' or '"' or '“');

    private static int Num(ReadOnlySpan<char> s, int start, int count)
    {
        var v = 0;
        for (var k = start; k < start + count; k++)
        {
            v = (v * 10) + (s[k] - '0');
        }

        return v;
    }

    private static bool Valid(int y, int m, int d) => y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);

    private static int DaysIn(int month) => month == 2 ? 29 : DateTime.DaysInMonth(2001, month);

    private static string Four(in Ctx c, int year) => Timex(c.Names, $"{year:D4}");

    /// <summary>A TIMEX value formatted invariantly into a pooled buffer and atomised (<see cref="NameTable"/>): the
    /// same values recur across articles.</summary>
    private static string Timex(NameTable names, [InterpolatedStringHandlerArgument(nameof(names))] ref TimexHandler value) => value.ToStringAndClear();
}
