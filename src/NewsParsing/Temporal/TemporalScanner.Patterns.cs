using System.Globalization;
using NewsParsing.Text;
using NodaTime;

namespace NewsParsing.Temporal;

internal sealed partial class TemporalScanner
{
    // ---------------------------------------------------------------- explicit dates

    private bool TryExplicit(in Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        if (!TryPoint(c, i, out var p, allowBareMonth: true, allowBareYear: true))
        {
            return false;
        }

        var end = p.Next;
        var written = p.Year != 0 && (p.Grain != DateGrain.Year || Is(c, p.First - 1, Role.YearPreposition));
        var fromText = false;
        if (p.Year == 0 && p.Grain is DateGrain.Day or DateGrain.Month)
        {
            if (p.Grain == DateGrain.Day && ListYear(c, p.Next, out var listYear))
            {
                // "March 5 and 7, 2021": the year written after the list is this date's too.
                (p.Year, written) = (listYear, true);
            }
            else if (YearPhrase(c, p.Next, out var phraseYear, out var phraseEnd, out var anaphoric))
            {
                // "April 28 of the same year", "March 5 last year"
                (p.Year, end, fromText, written) = (phraseYear, phraseEnd, true, anaphoric);
            }
        }

        // "the 1988 third quarter", "the 1988 quarter"
        if (p.Grain == DateGrain.Year && TryPartOfYear(c, p.Next, p.Year, out var part, out var partEnd))
        {
            Wrote(c, p.Year, partEnd);
            found = Build(c, p.First, partEnd, part, TemporalModifier.None);
            next = partEnd;
            return true;
        }

        var r = Resolve(c, p, p.First, p.Next);
        r.YearInferred |= fromText;
        if (written)
        {
            Wrote(c, p.Year, end);
        }

        found = Build(c, p.First, end, r, TemporalModifier.None);
        next = end;
        return true;
    }

    /// <summary>"of the same year" (the anchor year, shifted), "of this year", "last year" (the reference's) right after a
    /// year-less date.</summary>
    private bool YearPhrase(in Ctx c, int k, out int year, out int end, out bool anaphoric)
    {
        year = 0;
        anaphoric = false;
        if (MatchPhrase(c, k, _lex.OfYearAnaphors, out var shift, out end) && SentenceAnchor(c) is > 0 and var anchor)
        {
            year = anchor + shift;
            anaphoric = true;
            return true;
        }

        if (c.Ref is { } reference && MatchPhrase(c, k, _lex.RelativeYears, out shift, out end))
        {
            year = reference.Year + shift;
            return true;
        }

        return false;
    }

    /// <summary>The longest phrase of <paramref name="phrases"/> at token <paramref name="k"/>.</summary>
    private static bool MatchPhrase(in Ctx c, int k, TemporalPhrase[] phrases, out int shift, out int end)
    {
        foreach (var phrase in phrases)
        {
            var words = phrase.Words;
            var n = 0;
            while (n < words.Length && k + n < c.T.Count && c.T[k + n].Kind == TokenKind.Word
                && string.Equals(c.T[k + n].Lower, words[n], StringComparison.Ordinal))
            {
                n++;
            }

            if (n == words.Length)
            {
                (shift, end) = (phrase.Shift, k + n);
                return true;
            }
        }

        (shift, end) = (0, k);
        return false;
    }

    // ---------------------------------------------------------------- lists: on 5 and 7 March 2021, March 5 and 7, 2021

    /// <summary>A list joiner: "and", "or", or a comma.</summary>
    private static bool IsListJoiner(in Ctx c, int k) => IsPunct(c, k, ',') || Is(c, k, Role.ListJoiner);

    /// <summary>"… and 7, 2021" after a date: the year a list of days shares.</summary>
    private static bool ListYear(in Ctx c, int k, out int year)
    {
        year = 0;
        var any = false;
        while (IsListJoiner(c, k) && IsDayNumber(c, k + 1))
        {
            k += 2;
            k += IsOrdinalSuffix(c, k) ? 1 : 0;
            any = true;
        }

        var y = IsPunct(c, k, ',') ? k + 1 : k;
        if (any && IsYearLike(c, y))
        {
            year = (int)c.T[y].Value;
            return true;
        }

        return false;
    }

    /// <summary>A bare day of a list that names its month once: "5" in "on 5 and 7 March 2021", "7" in "March 5 and 7".</summary>
    private bool TryList(in Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        if (!IsDayNumber(c, i))
        {
            return false;
        }

        var day = (int)c.T[i].Value;
        var after = IsOrdinalSuffix(c, i + 1) ? i + 2 : i + 1;
        Point p;
        var end = after;
        if (IsListJoiner(c, after))
        {
            // Forward: "5 and 7 March 2021", "5, 6 and 7 March".
            var k = after + 1;
            while (IsDayNumber(c, k) && !TryPoint(c, k, out _, false, false) && IsListJoiner(c, k + (IsOrdinalSuffix(c, k + 1) ? 2 : 1)))
            {
                k += IsOrdinalSuffix(c, k + 1) ? 3 : 2;
            }

            if (!IsDayNumber(c, k) || !TryPoint(c, k, out var last, false, false) || last.Grain != DateGrain.Day)
            {
                return BackwardList(c, i, day, after, out found, out next);
            }

            p = last;
        }
        else
        {
            return BackwardList(c, i, day, after, out found, out next);
        }

        p.Day = day;
        p.First = i;
        p.Next = end;
        return BuildListItem(c, p, out found, out next);
    }

    /// <summary>"7" in "March 5 and 7, 2021" or "March 5, 6 and 7": the month comes from the first item.</summary>
    private bool BackwardList(in Ctx c, int i, int day, int after, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        if (!IsListJoiner(c, i - 1))
        {
            return false;
        }

        var k = i - 2;
        while (k > 0 && IsDayNumber(c, k) && IsListJoiner(c, k - 1) && MonthAt(c, k - 1) == 0)
        {
            k -= 2;
        }

        var month = k > 0 && IsDayNumber(c, k) ? MonthAt(c, k - 1) : 0;
        if (month == 0)
        {
            return false;
        }

        // The item ends the list or the phrase: "and 7, 2021", "and 7.", "and 3 at 34.78" — not "March 5, 6 people".
        var p = new Point { Month = month, Day = day, Grain = DateGrain.Day, First = i, Next = after };
        var y = IsPunct(c, after, ',') ? after + 1 : after;
        if (IsYearLike(c, y))
        {
            (p.Year, p.Next) = ((int)c.T[y].Value, y + 1);
        }
        else if (!(after >= c.T.Count || IsListJoiner(c, after) || Is(c, after, Role.AfterListItem)
            || (c.T[after].Kind == TokenKind.Punct && c.T[after].Value is '.' or ';' or ')')))
        {
            return false;
        }

        return BuildListItem(c, p, out found, out next);
    }

    private bool BuildListItem(in Ctx c, Point p, out TemporalExpression found, out int next)
    {
        found = null!;
        next = p.First;
        if (p.Year != 0 ? !DateReader.IsValid(p.Year, p.Month, p.Day) : !DateReader.IsValidMonthDay(p.Month, p.Day))
        {
            return false;
        }

        var r = Resolve(c, p, p.First, p.Next);
        found = Build(c, p.First, p.Next, r, TemporalModifier.None);
        next = p.Next;
        return true;
    }

    // ---------------------------------------------------------------- ranges

    private bool TryRange(in Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        var start = i;
        var k = i;
        var opener = 0; // 1: from … to, 2: between … and
        if (c.W(i).TryNumber(Role.RangeOpener, out var o))
        {
            opener = o;
            k = i + 1;
        }

        var bareDayStart = false;
        if (!TryPoint(c, k, out var a, allowBareMonth: opener != 0, allowBareYear: true))
        {
            // "from 26 to 28 July": a bare day, completed by the second end's month.
            if (opener == 0 || !IsDayNumber(c, k))
            {
                return false;
            }

            a = new Point { Day = (int)c.T[k].Value, Grain = DateGrain.Day, First = k, Next = k + (IsOrdinalSuffix(c, k + 1) ? 2 : 1) };
            bareDayStart = true;
        }

        var j = a.Next;
        var isJoiner = opener switch
        {
            1 => Is(c, j, Role.RangeTo) || IsDash(c, j),
            2 => Is(c, j, Role.RangeAnd),
            _ => IsDash(c, j) || Is(c, j, Role.BareRangeJoiner),
        };
        if (!isJoiner)
        {
            return false;
        }

        j++;
        if (!TryPoint(c, j, out var b, allowBareMonth: true, allowBareYear: a.Grain == DateGrain.Year))
        {
            if (a.Grain == DateGrain.Day && !bareDayStart && IsDayNumber(c, j) && !IsYearLike(c, j))
            {
                // "Sept 26-27", "February 25-26, 1992": the second end is a bare day of the same month, and a year
                // written after it is both ends'.
                b = new Point { Year = a.Year, Month = a.Month, Day = (int)c.T[j].Value, Grain = DateGrain.Day, First = j, Next = j + 1 };
                if (IsOrdinalSuffix(c, b.Next))
                {
                    b.Next++;
                }

                if (b.Day < a.Day || !DateReader.IsValidMonthDay(b.Month, b.Day))
                {
                    return false;
                }

                var y = IsPunct(c, b.Next, ',') ? b.Next + 1 : b.Next;
                if (a.Year == 0 && IsYearLike(c, y))
                {
                    a.Year = b.Year = (int)c.T[y].Value;
                    b.Next = y + 1;
                }
            }
            else if (a.Grain == DateGrain.Year && c.T.Count > j && c.T[j].Kind == TokenKind.Number && c.T[j].Digits == 2 && !c.T[j].SpaceBefore)
            {
                // "2018-19"
                var century = a.Year / 100 * 100;
                b = new Point { Year = century + (int)c.T[j].Value, Grain = DateGrain.Year, First = j, Next = j + 1 };
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
            if (b.Grain != DateGrain.Day || a.Day > b.Day || !DateReader.IsValidMonthDay(b.Month, a.Day))
            {
                return false;
            }

            a.Month = b.Month;
            a.Year = b.Year;
        }

        if (a.Grain != b.Grain || a.Grain is DateGrain.Decade)
        {
            return false;
        }

        // "from July 26 to August 6, 2021": the year written at the end is the start's too (or the one before, when
        // the start comes later in the year: "from December 28 to January 3, 2021").
        if (a.Year == 0 && b.Year != 0)
        {
            a.Year = b.Month > a.Month || (b.Month == a.Month && b.Day >= a.Day) ? b.Year : b.Year - 1;
            if (a.Grain == DateGrain.Day && !DateReader.IsValid(a.Year, a.Month, a.Day))
            {
                return false;
            }
        }

        var tense = NeedsTense(c, a) || NeedsTense(c, b) ? Tense(c, start, b.Next) : TenseKind.None;
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

            if (bb.Grain == DateGrain.Day && !DateReader.IsValid(bb.Year, bb.Month, bb.Day))
            {
                return false;
            }

            rb = Resolve(c, bb, tense);
            rb.YearInferred = ra.YearInferred;
        }
        else
        {
            if (b.Year == 0 && (b.Month < a.Month || (b.Month == a.Month && b.Day < a.Day)))
            {
                // "Dec 31 - January 1" with no year to be had (no publication or reference date): the end is in the next
                // year, which a year-less TIMEX3 value cannot say ("XXXX-12-31/XXXX-01-01" reads backwards). The ends
                // are read as two dates, as TimeML writes a range: two TIMEX3 tags.
                return false;
            }

            rb = Resolve(c, b, tense);
        }

        if (ra.Interval is { } ia && rb.Interval is { } ib && ib.End < ia.Start)
        {
            return false;
        }

        if (b.Year != 0)
        {
            Wrote(c, b.Year, b.Next);
        }

        found = BuildRange(c, start, b.Next, ra, rb);
        next = b.Next;
        return true;
    }

    // ---------------------------------------------------------------- fuzzy parts: late 2020, the end of the year, Q1

    private bool TryFuzzy(in Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        var w = c.W(i);

        // "early March", "late 2020", "mid-2021", "late last year"
        if (w.TryText(Role.FuzzyModifier, out var modifierName))
        {
            var k = i + 1;
            if (IsDash(c, k) && !c.T[k].SpaceBefore)
            {
                k++;
            }

            if (TryPeriodAt(c, k, out var r, out var end))
            {
                found = Build(c, i, end, r, ModifierOf(modifierName));
                next = end;
                return true;
            }

            return false;
        }

        if (w.Has(Role.Definite))
        {
            // "the end of 2019", "the beginning of the year", "the middle of March"
            if (c.W(i + 1).TryText(Role.PartOf, out var partName) && Is(c, i + 2, Role.Of) && TryPeriodAt(c, i + 3, out var r, out var end))
            {
                found = Build(c, i, end, r, ModifierOf(partName));
                next = end;
                return true;
            }

            // "the first nine months of 2019"
            if (c.W(i + 1).TryNumber(Role.Ordinal, out var ordinal) && ordinal == 1 && TryNumber(c, i + 2, out var months, out var afterNumber, out var vague)
                && !vague && Is(c, afterNumber, Role.PluralUnit) && c.W(afterNumber).Value(Role.Unit).Text == "M" && Is(c, afterNumber + 1, Role.Of)
                && months is >= 2 and <= 11 && TryYearOf(c, afterNumber + 2, out var y, out var yEnd))
            {
                var first = new LocalDate(y, 1, 1);
                var last = new YearMonth(y, (int)months).OnDayOfMonth(DateTime.DaysInMonth(y, (int)months));
                found = new TemporalExpression(c.Text, Model.SourceSpan.FromBounds(c.T[i].Start, c.T[yEnd - 1].End))
                {
                    Type = TemporalType.Date,
                    Value = Timex(c.Names, $"{y:D4}-01/{y:D4}-{(int)months:D2}"),
                    Range = new DateInterval(first, last),
                    Year = y,
                    IsRange = true,
                };
                next = yEnd;
                return true;
            }

            // "the first quarter of 2022", "the second half of the year", "the latest quarter", "the fourth quarter 1985"
            return TryPart(c, i, i + 1, out found, out next);
        }

        // "fourth quarter", "a third-quarter loss", "last quarter 1986" (a bare "last quarter" is the previous one:
        // relative; "a third quarter of the shares" is a fraction)
        return (IsGluedDash(c, i + 1) || !Is(c, i - 1, Role.Article)) && TryPart(c, i, i, out found, out next);
    }

    /// <summary>A quarter or half of a year at token <paramref name="k"/>: an ordinal (or "latest"), "quarter" or "half"
    /// (glued by a hyphen or not), then an optional "of" and year (<c>of 2022</c>, <c>of the year</c>, <c>1986</c>);
    /// without one, the reference year's (the year before when that part has not begun yet).</summary>
    private static bool TryPart(in Ctx c, int first, int k, out TemporalExpression found, out int next)
    {
        found = null!;
        next = first;
        if (c.Ref is not { } reference)
        {
            return false;
        }

        var latest = Is(c, k, Role.Latest);
        if (!latest && !c.W(k).Has(Role.Ordinal))
        {
            return false;
        }

        var unit = IsGluedDash(c, k + 1) ? k + 2 : k + 1;
        if (!c.W(unit).TryNumber(Role.Fraction, out var parts))
        {
            return false;
        }

        // "last" is the ordinal of the last part (the data gives it 4) and a period shift too; "fourth" is only an ordinal.
        var n = latest ? 0 : c.W(k).Value(Role.Ordinal).Number;
        var isLast = !latest && c.W(k).Has(Role.PeriodShift);
        if (isLast)
        {
            n = parts; // "last quarter 1986", "the last half of the year"
        }

        if (n > parts)
        {
            return false;
        }

        var end = unit + 1;
        int year;
        if (Is(c, end, Role.Of) && TryYearOf(c, end + 1, out year, out var yearEnd))
        {
            end = yearEnd;
        }
        else if (IsYearLike(c, end))
        {
            year = (int)c.T[end].Value;
            end++;
        }
        else if (isLast && first == k)
        {
            return false; // "last quarter": the previous quarter, read as a relative period
        }
        else
        {
            var current = CurrentPart(reference, parts);
            if (latest)
            {
                // "the latest quarter": the last one that has ended.
                (n, year) = current == 1 ? (parts, reference.Year - 1) : (current - 1, reference.Year);
            }
            else
            {
                year = n > current ? reference.Year - 1 : reference.Year;
            }
        }

        found = Build(c, first, end, PartValue(c, year, n, parts), TemporalModifier.None);
        next = end;
        return true;
    }

    /// <summary>A year, month or relative period after a fuzzy word: "2020", "March", "March 2020", "the year", "last year".</summary>
    private bool TryPeriodAt(in Ctx c, int k, out Resolved r, out int end)
    {
        r = default;
        end = k;
        if (TryPoint(c, k, out var p, allowBareMonth: true, allowBareYear: true) && p.Grain != DateGrain.Day)
        {
            r = Resolve(c, p, k, p.Next);
            end = p.Next;
            if (p.Year != 0)
            {
                Wrote(c, p.Year, p.Next);
            }

            return true;
        }

        if (MonthAt(c, k) is > 0 and var month)
        {
            r = Resolve(c, new Point { Month = month, Grain = DateGrain.Month, First = k, Next = k + 1 }, k, k + 1);
            end = k + 1;
            return true;
        }

        return TryRelativePeriod(c, k, out r, out end);
    }

    /// <summary>"2019", "the year", "this year", "last year", "next year" after "of".</summary>
    private static bool TryYearOf(in Ctx c, int k, out int year, out int end)
    {
        year = 0;
        end = k;
        if (IsYearLike(c, k))
        {
            year = (int)c.T[k].Value;
            end = k + 1;
            return true;
        }

        if (TryRelativePeriod(c, k, out var r, out end) && r.Value.Length == 4)
        {
            year = r.Year;
            return true;
        }

        return false;
    }

    /// <summary>"the year", "this month", "last week", "next quarter", "the decade" relative to the reference.</summary>
    private static bool TryRelativePeriod(in Ctx c, int k, out Resolved r, out int end)
    {
        r = default;
        end = k;
        if (c.Ref is not { } reference || !c.W(k).TryNumber(Role.PeriodShift, out var shift) || !c.W(k + 1).TryText(Role.Unit, out var unit)
            || Is(c, k + 1, Role.PluralUnit))
        {
            return false;
        }

        end = k + 2;
        switch (unit)
        {
            case "Y":
                r = YearValue(c, reference.Year + shift);
                return true;
            case "M":
                r = MonthValue(c, new YearMonth(reference.Year, reference.Month).PlusMonths(shift));
                return true;
            case "W":
                r = WeekValue(c, reference.PlusWeeks(shift));
                return true;
            case "Q":
                var q = CurrentPart(reference, 4) + shift;
                var qy = reference.Year;
                if (q < 1)
                {
                    (q, qy) = (4, qy - 1);
                }
                else if (q > 4)
                {
                    (q, qy) = (1, qy + 1);
                }

                r = QuarterValue(c, qy, q);
                return true;
            case "DE":
                var decade = (reference.Year / 10 * 10) + (10 * shift);
                r = Resolve(c, new Point { Year = decade, Grain = DateGrain.Decade }, TenseKind.Past);
                return true;
            default:
                end = k;
                return false;
        }
    }

    private static TemporalModifier ModifierOf(string name) => name switch
    {
        "START" => TemporalModifier.Start,
        "MID" => TemporalModifier.Mid,
        "END" => TemporalModifier.End,
        "APPROX" => TemporalModifier.Approx,
        "LESS_THAN" => TemporalModifier.LessThan,
        "MORE_THAN" => TemporalModifier.MoreThan,
        _ => TemporalModifier.None,
    };

    // ---------------------------------------------------------------- year anaphors: the same year, that year

    private bool TryAnaphor(in Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        var anchor = SentenceAnchor(c);
        if (anchor <= 0 || !MatchPhrase(c, i, _lex.YearAnaphors, out var shift, out var end))
        {
            return false;
        }

        var year = anchor + shift;
        var r = YearValue(c, year);
        r.YearInferred = true;
        Wrote(c, year, end);
        found = Build(c, i, end, r, TemporalModifier.None);
        next = end;
        return true;
    }
}
