using System.Globalization;
using NewsParsing.Text;
using NodaTime;

namespace NewsParsing.Temporal;

internal sealed partial class TemporalScanner
{
    // ---------------------------------------------------------------- fuzzy parts: late 2020, the end of the year, Q1

    private bool TryFuzzy(ref Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        var t = c.T[i];
        if (t.Kind != TokenKind.Word)
        {
            return false;
        }

        // "early March", "late 2020", "mid-2021", "late last year"
        var modifier = t.Lower switch
        {
            "early" => TemporalModifier.Start,
            "late" => TemporalModifier.End,
            "mid" => TemporalModifier.Mid,
            _ => TemporalModifier.None,
        };
        if (modifier != TemporalModifier.None)
        {
            var k = i + 1;
            if (IsDash(c, k) && !c.T[k].SpaceBefore)
            {
                k++;
            }

            if (TryPeriodAt(ref c, k, out var r, out var end))
            {
                found = Build(c, i, end, r, modifier);
                next = end;
                return true;
            }

            return false;
        }

        if (t.Lower != "the")
        {
            return false;
        }

        // "the end of 2019", "the beginning of the year", "the middle of March"
        if (i + 2 < c.T.Count && c.T[i + 1].Kind == TokenKind.Word && IsWord(c, i + 2, "of"))
        {
            var part = c.T[i + 1].Lower switch
            {
                "end" or "close" => TemporalModifier.End,
                "beginning" or "start" or "turn" => TemporalModifier.Start,
                "middle" => TemporalModifier.Mid,
                _ => TemporalModifier.None,
            };
            if (part != TemporalModifier.None && TryPeriodAt(ref c, i + 3, out var r, out var end))
            {
                found = Build(c, i, end, r, part);
                next = end;
                return true;
            }
        }

        // "the first quarter of 2022", "the second half of the year", "the first nine months of 2019"
        if (i + 2 < c.T.Count && c.T[i + 1].Kind == TokenKind.Word && _lex.Ordinals.TryGetValue(c.T[i + 1].Lower, out var ordinal))
        {
            var unitIndex = i + 2;
            if (c.T[unitIndex].Kind == TokenKind.Word && c.T[unitIndex].Lower is "quarter" or "half")
            {
                var isHalf = c.T[unitIndex].Lower == "half";
                var n = c.T[i + 1].Lower == "last" ? (isHalf ? 2 : 4) : ordinal;
                if (isHalf && n > 2)
                {
                    return false;
                }

                var end = unitIndex + 1;
                int year;
                if (IsWord(c, end, "of") && TryYearOf(ref c, end + 1, out year, out var yearEnd))
                {
                    end = yearEnd;
                }
                else if (c.Ref is { } reference)
                {
                    // "the third quarter" with no year: this year's, or last year's if it has not begun yet.
                    var current = isHalf ? ((reference.Month - 1) / 6) + 1 : ((reference.Month - 1) / 3) + 1;
                    year = n > current ? reference.Year - 1 : reference.Year;
                }
                else
                {
                    return false;
                }

                found = Build(c, i, end, isHalf ? HalfValue(c, year, n) : QuarterValue(c, year, n), TemporalModifier.None);
                next = end;
                return true;
            }

            if (ordinal == 1 && c.T[i + 1].Lower == "first" && TryNumber(c, i + 2, out var months, out var afterNumber, out var vague) && !vague
                && IsWord(c, afterNumber, "months") && IsWord(c, afterNumber + 1, "of") && months is >= 2 and <= 11
                && TryYearOf(ref c, afterNumber + 2, out var y, out var yEnd))
            {
                var first = new LocalDate(y, 1, 1);
                var lastMonth = new YearMonth(y, (int)months);
                var last = lastMonth.OnDayOfMonth(DateTime.DaysInMonth(y, (int)months));
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
        }

        return false;
    }

    /// <summary>A year, month or relative period after a fuzzy word: "2020", "March", "March 2020", "the year", "last year".</summary>
    private bool TryPeriodAt(ref Ctx c, int k, out Resolved r, out int end)
    {
        r = default;
        end = k;
        if (TryPoint(ref c, k, out var p, allowBareMonth: true, allowBareYear: true) && p.Grain != Grain.Day)
        {
            r = Resolve(c, p, Tense(c, k, p.Next));
            end = p.Next;
            return true;
        }

        if (MonthAt(c, k) is > 0 and var month)
        {
            r = Resolve(c, new Point { Month = month, Grain = Grain.Month, First = k, Next = k + 1 }, Tense(c, k, k + 1));
            end = k + 1;
            return true;
        }

        return TryRelativePeriod(c, k, out r, out end);
    }

    /// <summary>"2019", "the year", "this year", "last year", "next year" after "of".</summary>
    private static bool TryYearOf(ref Ctx c, int k, out int year, out int end)
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
        if (c.Ref is not { } reference || k + 1 >= c.T.Count || c.T[k].Kind != TokenKind.Word || c.T[k + 1].Kind != TokenKind.Word)
        {
            return false;
        }

        var shift = c.T[k].Lower switch
        {
            "the" or "this" or "current" => 0,
            "last" or "past" or "previous" => -1,
            "next" or "coming" => 1,
            _ => int.MinValue,
        };
        if (shift == int.MinValue)
        {
            return false;
        }

        var unit = c.T[k + 1].Lower;
        end = k + 2;
        switch (unit)
        {
            case "year":
                r = YearValue(c, reference.Year + shift);
                return true;
            case "month":
                r = MonthValue(c, new YearMonth(reference.Year, reference.Month).PlusMonths(shift));
                return true;
            case "week":
                r = WeekValue(c, reference.PlusWeeks(shift));
                return true;
            case "quarter":
                var q = ((reference.Month - 1) / 3) + 1 + shift;
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
            case "decade":
                var decade = (reference.Year / 10 * 10) + (10 * shift);
                r = Resolve(c, new Point { Year = decade, Grain = Grain.Decade }, TenseKind.Past);
                return true;
            default:
                end = k;
                return false;
        }
    }

    // ---------------------------------------------------------------- relative: today, on Wednesday, last week, two days ago

    private bool TryRelative(ref Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        var t = c.T[i];
        if ((t.Kind != TokenKind.Word && t.Kind != TokenKind.Number) || c.Ref is not { } reference)
        {
            return false;
        }

        switch (t.Lower)
        {
            case "today":
                found = Build(c, i, i + 1, DayValue(c, reference), TemporalModifier.None);
                next = i + 1;
                return true;
            case "yesterday":
                found = Build(c, i, i + 1, DayValue(c, reference.PlusDays(-1)), TemporalModifier.None);
                next = i + 1;
                return true;
            case "tomorrow":
                found = Build(c, i, i + 1, DayValue(c, reference.PlusDays(1)), TemporalModifier.None);
                next = i + 1;
                return true;
            case "tonight":
                found = BuildTime(c, i, i + 1, reference, "TNI");
                next = i + 1;
                return true;
        }

        // "this morning", "this afternoon", "this evening"
        if (t.Lower == "this" && i + 1 < c.T.Count && c.T[i + 1].Kind == TokenKind.Word)
        {
            var part = c.T[i + 1].Lower switch
            {
                "morning" => "TMO",
                "afternoon" => "TAF",
                "evening" => "TEV",
                _ => null,
            };
            if (part is not null)
            {
                found = BuildTime(c, i, i + 2, reference, part);
                next = i + 2;
                return true;
            }
        }

        // "third-quarter", "first-half": a quarter or half of the reference year (or the last one that has begun)
        if (_lex.Ordinals.TryGetValue(t.Lower, out var ord) && IsDash(c, i + 1) && !c.T[i + 1].SpaceBefore && i + 2 < c.T.Count
            && c.T[i + 2].Kind == TokenKind.Word && !c.T[i + 2].SpaceBefore && c.T[i + 2].Lower is "quarter" or "half")
        {
            var isHalf = c.T[i + 2].Lower == "half";
            var part = t.Lower == "last" ? (isHalf ? 2 : 4) : ord;
            var current = isHalf ? ((reference.Month - 1) / 6) + 1 : ((reference.Month - 1) / 3) + 1;
            var year = part > current ? reference.Year - 1 : reference.Year;
            found = Build(c, i, i + 3, isHalf ? HalfValue(c, year, Math.Min(part, 2)) : QuarterValue(c, year, part), TemporalModifier.None);
            next = i + 3;
            return true;
        }

        // "year-earlier", "year-ago": the year before the reference
        if (t.Lower == "year" && IsDash(c, i + 1) && !c.T[i + 1].SpaceBefore && i + 2 < c.T.Count && c.T[i + 2].Lower is "earlier" or "ago")
        {
            found = Build(c, i, i + 3, YearValue(c, reference.Year - 1), TemporalModifier.None);
            next = i + 3;
            return true;
        }

        // "last fall", "this summer", "next spring"
        if (t.Lower is "last" or "this" or "next" or "early" or "late" && i + 1 < c.T.Count && _lex.Seasons.TryGetValue(c.T[i + 1].Lower, out var season))
        {
            var year = reference.Year + (t.Lower == "next" ? 1 : t.Lower == "last" ? -1 : 0);
            found = Build(c, i, i + 2, new Resolved { Year = year, YearKnown = true, Value = Timex(c.Names, $"{year:D4}-{season}") }, TemporalModifier.None);
            next = i + 2;
            return true;
        }

        // "the weekend", "this weekend", "last weekend"
        if (t.Lower is "the" or "this" or "last" or "next" && IsWord(c, i + 1, "weekend"))
        {
            var shift = t.Lower switch { "last" => -1, "next" => 1, _ => 0 };
            var week = WeekValue(c, reference.PlusWeeks(shift));
            week.Value += "-WE";
            found = Build(c, i, i + 2, week, TemporalModifier.None);
            next = i + 2;
            return true;
        }

        // "recent years", "recent months": a vague duration
        if (t.Lower == "recent" && i + 1 < c.T.Count && c.T[i + 1].Lower is "years" or "months" or "weeks" or "days" or "decades")
        {
            found = Duration(c, i, i + 2, "PX" + _lex.Units[c.T[i + 1].Lower], null, TemporalModifier.None);
            next = i + 2;
            return true;
        }

        // "the past", "the future": document-relative references
        if (t.Lower == "the" && i + 1 < c.T.Count && c.T[i + 1].Lower is "past" or "future"
            && (i + 2 >= c.T.Count || c.T[i + 2].Kind == TokenKind.Punct || c.T[i + 2].Lower is "and" or "or" or "as" or "but"))
        {
            found = new TemporalExpression(c.Text, Model.SourceSpan.FromBounds(t.Start, c.T[i + 1].End))
            {
                Type = TemporalType.Date,
                Value = c.T[i + 1].Lower == "past" ? "PAST_REF" : "FUTURE_REF",
            };
            next = i + 2;
            return true;
        }

        // "earlier this month", "later this year"
        if ((t.Lower is "earlier" or "later") && TryRelativePeriod(c, i + 1, out var within, out var withinEnd) && IsWord(c, i + 1, "this"))
        {
            found = Build(c, i, withinEnd, within, TemporalModifier.None);
            next = withinEnd;
            return true;
        }

        // "last week", "next month", "this year", "the year", "the quarter"
        if (TryRelativePeriod(c, i, out var period, out var periodEnd)
            && (t.Lower != "the" || (c.T[i + 1].Lower is "year" or "quarter" or "month" && !IsWord(c, periodEnd, "of") && !IsYearLike(c, periodEnd))))
        {
            found = Build(c, i, periodEnd, period, TemporalModifier.None);
            next = periodEnd;
            return true;
        }

        // "on Wednesday", "last Friday", "next Monday", "Saturday"
        var k = i;
        var direction = 0;
        if (t.Lower is "last" or "next" or "this" or "on" && i + 1 < c.T.Count)
        {
            direction = t.Lower switch { "last" => -1, "next" => 1, _ => 0 };
            k = i + 1;
        }

        if (k < c.T.Count && c.T[k].Kind == TokenKind.Word && c.T[k].Capitalized && _lex.Weekdays.TryGetValue(c.T[k].Lower, out var weekday)
            && !(TryPoint(ref c, k, out var dated, allowBareMonth: false, allowBareYear: false) && dated.Grain == Grain.Day))
        {
            var isoDay = (IsoDayOfWeek)weekday;
            LocalDate day;
            if (direction < 0)
            {
                day = reference.Previous(isoDay);
            }
            else if (direction > 0)
            {
                day = reference.Next(isoDay);
            }
            else
            {
                var before = reference.DayOfWeek == isoDay ? reference : reference.Previous(isoDay);
                var after = reference.DayOfWeek == isoDay ? reference : reference.Next(isoDay);
                day = Tense(c, i, k + 1) switch
                {
                    TenseKind.Future => after,
                    TenseKind.Past => before,
                    _ => Period.DaysBetween(reference, after) < Period.DaysBetween(before, reference) ? after : before,
                };
            }

            var first = t.Lower == "on" ? k : i; // "on" is not part of the expression
            found = Build(c, first, k + 1, DayValue(c, day), TemporalModifier.None);
            next = k + 1;
            return true;
        }

        // "two days ago", "a year earlier", "three weeks later"
        if (TryNumber(c, i, out var n, out var afterNumber, out var vague) && !vague && afterNumber < c.T.Count
            && c.T[afterNumber].Kind == TokenKind.Word && _lex.Units.TryGetValue(c.T[afterNumber].Lower, out var code)
            && afterNumber + 1 < c.T.Count && c.T[afterNumber + 1].Kind == TokenKind.Word
            && c.T[afterNumber + 1].Lower is "ago" or "earlier" or "later" or "before" or "after" or "previously" or "since")
        {
            if (c.T[afterNumber + 1].Lower is "before" or "after" or "since" && afterNumber + 2 < c.T.Count && c.T[afterNumber + 2].Kind != TokenKind.Punct)
            {
                return false; // "two days before the vote": relative to an event, not to the article
            }

            var sign = c.T[afterNumber + 1].Lower is "later" or "after" ? 1 : -1;
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
                    r = YearValue(c, reference.Year + amount);
                    break;
                case "DE":
                    var decade = ((reference.Year + (10 * amount)) / 10) * 10;
                    r = Resolve(c, new Point { Year = decade, Grain = Grain.Decade }, TenseKind.Past);
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

    // ---------------------------------------------------------------- durations: 44-day, three days, the past two decades

    private bool TryDuration(ref Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        var k = i;
        var modifier = TemporalModifier.None;
        var t = c.T[i];
        if (t.Kind != TokenKind.Word && t.Kind != TokenKind.Number)
        {
            return false;
        }

        if (t.Kind == TokenKind.Word)
        {
            switch (t.Lower)
            {
                case "about" or "around" or "roughly" or "approximately" or "nearly" or "almost" or "some":
                    modifier = TemporalModifier.Approx;
                    k++;
                    break;
                case "over":
                    modifier = TemporalModifier.MoreThan;
                    k++;
                    break;
                case "more" or "less" or "fewer" when IsWord(c, i + 1, "than"):
                    modifier = t.Lower == "more" ? TemporalModifier.MoreThan : TemporalModifier.LessThan;
                    k += 2;
                    break;
                case "the" when i + 1 < c.T.Count && c.T[i + 1].Kind == TokenKind.Word && c.T[i + 1].Lower is "past" or "last" or "next" or "first" or "previous" or "coming" or "following":
                    k += 2;
                    break;
            }

            if (k > i && k < c.T.Count && c.T[k].Kind == TokenKind.Word && c.T[k].Lower is "past" or "last" or "next" or "first" && i + 1 == k && t.Lower != "the")
            {
                k++;
            }
        }

        if (!TryNumber(c, k, out var n, out var unitIndex, out var vague))
        {
            // "for years", "for decades": a vague duration
            if (t.Lower is "for" or "over" or "within" or "in" or "after" && k == i + (t.Lower == "over" ? 1 : 0) && i + 1 < c.T.Count && c.T[i + 1].Kind == TokenKind.Word
                && c.T[i + 1].Lower is "years" or "decades" or "months" or "weeks" or "days" or "centuries" or "hours"
                && !(i + 2 < c.T.Count && c.T[i + 2].Kind == TokenKind.Word && c.T[i + 2].Lower is "ago" or "of" or "later" or "earlier"))
            {
                var code = _lex.Units[c.T[i + 1].Lower];
                found = Duration(c, i + 1, i + 2, "PX" + code, null, TemporalModifier.None);
                next = i + 2;
                return true;
            }

            return false;
        }

        // "44-day", "three-year": a number glued to a singular unit by a hyphen
        var hyphenated = IsDash(c, unitIndex) && !c.T[unitIndex].SpaceBefore && unitIndex + 1 < c.T.Count && !c.T[unitIndex + 1].SpaceBefore;
        if (hyphenated)
        {
            unitIndex++;
        }

        if (unitIndex >= c.T.Count || c.T[unitIndex].Kind != TokenKind.Word || !_lex.Units.TryGetValue(c.T[unitIndex].Lower, out var unit))
        {
            return false;
        }

        var unitWord = c.T[unitIndex].Lower;
        if (unit == "Q" && !hyphenated && (IsWord(c, unitIndex + 1, "of") || (i > 0 && IsWord(c, i - 1, "and"))))
        {
            return false; // "a quarter of voters", "three quarters of the budget", "five and a quarter": fractions
        }

        if (hyphenated && IsDash(c, unitIndex + 1) && (IsWord(c, unitIndex + 2, "old") || IsWord(c, unitIndex + 2, "olds")))
        {
            return false; // "6-year-old", "18- to 49-year-olds": an age, not a duration
        }

        var plural = unitWord.EndsWith('s') || unitWord == "centuries";
        var isArticle = k < c.T.Count && c.T[k].Kind == TokenKind.Word && c.T[k].Lower is "a" or "an";

        // "a second state", "a second-group invalid": the ordinal, not a one-second duration
        if (isArticle && unitWord == "second" && unitIndex + 1 < c.T.Count
            && ((c.T[unitIndex + 1].Kind == TokenKind.Word && c.T[unitIndex + 1].Lower is not ("or" or "and" or "later" or "earlier" or "ago" or "before" or "after" or "longer"))
                || (IsDash(c, unitIndex + 1) && !c.T[unitIndex + 1].SpaceBefore)))
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
        if (isArticle && i > 0 && c.T[i - 1].Kind == TokenKind.Word && c.T[i - 1].Lower is "once" or "twice" or "times")
        {
            found = new TemporalExpression(c.Text, Model.SourceSpan.FromBounds(c.T[i - 1].Start, c.T[unitIndex].End))
            {
                Type = TemporalType.Set,
                Value = Code(unit).Prefix + "1" + Code(unit).Letter,
            };
            next = unitIndex + 1;
            return true;
        }

        // "a year earlier" and "two days ago" are dates (TryRelative ran first); "a day after the vote" is not a duration.
        if (unitIndex + 1 < c.T.Count && c.T[unitIndex + 1].Kind == TokenKind.Word && (c.T[unitIndex + 1].Lower is "ago" or "old" || (c.T[unitIndex + 1].Lower == "of" && IsWord(c, unitIndex + 2, "age"))))
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
            var amount = n.ToString(CultureInfo.InvariantCulture);
            value = prefix + amount + letter;
            period = ToPeriod(unit, n);
        }

        found = Duration(c, i, unitIndex + 1, value, period, modifier);
        next = unitIndex + 1;
        return true;
    }

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

    /// <summary>A count: digits (up to four, or with decimals), number words ("three", "twenty-five"), "a"/"an", or a vague quantifier ("several").</summary>
    private bool TryNumber(in Ctx c, int k, out decimal n, out int next, out bool vague)
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
            if (t.Digits > 4 && t.Digits != 99)
            {
                return false;
            }

            var text = c.Text.AsSpan(t.Start, t.End - t.Start);
            if (text.Contains(','))
            {
                return false;
            }

            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out n))
            {
                return false;
            }

            next = k + 1;
            return true;
        }

        if (t.Kind != TokenKind.Word)
        {
            return false;
        }

        if (_lex.VagueNumbers.Contains(t.Lower))
        {
            vague = true;
            next = k + 1;
            if (t.Lower == "couple" || t.Lower == "few")
            {
                next = IsWord(c, k + 1, "of") ? k + 2 : k + 1;
            }

            return true;
        }

        if (t.Lower is "a" && k + 1 < c.T.Count && c.T[k + 1].Kind == TokenKind.Word && c.T[k + 1].Lower is "few" or "couple")
        {
            vague = true;
            next = IsWord(c, k + 2, "of") ? k + 3 : k + 2;
            return true;
        }

        if (!_lex.Numbers.TryGetValue(t.Lower, out var value))
        {
            return false;
        }

        n = value;
        next = k + 1;
        // "twenty-five", "twenty five"
        if (value is >= 20 and < 100 && value % 10 == 0)
        {
            var j = IsDash(c, next) && !c.T[next].SpaceBefore ? next + 1 : next;
            if (j < c.T.Count && c.T[j].Kind == TokenKind.Word && _lex.Numbers.TryGetValue(c.T[j].Lower, out var ones) && ones is >= 1 and <= 9 && c.T[j].Lower is not ("a" or "an"))
            {
                n += ones;
                next = j + 1;
            }
        }

        return true;
    }

    // ---------------------------------------------------------------- sets and document references

    private bool TrySetOrReference(ref Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        var t = c.T[i];
        if (t.Kind != TokenKind.Word)
        {
            return false;
        }

        if (_lex.Sets.TryGetValue(t.Lower, out var setValue))
        {
            found = new TemporalExpression(c.Text, Model.SourceSpan.FromBounds(t.Start, t.End)) { Type = TemporalType.Set, Value = setValue };
            next = i + 1;
            return true;
        }

        if (t.Lower is "every" or "each")
        {
            var k = IsWord(c, i + 1, "other") ? i + 2 : i + 1;
            if (k < c.T.Count && c.T[k].Kind == TokenKind.Word)
            {
                var step = k == i + 2 ? "2" : "1";
                if (_lex.Units.TryGetValue(c.T[k].Lower, out var unit) && !c.T[k].Lower.EndsWith('s'))
                {
                    var (prefix, letter) = Code(unit);
                    found = new TemporalExpression(c.Text, Model.SourceSpan.FromBounds(t.Start, c.T[k].End)) { Type = TemporalType.Set, Value = prefix + step + letter };
                    next = k + 1;
                    return true;
                }

                if (_lex.Weekdays.TryGetValue(c.T[k].Lower, out var weekday))
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
        }

        if (_lex.References.TryGetValue(t.Lower, out var reference))
        {
            found = new TemporalExpression(c.Text, Model.SourceSpan.FromBounds(t.Start, t.End)) { Type = TemporalType.Date, Value = reference };
            next = i + 1;
            return true;
        }

        return false;
    }

    // ---------------------------------------------------------------- times: 2 p.m., 10:30 am

    private static bool TryTime(ref Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        var t = c.T[i];
        if (t.Kind != TokenKind.Number || t.Digits > 2 || t.Value is < 1 or > 12)
        {
            if (t.Kind == TokenKind.Word && t.Lower == "noon" && c.Ref is { } noonRef)
            {
                found = BuildTime(c, i, i + 1, noonRef, "12:00");
                next = i + 1;
                return true;
            }

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

        bool? pm = null;
        if (k < c.T.Count && c.T[k].Kind == TokenKind.Word)
        {
            var w = c.T[k].Lower;
            if (w is "am" or "pm")
            {
                pm = w == "pm";
                k++;
            }
            else if (w is "a" or "p" && IsPunct(c, k + 1, '.') && IsWord(c, k + 2, "m"))
            {
                pm = w == "p";
                k += IsPunct(c, k + 3, '.') ? 4 : 3;
            }
        }

        if (pm is null)
        {
            return false;
        }

        if (pm.Value && hour < 12)
        {
            hour += 12;
        }
        else if (!pm.Value && hour == 12)
        {
            hour = 0;
        }

        var day = c.Ref;
        found = day is { } d
            ? BuildTime(c, i, k, d, Timex(c.Names, $"{hour:D2}:{minute:D2}"))
            : new TemporalExpression(c.Text, Model.SourceSpan.FromBounds(t.Start, c.T[k - 1].End)) { Type = TemporalType.Time, Value = Timex(c.Names, $"XXXX-XX-XXT{hour:D2}:{minute:D2}") };
        next = k;
        return true;
    }

    private static TemporalExpression BuildTime(in Ctx c, int first, int next, LocalDate day, string time) =>
        new(c.Text, Model.SourceSpan.FromBounds(c.T[first].Start, c.T[next - 1].End))
        {
            Type = TemporalType.Time,
            Value = Timex(c.Names, $"{day.Year:D4}-{day.Month:D2}-{day.Day:D2}T{time}"),
            Date = day,
        };
}
