using System.Globalization;
using NewsParsing.Text;
using NodaTime;

namespace NewsParsing.Temporal;

internal sealed partial class TemporalScanner
{
    // ---------------------------------------------------------------- times: 2 p.m., noon Thursday, this morning, Friday night

    private bool TryTime(in Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        var w = c.W(i);

        // "2 p.m.", "10:30 am", "noon", "midnight", then an optional zone and day: "5 p.m. EST Nov. 9", "noon Thursday"
        if (TryClock(c, i, out var time, out var k))
        {
            if (Is(c, k, Role.TimeZone))
            {
                k++;
            }

            var zoneEnd = k;
            k = IsPunct(c, k, ',') ? k + 1 : k;
            if (TryDayAt(c, k, out var day, out var dayEnd))
            {
                found = BuildTime(c, i, dayEnd, day, time);
                next = dayEnd;
                return true;
            }

            found = c.Ref is { } reference
                ? BuildTime(c, i, zoneEnd, reference, time)
                : new TemporalExpression(c.Text, Model.SourceSpan.FromBounds(c.T[i].Start, c.T[zoneEnd - 1].End)) { Type = TemporalType.Time, Value = Timex(c.Names, $"XXXX-XX-XXT{time}") };
            next = zoneEnd;
            return true;
        }

        if (c.Ref is not { } today)
        {
            return false;
        }

        // "tonight"
        if (w.TryText(Role.DayPartWord, out var part))
        {
            found = BuildTime(c, i, i + 1, today, part);
            next = i + 1;
            return true;
        }

        // "this morning", "last night", "yesterday afternoon", "Friday night"
        if (!c.W(i + 1).TryText(Role.DayPart, out part))
        {
            return false;
        }

        LocalDate date;
        if (w.TryNumber(Role.DayPartLead, out var shift))
        {
            date = today.PlusDays(shift);
        }
        else if (w.TryNumber(Role.Days, out shift))
        {
            date = today.PlusDays(shift);
        }
        else if (c.T[i].Capitalized && w.TryNumber(Role.Weekday, out var weekday))
        {
            date = WeekdayDate(c, i, i + 1, today, (IsoDayOfWeek)weekday, 0);
        }
        else
        {
            return false;
        }

        found = BuildTime(c, i, i + 2, date, part);
        next = i + 2;
        return true;
    }

    /// <summary>A clock time at <paramref name="i"/> as TIMEX "HH:MM": "2 p.m.", "10:30 am", "noon", "midnight".</summary>
    private static bool TryClock(in Ctx c, int i, out string time, out int next)
    {
        time = "";
        next = i;
        var t = c.T[i];
        if (c.W(i).TryNumber(Role.ClockWord, out var clockHour))
        {
            time = Timex(c.Names, $"{clockHour:D2}:00");
            next = i + 1;
            return true;
        }

        if (t.Kind != TokenKind.Number || t.Digits > 2 || t.Value is < 1 or > 12)
        {
            return false;
        }

        var hour = (int)t.Value;
        var minute = 0;
        var k = i + 1;
        if (IsPunct(c, k, ':') && k + 1 < c.T.Count && c.T[k + 1].Kind == TokenKind.Number && c.T[k + 1].Digits == 2 && c.T[k + 1].Value < 60)
        {
            minute = (int)c.T[k + 1].Value;
            k += 2;
        }

        // "pm", "p.m.", "p.m"
        int? addHours = null;
        if (c.W(k).TryNumber(Role.Meridiem, out var add))
        {
            if (c.T[k].End - c.T[k].Start == 2)
            {
                addHours = add;
                k++;
            }
            else if (IsPunct(c, k + 1, '.') && Is(c, k + 2, Role.MeridiemLetter))
            {
                addHours = add;
                k += IsPunct(c, k + 3, '.') ? 4 : 3;
            }
        }

        if (addHours is not { } extra)
        {
            return false;
        }

        hour = hour == 12 ? extra : hour + extra; // 12 a.m. is midnight, 12 p.m. noon
        time = Timex(c.Names, $"{hour:D2}:{minute:D2}");
        next = k;
        return true;
    }

    /// <summary>A day after a time: a weekday, "today"/"yesterday"/"tomorrow", or a written day ("Nov. 9").</summary>
    private bool TryDayAt(in Ctx c, int k, out LocalDate day, out int end)
    {
        day = default;
        end = k;
        if (c.Ref is not { } reference)
        {
            return false;
        }

        var w = c.W(k);
        if (w.TryNumber(Role.Days, out var shift))
        {
            (day, end) = (reference.PlusDays(shift), k + 1);
            return true;
        }

        if (TryPoint(c, k, out var p, false, false) && p.Grain == DateGrain.Day)
        {
            var r = Resolve(c, p, p.First, p.Next);
            (day, end) = (r.Date!.Value, p.Next);
            return true;
        }

        if (c.T[k].Kind == TokenKind.Word && c.T[k].Capitalized && w.TryNumber(Role.Weekday, out var weekday))
        {
            (day, end) = (WeekdayDate(c, k, k + 1, reference, (IsoDayOfWeek)weekday, 0), k + 1);
            return true;
        }

        return false;
    }

    private static TemporalExpression BuildTime(in Ctx c, int first, int next, LocalDate day, string time) =>
        new(c.Text, Model.SourceSpan.FromBounds(c.T[first].Start, c.T[next - 1].End))
        {
            Type = TemporalType.Time,
            Value = Timex(c.Names, $"{day.Year:D4}-{day.Month:D2}-{day.Day:D2}T{time}"),
            Date = day,
        };

    // ---------------------------------------------------------------- relative: today, on Wednesday, last week, two days ago

    private bool TryRelative(in Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        var t = c.T[i];
        if (c.Ref is not { } reference)
        {
            return false;
        }

        var w = c.W(i);

        // "today", "yesterday", "tomorrow"
        if (w.TryNumber(Role.Days, out var days))
        {
            found = Build(c, i, i + 1, DayValue(c, reference.PlusDays(days)), TemporalModifier.None);
            next = i + 1;
            return true;
        }

        // "year-earlier", "year-ago": the year before the reference; "the year-ago quarter", "the year-earlier third
        // quarter": that quarter of the year before (without an ordinal, the quarter reported on)
        var yearWord = w.Has(Role.Definite) && Is(c, i + 1, Role.YearWord) ? i + 1 : i;
        if (Is(c, yearWord, Role.YearWord) && IsGluedDash(c, yearWord + 1) && c.W(yearWord + 2).TryNumber(Role.YearAgo, out var yearShift))
        {
            var after = yearWord + 3;
            if (TryPartOfYear(c, after, reference.Year + yearShift, out var yearAgoPart, out var yearAgoEnd, reportedShift: yearShift))
            {
                found = Build(c, i, yearAgoEnd, yearAgoPart, TemporalModifier.None);
                next = yearAgoEnd;
                return true;
            }

            var yearAgo = c.Scratch.Quarter is { Year: > 0 } q ? QuarterValue(c, q.Year + yearShift, q.Number) : YearValue(c, reference.Year + yearShift);
            found = Build(c, yearWord, after, yearAgo, TemporalModifier.None);
            next = after;
            return true;
        }

        // "last fall", "this summer", "next spring"
        if (w.TryNumber(Role.SeasonLead, out var seasonShift) && c.W(i + 1).TryText(Role.Season, out var season))
        {
            var year = reference.Year + seasonShift;
            found = Build(c, i, i + 2, new Resolved { Year = year, YearKnown = true, Value = Timex(c.Names, $"{year:D4}-{season}") }, TemporalModifier.None);
            next = i + 2;
            return true;
        }

        // "the weekend", "this weekend", "last weekend": "the weekend" is the last one in past copy, the coming one in future
        if (w.TryNumber(Role.WeekendLead, out var weekendShift) && c.W(i + 1).Value(Role.Unit).Text == "WE" && !Is(c, i + 1, Role.PluralUnit))
        {
            var inWeek = reference.PlusWeeks(weekendShift);
            if (w.Has(Role.Definite) && reference.DayOfWeek < IsoDayOfWeek.Saturday && Tense(c, i, i + 2) != TenseKind.Future)
            {
                inWeek = reference.PlusWeeks(-1);
            }

            found = Build(c, i, i + 2, WeekValue(c, inWeek, weekend: true), TemporalModifier.None);
            next = i + 2;
            return true;
        }

        // "recent years", "recent months": a vague duration
        if (w.Has(Role.Recent) && c.W(i + 1).TryText(Role.PluralUnit, out var recentUnit))
        {
            found = Duration(c, i, i + 2, Vague(recentUnit), null, TemporalModifier.None);
            next = i + 2;
            return true;
        }

        // "the past", "the future": document-relative references
        if (w.Has(Role.Definite) && c.W(i + 1).TryText(Role.DocumentReference, out var documentReference)
            && (i + 2 >= c.T.Count || c.T[i + 2].Kind == TokenKind.Punct || Is(c, i + 2, Role.ReferenceFollower)))
        {
            found = new TemporalExpression(c.Text, Model.SourceSpan.FromBounds(t.Start, c.T[i + 1].End)) { Type = TemporalType.Date, Value = documentReference };
            next = i + 2;
            return true;
        }

        // "earlier this month", "later this year"
        if (w.Has(Role.WithinPeriod) && Is(c, i + 1, Role.ThisPeriod) && TryRelativePeriod(c, i + 1, out var within, out var withinEnd))
        {
            found = Build(c, i, withinEnd, within, TemporalModifier.None);
            next = withinEnd;
            return true;
        }

        // "last week", "next month", "this year", "the year", "the quarter"; in past copy "the quarter" is the one reported
        if (TryRelativePeriod(c, i, out var period, out var periodEnd))
        {
            var unit = c.W(i + 1).Value(Role.Unit).Text;
            if (unit == "Y" && TryPartOfYear(c, periodEnd, period.Year, out var part, out var partEnd))
            {
                // "this year's third quarter", "next year's first quarter"
                found = Build(c, i, partEnd, part, TemporalModifier.None);
                next = partEnd;
                return true;
            }

            if (!w.Has(Role.Definite) || (unit is "Y" or "Q" or "M" or "W" && !Is(c, periodEnd, Role.Of) && !IsYearLike(c, periodEnd) && !IsGluedDash(c, periodEnd)))
            {
                if (w.Has(Role.Definite) && unit == "Q" && Tense(c, i, periodEnd) == TenseKind.Past)
                {
                    // "earned … in the quarter": the quarter reported on, the last one that has ended
                    period = ReportedQuarter(c, reference, 0);
                }

                found = Build(c, i, periodEnd, period, TemporalModifier.None);
                next = periodEnd;
                return true;
            }
        }

        // "this September", "next March", "last February": the month of this year, the next one after this month, the
        // last one before it
        if (w.TryNumber(Role.PeriodShift, out var monthShift) && !w.Has(Role.Definite) && MonthAt(c, i + 1) is > 0 and var month
            && !(TryPoint(c, i + 1, out var monthDate, false, false) && monthDate.Grain == DateGrain.Day))
        {
            var year = monthShift switch
            {
                > 0 => month > reference.Month ? reference.Year : reference.Year + 1,
                < 0 => month < reference.Month ? reference.Year : reference.Year - 1,
                _ => reference.Year,
            };
            found = Build(c, i, i + 2, MonthValue(c, new YearMonth(year, month)), TemporalModifier.None);
            next = i + 2;
            return true;
        }

        // "on Wednesday", "last Friday", "next Monday", "Saturday"
        var k = i;
        var direction = 0;
        if (w.TryNumber(Role.WeekdayLead, out var lead))
        {
            direction = lead;
            k = i + 1;
        }

        if (k < c.T.Count && c.T[k].Kind == TokenKind.Word && c.T[k].Capitalized && c.W(k).TryNumber(Role.Weekday, out var weekday)
            && !(TryPoint(c, k, out var dated, allowBareMonth: false, allowBareYear: false) && dated.Grain == DateGrain.Day))
        {
            var first = w.Has(Role.OutsideSpan) ? k : i; // "on" is not part of the expression
            found = Build(c, first, k + 1, DayValue(c, WeekdayDate(c, first, k + 1, reference, (IsoDayOfWeek)weekday, direction)), TemporalModifier.None);
            next = k + 1;
            return true;
        }

        // "two days ago", "a year earlier", "three weeks later"
        if (TryNumber(c, i, out var n, out var afterNumber, out var vague) && !vague && c.W(afterNumber).TryText(Role.Unit, out var code)
            && c.W(afterNumber + 1).TryNumber(Role.Offset, out var sign))
        {
            if (Is(c, afterNumber + 1, Role.EventOffset) && afterNumber + 2 < c.T.Count && c.T[afterNumber + 2].Kind != TokenKind.Punct)
            {
                return false; // "two days before the vote": relative to an event, not to the article
            }

            var amount = (int)Math.Min(n, 10_000) * sign;
            Resolved r;
            switch (code)
            {
                case "D":
                    r = DayValue(c, reference.PlusDays(amount));
                    break;
                case "W":
                    r = WeekValue(c, reference.PlusWeeks(amount));
                    break;
                case "M":
                    r = MonthValue(c, new YearMonth(reference.Year, reference.Month).PlusMonths(amount));
                    break;
                case "Y":
                    // "a year later" after "in 1923": from the year the text wrote (an anaphor, like "the following
                    // year"); "a year earlier" only from a year of its own clause (in financial copy it compares with the
                    // period reported); "two years ago" always from the article.
                    var anchor = Is(c, afterNumber + 1, Role.FromNow) ? 0 : sign > 0 ? SentenceAnchor(c) : ClauseAnchor(c, i);
                    if (anchor == 0 && amount == -1 && c.Scratch.Quarter is { Year: > 0 } quarter)
                    {
                        // "net income of $5.3 million a year earlier" after a quarter's results: the year-ago quarter
                        r = QuarterValue(c, quarter.Year - 1, quarter.Number);
                        break;
                    }

                    var from = anchor > 0 ? anchor : reference.Year;
                    r = YearValue(c, from + amount);
                    break;
                case "DE":
                    var decade = (reference.Year + (10 * amount)) / 10 * 10;
                    r = Resolve(c, new Point { Year = decade, Grain = DateGrain.Decade }, TenseKind.Past);
                    break;
                default:
                    return false;
            }

            found = Build(c, i, afterNumber + 2, r, TemporalModifier.None);
            next = afterNumber + 2;
            return true;
        }

        return false;
    }

    /// <summary>
    /// A quarter or half named after a year at token <paramref name="k"/>: "1988 third quarter", "this year's third
    /// quarter" (a possessive first), "year-ago quarter". Without an ordinal a quarter is the one reported on (the
    /// last that has ended by the reference): of <paramref name="year"/>, or that one moved by
    /// <paramref name="reportedShift"/> years when given ("the year-ago quarter").
    /// </summary>
    private static bool TryPartOfYear(in Ctx c, int k, int year, out Resolved r, out int end, int? reportedShift = null)
    {
        r = default;
        end = k;
        if (c.Ref is not { } reference)
        {
            return false;
        }

        if ((IsPunct(c, k, '\'') || IsPunct(c, k, '’')) && !c.T[k].SpaceBefore && Is(c, k + 1, Role.DecadeSuffix) && !c.T[k + 1].SpaceBefore)
        {
            k += 2; // "this year's"
        }

        var ordinal = 0;
        if (c.W(k).TryNumber(Role.Ordinal, out var n) && !c.W(k).Has(Role.PeriodShift))
        {
            ordinal = n;
            k += IsGluedDash(c, k + 1) ? 2 : 1;
        }

        if (!c.W(k).TryNumber(Role.Fraction, out var parts) || Is(c, k, Role.PluralUnit) || ordinal > parts || (ordinal == 0 && parts != 4))
        {
            return false;
        }

        if (ordinal > 0)
        {
            r = PartValue(c, year, ordinal, parts);
        }
        else
        {
            var reported = ReportedQuarter(c, reference, reportedShift ?? 0);
            r = reportedShift is null ? QuarterValue(c, year, CurrentPart(reported.Interval!.Start, 4)) : reported;
        }

        end = k + 1;
        return true;
    }

    /// <summary>The quarter a report is about: the last one that has ended by the reference, moved by
    /// <paramref name="years"/>.</summary>
    private static Resolved ReportedQuarter(in Ctx c, LocalDate reference, int years)
    {
        var current = CurrentPart(reference, 4);
        return current == 1 ? QuarterValue(c, reference.Year - 1 + years, 4) : QuarterValue(c, reference.Year + years, current - 1);
    }

    /// <summary>The day a weekday names: the previous one (<paramref name="direction"/> -1), the next one (+1), or by the
    /// governing tense: the next for the future, else the latest not after the reference (news reports what happened).</summary>
    private LocalDate WeekdayDate(in Ctx c, int first, int next, LocalDate reference, IsoDayOfWeek day, int direction)
    {
        if (direction < 0)
        {
            return reference.Previous(day);
        }

        if (direction > 0)
        {
            return reference.Next(day);
        }

        return Tense(c, first, next) == TenseKind.Future
            ? (reference.DayOfWeek == day ? reference : reference.Next(day))
            : (reference.DayOfWeek == day ? reference : reference.Previous(day));
    }

    // ---------------------------------------------------------------- durations: 44-day, three days, the past two decades

    private static bool TryDuration(in Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        var k = i;
        var modifier = TemporalModifier.None;
        var t = c.T[i];
        var w = c.W(i);
        if (t.Kind == TokenKind.Word)
        {
            if (w.TryText(Role.Approximator, out var approx))
            {
                modifier = ModifierOf(approx);
                k++;
            }
            else if (w.TryText(Role.Comparative, out var comparative) && Is(c, i + 1, Role.Than))
            {
                modifier = ModifierOf(comparative);
                k += 2;
            }
            else if (w.Has(Role.Definite) && Is(c, i + 1, Role.DurationLead))
            {
                k += 2;
            }

            // "over past decades", "about the last": a lead word after a modifier
            if (k == i + 1 && Is(c, k, Role.DurationLead))
            {
                k++;
            }
        }

        if (!TryNumber(c, k, out var n, out var unitIndex, out var vague))
        {
            // "for years", "for decades": a vague duration
            if (w.Has(Role.VagueDurationLead) && k == i + (modifier == TemporalModifier.MoreThan ? 1 : 0) && c.W(i + 1).TryText(Role.PluralUnit, out var vagueUnit)
                && !Is(c, i + 2, Role.NotAfterVagueDuration))
            {
                found = Duration(c, i + 1, i + 2, Vague(vagueUnit), null, TemporalModifier.None);
                next = i + 2;
                return true;
            }

            return false;
        }

        // "44-day", "three-year": a number glued to a singular unit by a hyphen
        var hyphenated = IsGluedDash(c, unitIndex);
        if (hyphenated)
        {
            unitIndex++;
        }

        if (!c.W(unitIndex).TryText(Role.Unit, out var unit))
        {
            return false;
        }

        if (hyphenated && IsDash(c, unitIndex + 1) && Is(c, unitIndex + 2, Role.Age))
        {
            return false; // "6-year-old", "18- to 49-year-olds": an age, not a duration
        }

        // "a quarter of voters", "three quarters of the budget", "five and a quarter", "one hundred and three quarters":
        // fractions, not a quarter-year (the "and" may stand inside the number phrase, before its last word)
        if (!hyphenated && c.W(unitIndex).Has(Role.Fraction)
            && (Is(c, unitIndex + 1, Role.Of) || Is(c, i - 1, Role.FractionLead) || (unitIndex - 2 >= i && Is(c, unitIndex - 2, Role.FractionLead))))
        {
            return false;
        }

        var plural = Is(c, unitIndex, Role.PluralUnit);
        var isArticle = Is(c, k, Role.Article);

        // "a second state", "a second-group invalid": the ordinal, not a one-second duration
        if (isArticle && n == 1 && c.W(unitIndex).Has(Role.Ordinal) && unitIndex + 1 < c.T.Count
            && ((c.T[unitIndex + 1].Kind == TokenKind.Word && !Is(c, unitIndex + 1, Role.ListJoiner) && !Is(c, unitIndex + 1, Role.Offset))
                || IsGluedDash(c, unitIndex + 1)))
        {
            return false;
        }
        if ((isArticle || hyphenated) && plural)
        {
            return false; // "a years" never; "three-quarters" is a fraction, not a duration
        }

        if (!hyphenated && !vague && !isArticle && n != 1 && !plural)
        {
            return false; // "25 year" without a hyphen is not how news writes a duration
        }

        // "barrels a day", "5 dlrs a year": a rate of a quantity, not a duration
        if (isArticle && i > 0 && (c.T[i - 1].Kind == TokenKind.Number || (c.T[i - 1].Kind == TokenKind.Word && c.T[i - 1].Lower.Length > 3 && c.T[i - 1].Lower.EndsWith('s'))))
        {
            return false;
        }

        // "twice a year", "once a week": a set, not a duration
        if (isArticle && Is(c, i - 1, Role.Rate))
        {
            found = new TemporalExpression(c.Text, Model.SourceSpan.FromBounds(c.T[i - 1].Start, c.T[unitIndex].End))
            {
                Type = TemporalType.Set,
                Value = Code(unit).Prefix + "1" + Code(unit).Letter,
            };
            next = unitIndex + 1;
            return true;
        }

        // "a year earlier" and "two days ago" are dates (the relative pattern ran first); "a day after the vote" is not a duration.
        if (Is(c, unitIndex + 1, Role.FromNow) || Is(c, unitIndex + 1, Role.Age) || (Is(c, unitIndex + 1, Role.Of) && Is(c, unitIndex + 2, Role.AgeNoun)))
        {
            return false; // "ten years old", "95 years of age": ages
        }

        var (prefix, letter) = Code(unit);
        string value;
        Period? period = null;
        if (vague)
        {
            value = prefix + "X" + letter;
        }
        else
        {
            value = prefix + n.ToString(CultureInfo.InvariantCulture) + letter;
            period = ToPeriod(unit, n);
        }

        found = Duration(c, i, unitIndex + 1, value, period, modifier);
        next = unitIndex + 1;
        return true;
    }

    /// <summary>A vague duration of <paramref name="unit"/>: PXY, PTXH.</summary>
    private static string Vague(string unit) => Code(unit).Prefix + "X" + Code(unit).Letter;

    /// <summary>The TIMEX3 duration prefix and unit letter of a unit code: hours, minutes and seconds go after a T.</summary>
    private static (string Prefix, string Letter) Code(string unit) => unit switch
    {
        "H" => ("PT", "H"),
        "MIN" => ("PT", "M"),
        "S" => ("PT", "S"),
        _ => ("P", unit),
    };

    private static Period? ToPeriod(string unit, decimal n)
    {
        if (n != decimal.Truncate(n) || n > 100_000)
        {
            return null;
        }

        var v = (int)n;
        return unit switch
        {
            "D" => Period.FromDays(v),
            "W" => Period.FromWeeks(v),
            "M" => Period.FromMonths(v),
            "Q" => Period.FromMonths(3 * v),
            "Y" => Period.FromYears(v),
            "DE" => Period.FromYears(10 * v),
            "CE" => Period.FromYears(100 * v),
            "H" => Period.FromHours(v),
            "MIN" => Period.FromMinutes(v),
            "S" => Period.FromSeconds(v),
            "WE" => Period.FromDays(2 * v),
            _ => null,
        };
    }

    private static TemporalExpression Duration(in Ctx c, int first, int next, string value, Period? period, TemporalModifier modifier) =>
        new(c.Text, Model.SourceSpan.FromBounds(c.T[first].Start, c.T[next - 1].End))
        {
            Type = TemporalType.Duration,
            Value = value,
            Duration = period,
            Modifier = modifier,
        };

    /// <summary>Whether a unit word ("days") or a glued hyphen ("-day") follows a number.</summary>
    private static bool IsUnitWordAt(in Ctx c, int k) => Is(c, k, Role.Unit) || IsGluedDash(c, k);

    /// <summary>A count: digits (up to four, or with decimals), number words ("three", "twenty-five"), "a"/"an", or a vague quantifier ("several").</summary>
    private static bool TryNumber(in Ctx c, int k, out decimal n, out int next, out bool vague)
    {
        n = 0;
        next = k;
        vague = false;
        if (k >= c.T.Count)
        {
            return false;
        }

        var t = c.T[k];
        if (t.Kind == TokenKind.Number)
        {
            if (t.Digits <= 4)
            {
                n = t.Value; // the tokenizer's value: no parse for a whole number
                next = k + 1;
                return true;
            }

            // Decimals ("2.5 years"); a number with thousands separators is not a count of time units.
            var text = c.Text.AsSpan(t.Start, t.End - t.Start);
            if (t.Digits != 99 || !IsUnitWordAt(c, k + 1))
            {
                return false;
            }

            if (text.Contains(',') || !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out n))
            {
                return false;
            }

            next = k + 1;
            return true;
        }

        var w = c.W(k);
        var small = w.Has(Role.Article) && Is(c, k + 1, Role.SmallQuantity) ? k + 1 : k;
        if (c.W(small).TryNumber(Role.SmallQuantity, out var count))
        {
            // "a couple of years" is two (P2Y); "a few", "few" are vague
            (n, vague) = (count, count == 0);
            next = Is(c, small + 1, Role.Of) ? small + 2 : small + 1;
            return true;
        }

        if (w.Has(Role.VagueNumber))
        {
            vague = true;
            next = k + 1;
            return true;
        }

        if (!w.TryNumber(Role.Number, out var value))
        {
            return false;
        }

        n = value;
        next = k + 1;

        // "twenty-five", "twenty five"
        if (value is >= 20 and < 100 && value % 10 == 0)
        {
            var j = IsDash(c, next) && !c.T[next].SpaceBefore ? next + 1 : next;
            if (c.W(j).TryNumber(Role.Number, out var ones) && ones is >= 1 and <= 9 && !Is(c, j, Role.Article))
            {
                n += ones;
                next = j + 1;
            }
        }

        return true;
    }

    // ---------------------------------------------------------------- sets and document references

    private static bool TrySet(in Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        var t = c.T[i];
        var w = c.W(i);
        if (w.TryText(Role.Set, out var setValue))
        {
            found = new TemporalExpression(c.Text, Model.SourceSpan.FromBounds(t.Start, t.End)) { Type = TemporalType.Set, Value = setValue };
            next = i + 1;
            return true;
        }

        // "every year", "each Monday", "every other week"
        if (w.Has(Role.SetOpener))
        {
            var k = Is(c, i + 1, Role.Other) ? i + 2 : i + 1;
            var step = k == i + 2 ? "2" : "1";
            var unitWord = c.W(k);
            if (unitWord.TryText(Role.Unit, out var unit) && !unitWord.Has(Role.PluralUnit))
            {
                var (prefix, letter) = Code(unit);
                found = new TemporalExpression(c.Text, Model.SourceSpan.FromBounds(t.Start, c.T[k].End)) { Type = TemporalType.Set, Value = prefix + step + letter };
                next = k + 1;
                return true;
            }

            if (unitWord.TryNumber(Role.Weekday, out var weekday))
            {
                found = new TemporalExpression(c.Text, Model.SourceSpan.FromBounds(t.Start, c.T[k].End))
                {
                    Type = TemporalType.Set,
                    Value = "XXXX-WXX-" + weekday.ToString(CultureInfo.InvariantCulture),
                };
                next = k + 1;
                return true;
            }
        }

        return false;
    }

    private static bool TryReference(in Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        if (!c.W(i).TryText(Role.Reference, out var reference))
        {
            return false;
        }

        found = new TemporalExpression(c.Text, Model.SourceSpan.FromBounds(c.T[i].Start, c.T[i].End)) { Type = TemporalType.Date, Value = reference };
        next = i + 1;
        return true;
    }
}
