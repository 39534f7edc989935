using NodaTime;
using NodaTime.Calendars;

namespace NewsParsing.Temporal;

internal sealed partial class TemporalScanner
{
    /// <summary>Days a year-less date may lie after the publication date and still be read in its year under a past
    /// tense: copy is often dated a day or a few before it is filed (the dateline's week, <c>DatelineDateMismatch</c>).
    /// Measured on TimeBank: a week and two weeks score alike, none lower.</summary>
    private const int PastTolerance = 7;

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
    /// Resolves a written date against the reference (the year policy of <c>docs/dates.md</c>). A missing year comes
    /// first from the text — a year written earlier in the same clause (<see cref="ClauseAnchor"/>) — when that agrees
    /// with the governing tense; else from the tense: the latest such day not after the reference for the
    /// past, the next not before it for the future, the nearest without a cue. Year rollover follows: "December 30" in a
    /// January 4 article is the previous year.
    /// </summary>
    private static Resolved Resolve(in Ctx c, Point p, TenseKind tense)
    {
        var r = default(Resolved);
        switch (p.Grain)
        {
            case DateGrain.Day:
                if (p.Year == 0)
                {
                    if (c.Ref is not { } reference)
                    {
                        r.Value = Timex(c.Names, $"XXXX-{p.Month:D2}-{p.Day:D2}");
                        return r;
                    }

                    p.Year = YearOf(new AnnualDate(p.Month, p.Day), reference, DeadlineTense(c, p.First, tense), ClauseAnchor(c, p.First));
                    r.YearInferred = true;
                }

                var date = new LocalDate(p.Year, p.Month, Math.Min(p.Day, DateTime.DaysInMonth(p.Year, p.Month)));
                r.Date = date;
                r.Year = p.Year;
                r.YearKnown = true;
                r.Interval = new DateInterval(date, date);
                r.Value = Timex(c.Names, $"{p.Year:D4}-{p.Month:D2}-{date.Day:D2}");
                return r;

            case DateGrain.Month:
                if (p.Year == 0)
                {
                    if (c.Ref is not { } reference)
                    {
                        r.Value = Timex(c.Names, $"XXXX-{p.Month:D2}");
                        return r;
                    }

                    p.Year = MonthYearOf(p.Month, reference, DeadlineTense(c, p.First, tense), ClauseAnchor(c, p.First));
                    r.YearInferred = true;
                }

                return MonthValue(c, new YearMonth(p.Year, p.Month)) with { YearInferred = r.YearInferred };

            case DateGrain.Year:
                return YearValue(c, p.Year);

            default:
                r.Year = p.Year;
                r.YearKnown = true;
                r.Interval = new DateInterval(new LocalDate(p.Year, 1, 1), new LocalDate(p.Year + 9, 12, 31));
                r.Value = Timex(c.Names, $"{p.Year / 10:D3}X");
                return r;
        }
    }

    /// <summary>Resolves <paramref name="p"/>, working out the governing tense of tokens [first, next) only when the year
    /// is missing: a date with its year needs no clause analysis.</summary>
    private Resolved Resolve(in Ctx c, Point p, int first, int next) =>
        Resolve(c, p, NeedsTense(c, p) ? Tense(c, first, next) : TenseKind.None);

    /// <summary>Whether resolving <paramref name="p"/> depends on the tense.</summary>
    private static bool NeedsTense(in Ctx c, Point p) => p.Year == 0 && c.Ref is not null && p.Grain is DateGrain.Day or DateGrain.Month;

    /// <summary>A deadline ("extended its offer until Nov. 9", "through Sept. 29") can lie after a past-tense verb: the
    /// past does not decide its year, the nearest occurrence does.</summary>
    private static TenseKind DeadlineTense(in Ctx c, int first, TenseKind tense) =>
        tense == TenseKind.Past && Is(c, first - 1, Role.Deadline) ? TenseKind.None : tense;

    /// <summary>The year of a year-less month and day: the text's anchor year when the tense allows it, else by tense.</summary>
    private static int YearOf(AnnualDate md, LocalDate reference, TenseKind tense, int anchor)
    {
        if (anchor != 0 && anchor <= 9999 && (md.Month != 2 || md.Day != 29 || CalendarSystem.Iso.IsLeapYear(anchor)))
        {
            var anchored = md.InYear(anchor);
            if (!(tense == TenseKind.Past && anchored > reference) && !(tense == TenseKind.Future && anchored < reference))
            {
                return anchor;
            }
        }

        var candidate = md.InYear(reference.Year);
        return tense switch
        {
            TenseKind.Past when candidate > reference.PlusDays(PastTolerance) => reference.Year - 1,
            TenseKind.Future when candidate < reference => reference.Year + 1,
            TenseKind.None => YearInference.Nearest(md, reference).Year,
            _ => reference.Year,
        };
    }

    /// <summary>The year of a year-less month: the text's anchor year when the tense allows it; else the past or future
    /// by tense, or without a cue within six months either way.</summary>
    private static int MonthYearOf(int month, LocalDate reference, TenseKind tense, int anchor)
    {
        var monthsAhead = month - reference.Month;
        if (anchor != 0)
        {
            var ahead = ((anchor - reference.Year) * 12) + monthsAhead;
            if (!(tense == TenseKind.Past && ahead > 0) && !(tense == TenseKind.Future && ahead < 0))
            {
                return anchor;
            }
        }

        if ((tense == TenseKind.Past && monthsAhead > 0) || (tense == TenseKind.None && monthsAhead > 6))
        {
            return reference.Year - 1;
        }

        if ((tense == TenseKind.Future && monthsAhead < 0) || (tense == TenseKind.None && monthsAhead < -6))
        {
            return reference.Year + 1;
        }

        return reference.Year;
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

    private static Resolved WeekValue(in Ctx c, LocalDate inWeek, bool weekend = false)
    {
        var rule = WeekYearRules.Iso;
        var weekYear = rule.GetWeekYear(inWeek);
        var week = rule.GetWeekOfWeekYear(inWeek);
        var monday = inWeek.DayOfWeek == IsoDayOfWeek.Monday ? inWeek : inWeek.Previous(IsoDayOfWeek.Monday);
        return new Resolved
        {
            Year = weekYear,
            YearKnown = true,
            Interval = weekend ? new DateInterval(monday.PlusDays(5), monday.PlusDays(6)) : new DateInterval(monday, monday.PlusDays(6)),
            Value = weekend ? Timex(c.Names, $"{weekYear:D4}-W{week:D2}-WE") : Timex(c.Names, $"{weekYear:D4}-W{week:D2}"),
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

    /// <summary>A quarter (<paramref name="parts"/> = 4) or half (2) of a year.</summary>
    private static Resolved PartValue(in Ctx c, int year, int part, int parts) => parts == 2 ? HalfValue(c, year, part) : QuarterValue(c, year, part);

    /// <summary>The part (quarter or half) the reference falls in.</summary>
    private static int CurrentPart(LocalDate reference, int parts) => ((reference.Month - 1) / (12 / parts)) + 1;

    private static TemporalExpression Build(in Ctx c, int first, int next, Resolved r, TemporalModifier modifier, TemporalType type = TemporalType.Date)
    {
        if (r.Value is [_, _, _, _, '-', 'Q', >= '1' and <= '4'])
        {
            c.Scratch.NameQuarter(r.Year, r.Value[6] - '0');
        }

        return new(c.Text, Model.SourceSpan.FromBounds(c.T[first].Start, c.T[next - 1].End))
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
    }

    private static TemporalExpression BuildRange(in Ctx c, int first, int next, Resolved a, Resolved b) =>
        new(c.Text, Model.SourceSpan.FromBounds(c.T[first].Start, c.T[next - 1].End))
        {
            Type = TemporalType.Date,
            Value = a.Value + "/" + b.Value,
            // DateInterval throws when the end comes first ("from 2021 to 2020"): such a range has no interval.
            Range = a.Interval is { } ia && b.Interval is { } ib && ib.End >= ia.Start ? new DateInterval(ia.Start, ib.End) : null,
            Year = a.YearKnown ? a.Year : null,
            YearInferred = a.YearInferred || b.YearInferred,
            IsRange = true,
        };
}
