using NewsParsing.Text;
using NodaTime;
using NodaTime.Calendars;

namespace NewsParsing.Temporal;

internal sealed partial class TemporalScanner
{
    private enum TenseKind : byte
    {
        /// <summary>No tense cue near the expression: the nearest occurrence wins (ties go to the past).</summary>
        None,
        Past,
        Future,
    }

    /// <summary>A resolved date, month, year or decade.</summary>
    private struct Resolved
    {
        public string Value;
        public int Year;
        public bool YearKnown;
        public bool YearInferred;
        public LocalDate? Date;
        public YearMonth? Month;
        public DateInterval? Interval;
    }

    /// <summary>
    /// Resolves a written date against the reference: a missing year follows the news policy — lean to the past
    /// (the latest such day not after the reference) unless the tense around the expression points to the future
    /// (then the next one not before it). Year rollover follows: "December 30" in a January 4 article is the previous year.
    /// </summary>
    private static Resolved Resolve(in Ctx c, Point p, TenseKind tense)
    {
        var r = default(Resolved);
        switch (p.Grain)
        {
            case Grain.Day:
                if (p.Year == 0)
                {
                    if (c.Ref is not { } reference)
                    {
                        r.Value = Timex(c.Names, $"XXXX-{p.Month:D2}-{p.Day:D2}");
                        return r;
                    }

                    var md = new AnnualDate(p.Month, p.Day);
                    var candidate = md.InYear(reference.Year);
                    if (tense == TenseKind.Past && candidate > reference)
                    {
                        candidate = md.InYear(reference.Year - 1);
                    }
                    else if (tense == TenseKind.Future && candidate < reference)
                    {
                        candidate = md.InYear(reference.Year + 1);
                    }
                    else if (tense == TenseKind.None)
                    {
                        candidate = Nearest(md, reference);
                    }

                    p.Year = candidate.Year;
                    r.YearInferred = true;
                }

                var date = new LocalDate(p.Year, p.Month, Math.Min(p.Day, DateTime.DaysInMonth(p.Year, p.Month)));
                r.Date = date;
                r.Year = p.Year;
                r.YearKnown = true;
                r.Interval = new DateInterval(date, date);
                r.Value = Timex(c.Names, $"{p.Year:D4}-{p.Month:D2}-{date.Day:D2}");
                return r;

            case Grain.Month:
                if (p.Year == 0)
                {
                    if (c.Ref is not { } reference)
                    {
                        r.Value = Timex(c.Names, $"XXXX-{p.Month:D2}");
                        return r;
                    }

                    p.Year = reference.Year;
                    var monthsAhead = p.Month - reference.Month;
                    if ((tense == TenseKind.Past && monthsAhead > 0) || (tense == TenseKind.None && monthsAhead > 6))
                    {
                        p.Year--;
                    }
                    else if ((tense == TenseKind.Future && monthsAhead < 0) || (tense == TenseKind.None && monthsAhead < -6))
                    {
                        p.Year++;
                    }

                    r.YearInferred = true;
                }

                var ym = new YearMonth(p.Year, p.Month);
                r.Month = ym;
                r.Year = p.Year;
                r.YearKnown = true;
                r.Interval = new DateInterval(ym.OnDayOfMonth(1), ym.OnDayOfMonth(DateTime.DaysInMonth(p.Year, p.Month)));
                r.Value = Timex(c.Names, $"{p.Year:D4}-{p.Month:D2}");
                return r;

            case Grain.Year:
                return YearValue(c, p.Year);

            default:
                r.Year = p.Year;
                r.YearKnown = true;
                r.Interval = new DateInterval(new LocalDate(p.Year, 1, 1), new LocalDate(p.Year + 9, 12, 31));
                r.Value = Four(c, p.Year)[..3] + "X";
                return r;
        }
    }

    /// <summary>The occurrence of a month and day nearest the reference (ties go to the past).</summary>
    private static LocalDate Nearest(AnnualDate md, LocalDate reference)
    {
        var best = md.InYear(reference.Year);
        foreach (var year in (ReadOnlySpan<int>)[reference.Year - 1, reference.Year + 1])
        {
            var candidate = md.InYear(year);
            var d = Math.Abs(Period.DaysBetween(reference, candidate));
            var bestD = Math.Abs(Period.DaysBetween(reference, best));
            if (d < bestD || (d == bestD && candidate < best))
            {
                best = candidate;
            }
        }

        return best;
    }

    private static Resolved YearValue(in Ctx c, int year) => new()
    {
        Year = year,
        YearKnown = true,
        Interval = new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)),
        Value = Four(c, year),
    };

    private static Resolved DayValue(in Ctx c, LocalDate d) => new()
    {
        Year = d.Year,
        YearKnown = true,
        Date = d,
        Interval = new DateInterval(d, d),
        Value = Timex(c.Names, $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2}"),
    };

    private static Resolved MonthValue(in Ctx c, YearMonth ym) => new()
    {
        Year = ym.Year,
        YearKnown = true,
        Month = ym,
        Interval = new DateInterval(ym.OnDayOfMonth(1), ym.OnDayOfMonth(DateTime.DaysInMonth(ym.Year, ym.Month))),
        Value = Timex(c.Names, $"{ym.Year:D4}-{ym.Month:D2}"),
    };

    private static Resolved WeekValue(in Ctx c, LocalDate inWeek)
    {
        var rule = WeekYearRules.Iso;
        var weekYear = rule.GetWeekYear(inWeek);
        var week = rule.GetWeekOfWeekYear(inWeek);
        var monday = inWeek.DayOfWeek == IsoDayOfWeek.Monday ? inWeek : inWeek.Previous(IsoDayOfWeek.Monday);
        return new Resolved
        {
            Year = weekYear,
            YearKnown = true,
            Interval = new DateInterval(monday, monday.PlusDays(6)),
            Value = Timex(c.Names, $"{weekYear:D4}-W{week:D2}"),
        };
    }

    private static Resolved QuarterValue(in Ctx c, int year, int quarter) => new()
    {
        Year = year,
        YearKnown = true,
        Interval = new DateInterval(new LocalDate(year, ((quarter - 1) * 3) + 1, 1), new YearMonth(year, quarter * 3).OnDayOfMonth(DateTime.DaysInMonth(year, quarter * 3))),
        Value = Timex(c.Names, $"{year:D4}-Q{quarter}"),
    };

    private static Resolved HalfValue(in Ctx c, int year, int half) => new()
    {
        Year = year,
        YearKnown = true,
        Interval = half == 1 ? new DateInterval(new LocalDate(year, 1, 1), new LocalDate(year, 6, 30)) : new DateInterval(new LocalDate(year, 7, 1), new LocalDate(year, 12, 31)),
        Value = Timex(c.Names, $"{year:D4}-H{half}"),
    };

    /// <summary>
    /// The tense around tokens [first, next): the nearest future cue ("will", "is scheduled", "next") or past cue
    /// ("said", "was", a verb in -ed) within the sentence, as HeidelTime does; the past when there is none.
    /// </summary>
    private TenseKind Tense(in Ctx c, int first, int next)
    {
        var bestDistance = int.MaxValue;
        var best = TenseKind.None;
        for (var k = first - 1; k >= 0 && first - k <= TenseWindow; k--)
        {
            var t = c.T[k];
            if (t.Kind == TokenKind.Punct && t.Value is '.' or '!' or '?' or ';')
            {
                break;
            }

            if (Cue(t) is { } cue)
            {
                bestDistance = first - k;
                best = cue;
                break;
            }
        }

        for (var k = next; k < c.T.Count && k - next + 1 < Math.Min(bestDistance, TenseWindow); k++)
        {
            var t = c.T[k];
            if (t.Kind == TokenKind.Punct && t.Value is '.' or '!' or '?' or ';')
            {
                break;
            }

            if (Cue(t) is { } cue)
            {
                best = cue;
                break;
            }
        }

        return best;
    }

    private TenseKind? Cue(in Token t)
    {
        if (t.Kind != TokenKind.Word || t.Lower.Length == 0)
        {
            return null;
        }

        if (_lex.FutureCues.Contains(t.Lower))
        {
            return TenseKind.Future;
        }

        if (_lex.PastCues.Contains(t.Lower) || (t.Lower.Length > 4 && t.Lower.EndsWith("ed", StringComparison.Ordinal) && !t.Capitalized))
        {
            return TenseKind.Past;
        }

        return null;
    }

    private static TemporalExpression Build(in Ctx c, int first, int next, Resolved r, TemporalModifier modifier, TemporalType type = TemporalType.Date) =>
        new(c.Text, Model.SourceSpan.FromBounds(c.T[first].Start, c.T[next - 1].End))
        {
            Type = type,
            Value = r.Value,
            Modifier = modifier,
            Date = r.Date,
            YearMonth = r.Month,
            Year = r.YearKnown ? r.Year : null,
            Range = r.Interval,
            YearInferred = r.YearInferred,
        };

    private static TemporalExpression BuildRange(in Ctx c, int first, int next, Resolved a, Resolved b) =>
        new(c.Text, Model.SourceSpan.FromBounds(c.T[first].Start, c.T[next - 1].End))
        {
            Type = TemporalType.Date,
            Value = a.Value + "/" + b.Value,
            Range = a.Interval is { } ia && b.Interval is { } ib ? new DateInterval(ia.Start, ib.End) : null,
            Year = a.YearKnown ? a.Year : null,
            YearInferred = a.YearInferred || b.YearInferred,
            IsRange = true,
        };
}
