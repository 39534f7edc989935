using NewsParsing.Text;

namespace NewsParsing.Quantities;

/// <summary>Numbers: digits read from the text, number words, fractions, ordinals, vague amounts, scales and signs.</summary>
internal sealed partial class QuantityScanner
{
    /// <summary>The last part a number-word reading took.</summary>
    private enum Part : byte
    {
        None,
        Units,
        Teens,
        Tens,
        Hundred,
        Scale,
        Digits,
    }

    /// <summary>
    /// Reads an amount at <paramref name="j"/>: an optional sign word or sign, money written before the number, the
    /// number with its scales, and the unit, money or age after it.
    /// </summary>
    private bool ReadAmount(ref Ctx c, int j, out Amount a)
    {
        a = default;
        a.Start = j;
        a.ScaleFactor = 1;
        var T = c.T;
        var k = j;
        var negative = false;
        if (!Free(ref c, k))
        {
            return false;
        }

        // "minus five", "negative one"
        if (T[k].Kind == TokenKind.Word && (_lex.RoleOf(T[k].Lower) & WordRole.Sign) != 0 && NumberAhead(ref c, k + 1))
        {
            negative = _lex.SignWords[T[k].Lower] < 0;
            k++;
        }

        // "-20€", "−5", "- 1 4/5" (a spaced sign only at the start of the region)
        if (IsSign(ref c, k))
        {
            negative = !negative;
            k++;
        }

        // "$3.4 billion", "US$ 2", "AZN 100", "usd 200", "$-45.50"
        if (TryMoneyBefore(ref c, k, out var money, out var afterMoney))
        {
            a.Money = money with { Factor = 1 };
            a.ScaleFactor = money.Factor;
            k = afterMoney;
            if (IsSign(ref c, k))
            {
                negative = !negative;
                k++;
            }
        }

        var factor = a.ScaleFactor;
        a.ScaleFactor = 1;
        if (!ReadNumber(ref c, k, ref a))
        {
            return false;
        }

        if (factor != 1)
        {
            a.Value *= factor; // "MAUD 60"
            a.Scaled = true;
        }

        if (a.Shape is Shape.Cardinal or Shape.Vague)
        {
            ReadAfter(ref c, ref a);
        }

        if (negative)
        {
            a.Value = -a.Value;
        }

        return true;
    }

    /// <summary>A minus glued to the number that follows and not to a word or number before ("F-16", "5-10" are not signs).</summary>
    private bool IsSign(ref Ctx c, int k)
    {
        var T = c.T;
        if (k + 1 >= c.Count || T[k].Kind != TokenKind.Punct || !_lex.SignCharacters.Contains((char)T[k].Value))
        {
            return false;
        }

        var n = T[k + 1];
        if (n.Kind != TokenKind.Number && !(n.Kind == TokenKind.Punct && _lex.VulgarFractions.ContainsKey((char)n.Value)))
        {
            return false;
        }

        if (n.SpaceBefore)
        {
            return k == 0; // "- 10 k" at the start of a region
        }

        if (k > 0 && T[k - 1].Kind == TokenKind.Number)
        {
            return false; // "75 -300mm": a range's dash
        }

        return k == 0 || T[k].SpaceBefore || (T[k - 1].Kind == TokenKind.Punct && T[k - 1].Value is not '-' and not '.' and not ',');
    }

    /// <summary>Whether an amount can start at token <paramref name="k"/>.</summary>
    private bool NumberAhead(ref Ctx c, int k)
    {
        if (!Free(ref c, k))
        {
            return false;
        }

        var T = c.T;
        var t = T[k];
        switch (t.Kind)
        {
            case TokenKind.Number:
                return true;
            case TokenKind.Punct:
                var ch = (char)t.Value;
                return _lex.VulgarFractions.ContainsKey(ch)
                    || (k + 1 < c.Count && !T[k + 1].SpaceBefore && T[k + 1].Kind == TokenKind.Number && (_lex.SignCharacters.Contains(ch) || ch == '.'))
                    || (_lex.Currencies.Symbols.TryMatch(c.Text, T, k, c.Count, out _, out var afterSymbol) && afterSymbol < c.Count && (T[afterSymbol].Kind == TokenKind.Number || IsSign(ref c, afterSymbol)));
            case TokenKind.Word:
                var role = _lex.RoleOf(t.Lower);
                if ((role & (WordRole.Number | WordRole.Vague | WordRole.VagueMultiplier | WordRole.Sign | WordRole.Ordinal | WordRole.Hundred)) != 0)
                {
                    return true;
                }

                if ((role & WordRole.Article) != 0)
                {
                    return k + 1 < c.Count && T[k + 1].Kind == TokenKind.Word
                        && (_lex.RoleOf(T[k + 1].Lower) & (WordRole.Hundred | WordRole.Scale | WordRole.Dozen | WordRole.Denominator | WordRole.VagueMultiplier)) != 0;
                }

                if ((role & WordRole.Denominator) != 0)
                {
                    return true; // "more than half", "about a third"
                }

                return (role & WordRole.Currency) != 0 && TryMoneyBefore(ref c, k, out _, out _);
            default:
                return false;
        }
    }

    /// <summary>The number at <paramref name="k"/>: digits (through <see cref="NumberReader"/>), a Roman numeral before a
    /// name, or words; then its scales.</summary>
    private bool ReadNumber(ref Ctx c, int k, ref Amount a)
    {
        if (!Free(ref c, k))
        {
            return false;
        }

        var T = c.T;
        var t = T[k];
        a.NumberStart = k;
        var hasMoney = a.Money is not null;
        var isDigits = t.Kind == TokenKind.Number
            || (t.Kind == TokenKind.Punct && (_lex.VulgarFractions.ContainsKey((char)t.Value)
                || (t.Value == '.' && (k == 0 || t.SpaceBefore) && k + 1 < c.Count && T[k + 1].Kind == TokenKind.Number && !T[k + 1].SpaceBefore)));
        if (isDigits)
        {
            if (t.Kind == TokenKind.Number && IsIdentifierNumber(ref c, k))
            {
                return false;
            }

            // "3 hundred and 21", "4 thousand 3 hundred", "322 hundred": digits inside a number written in words
            if (t.Kind == TokenKind.Number && t.Digits <= 3 && k + 1 < c.Count && T[k + 1].Kind == TokenKind.Word && T[k + 1].SpaceBefore
                && (_lex.Hundred.Contains(T[k + 1].Lower) || (_lex.Scales.TryGetValue(T[k + 1].Lower, out var wordScale) && wordScale >= 1000))
                && !(k + 2 < c.Count && T[k + 2].Kind == TokenKind.Word && (_lex.Currencies.Names.StartsAt(c.Text, T, k + 2) || _lex.Units.Names.StartsAt(c.Text, T, k + 2)) && !_lex.NumberJoiners.Contains(T[k + 2].Lower)))
            {
                return ReadWords(ref c, k, ref a);
            }

            if (!NumberReader.Read(c.Text, t.Start, c.End, _lex, _mark, out var value, out var stop, out var shape, out var outOfRange))
            {
                if (outOfRange)
                {
                    TooLarge(ref c, k, stop);
                }

                return false;
            }

            var after = k;
            while (after < c.Count && T[after].Start < stop)
            {
                after++;
            }

            if (T[after - 1].End > stop)
            {
                return false; // the number ends inside a token: a list ("22,24,26") or a code
            }

            for (var m = k + 1; m < after; m++)
            {
                if (Inside(c.Taken, T[m]))
                {
                    return false; // part of it is a date the temporal stage found
                }
            }

            a.Value = value;
            a.Digits = shape;
            a.Integer = (shape & (DigitShape.Decimal | DigitShape.Fraction | DigitShape.Scientific)) == 0;
            a.YearLike = t.Kind == TokenKind.Number && after == k + 1 && t.Digits == 4 && value is >= 1800 and <= 2100;
            a.NumberEnd = after;
            a.End = after;

            // "25th", "3rd", "2nd-largest"
            if (a.Integer && after < c.Count && T[after].Kind == TokenKind.Word && !T[after].SpaceBefore && _lex.OrdinalSuffixes.Contains(T[after].Lower))
            {
                a.Shape = Shape.Ordinal;
                a.NumberEnd = a.End = after + 1;
                return true;
            }

            // Letters glued to the digits that are no scale, unit or money make a name: "5G", "3D", "7Up".
            if (after < c.Count && T[after].Kind == TokenKind.Word && !T[after].SpaceBefore && !GluedSuffix(ref c, after, hasMoney))
            {
                return false;
            }

            ReadScales(ref c, ref a, hasMoney);
            if (a.Scaled && a.ScaleFactor >= 1000 && a.End < c.Count && T[a.End].Kind == TokenKind.Word && _lex.NumberJoiners.Contains(T[a.End].Lower)
                && ReadFractionPhrase(ref c, a.End + 1, out var part, out var afterPart))
            {
                a.Value += part * a.ScaleFactor; // "3 million and a half"
                a.NumberEnd = a.End = afterPart;
            }

            return true;
        }

        if (t.Kind != TokenKind.Word)
        {
            return false;
        }

        // "III Shusha Global Media Forum": a Roman numeral before a name is an ordinal; after one ("World War II",
        // "Grade II") it is part of the name.
        if (MaybeRoman(c.Text, t))
        {
            if (k + 1 < c.Count && T[k + 1].Kind == TokenKind.Word && T[k + 1].Capitalized && T[k + 1].SpaceBefore
                && (k == 0 || !(T[k - 1].Kind == TokenKind.Word && T[k - 1].Capitalized)) && Roman(c.Text.AsSpan(t.Start, t.End - t.Start)) is > 1 and var roman)
            {
                a.Value = roman;
                a.Shape = Shape.Ordinal;
                a.NumberEnd = a.End = k + 1;
                return true;
            }

            return false;
        }

        return ReadWords(ref c, k, ref a);
    }

    /// <summary>Letters glued after digits that belong to the amount: a scale ("10k", "$1.2bn"), a unit ("25mg", "40C") or money ("115USD").</summary>
    private bool GluedSuffix(ref Ctx c, int k, bool hasMoney) =>
        _lex.ScaleSuffixes.TryMatch(c.Text, c.T, k, out _, out _) || _lex.Scales.ContainsKey(c.T[k].Lower) || (hasMoney && _lex.ScaleSuffixesAfterMoney.TryMatch(c.Text, c.T, k, out _, out _))
        || _lex.Units.Symbols.TryMatch(c.Text, c.T, k, out _, out _) || _lex.Units.Names.TryMatch(c.Text, c.T, k, out _, out _) || _lex.Units.Glued.TryMatch(c.Text, c.T, k, out _, out _)
        || _lex.Currencies.Symbols.TryMatch(c.Text, c.T, k, out _, out _) || _lex.Currencies.Names.TryMatch(c.Text, c.T, k, out _, out _)
        || _lex.Dozens.ContainsKey(c.T[k].Lower) || _lex.AgeAbbreviations.TryMatch(c.Text, c.T, k, out _, out _);

    /// <summary>Scales after digits: words ("2.5 million", "5.93 mln", "322 hundred", "3 dozens"), suffixes as written
    /// ("10k", "$1.8T", "€5m", "1,674,200.5 M"), several in a row ("hundred thousand").</summary>
    private void ReadScales(ref Ctx c, ref Amount a, bool hasMoney)
    {
        var T = c.T;
        while (Free(ref c, a.End) && T[a.End].Kind == TokenKind.Word)
        {
            var k = a.End;
            var t = T[k];
            decimal scale;
            int after;

            // "2.7 billion cubic metres" is 2.7 bcm: a unit that starts with a scale word comes first
            if (_lex.Units.Names.TryMatch(c.Text, T, k, c.Count, out _, out var afterUnit) && afterUnit > k + 1)
            {
                return;
            }

            if (_lex.Scales.TryGetValue(t.Lower, out scale))
            {
                after = k + 1;
            }
            else if (_lex.Hundred.Contains(t.Lower) && !_lex.Vague.ContainsKey(t.Lower))
            {
                scale = 100;
                after = k + 1;
            }
            else if (_lex.Dozens.TryGetValue(t.Lower, out var dozen))
            {
                scale = dozen;
                after = k + 1;
            }
            else if (_lex.ScaleSuffixes.TryMatch(c.Text, T, k, c.Count, out scale, out after)
                && (!t.SpaceBefore || ((k + 1 >= c.Count || T[k + 1].Kind != TokenKind.Word || !T[k + 1].Capitalized) && char.IsUpper(c.Text[t.Start])))
                && (hasMoney || t.End - t.Start > 1 || !_lex.ScaleSuffixesNeedMoney.Contains(c.Text[t.Start])))
            {
                // "10k", "$5M", "1.2b"; spaced only in capitals ("1,674,200.5 M"); G and T only after money
            }
            else if (hasMoney && _lex.ScaleSuffixesAfterMoney.TryMatch(c.Text, T, k, c.Count, out scale, out after) && !t.SpaceBefore)
            {
                // "€5m", "$1.8t"
            }
            else if (!hasMoney && !t.SpaceBefore && c.Text[t.Start] == 'm' && t.End - t.Start == 1 && k + 1 < c.Count && T[k + 1].Kind == TokenKind.Word
                && !T[k + 1].Capitalized && _lex.Plural(T[k + 1].Lower) && !_lex.CountStopWords.Contains(T[k + 1].Lower)
                && !_lex.Units.Names.StartsAt(c.Text, T, k + 1))
            {
                // "5m people": a million glued to the number, before a plural noun (metres are "5m tall")
                scale = 1_000_000;
                after = k + 1;
            }
            else
            {
                return;
            }

            a.Value *= scale;
            a.Scaled = true;
            a.ScaleFactor *= scale;
            a.Integer = a.Value == decimal.Truncate(a.Value);
            a.YearLike = false;
            a.End = after;
        }
    }

    /// <summary>
    /// A number in words: cardinals ("a hundred and five", "twenty-one trillion three hundred", "3 hundred and 21"),
    /// decimals ("two hundred point zero three"), fractions ("one fifth", "three and a half", "half a dozen", "two thirds
    /// of a million"), ordinals ("first", "twenty-fifth", "two hundredth"), vague amounts ("hundreds of millions",
    /// "several thousand") and spoken years ("nineteen ninety-four", which are no amount).
    /// </summary>
    private bool ReadWords(ref Ctx c, int k0, ref Amount a)
    {
        var T = c.T;
        var k = k0;
        var t = T[k];
        var role = t.Kind == TokenKind.Word ? _lex.RoleOf(t.Lower) : WordRole.None;
        a.Words = t.Kind == TokenKind.Word;

        if ((role & WordRole.OrdinalAdverb) != 0)
        {
            return Done(ref a, _lex.OrdinalAdverbs[t.Lower], Shape.Ordinal, k + 1);
        }

        if ((role & (WordRole.Vague | WordRole.VagueMultiplier)) != 0 && ReadVague(ref c, k, ref a))
        {
            return true;
        }

        decimal total = 0, hundreds = 0, rest = 0, lastAdded = 0;
        var lastScale = decimal.MaxValue;
        var last = Part.None;
        var any = false;
        var article = false;
        var oneWord = false; // the number so far is the single word "one" (for "one fifth")
        if ((role & WordRole.Article) != 0)
        {
            article = true;
            k++;
        }

        var good = k; // the token after the last part that leaves a whole number
        var snapshot = (Total: 0m, Hundreds: 0m, Remainder: 0m, Last: Part.None, Good: k);
        var afterAnd = false;
        while (Free(ref c, k))
        {
            t = T[k];
            if (t.Kind == TokenKind.Word)
            {
                var lower = t.Lower;
                if (_lex.NumberWords.TryGetValue(lower, out var v))
                {
                    var part = v < 10 ? Part.Units : v < 20 ? Part.Teens : Part.Tens;
                    if (article || last is Part.Units or Part.Teens or Part.Digits || (last == Part.Tens && part != Part.Units))
                    {
                        break;
                    }

                    if (part == Part.Tens && TokenQueries.IsDash(T, k + 1) && k + 2 < c.Count && T[k + 2].Kind == TokenKind.Word
                        && _lex.Ordinals.TryGetValue(T[k + 2].Lower, out var unitsOrdinal) && unitsOrdinal < 10)
                    {
                        break; // "twenty-first", "one hundred twenty-fifth": the ordinal reads the tens with its units
                    }

                    oneWord = !any && v == 1;
                    rest += v;
                    lastAdded = v;
                    last = part;
                    any = true;
                    k++;
                    good = k;
                    afterAnd = false;

                    // "twenty-one", "fifty - two"
                    if (part == Part.Tens && TokenQueries.IsDash(T, k) && k + 1 < c.Count && T[k + 1].Kind == TokenKind.Word
                        && _lex.NumberWords.TryGetValue(T[k + 1].Lower, out var units) && units is >= 1 and <= 9)
                    {
                        k++;
                    }

                    continue;
                }

                if (_lex.Hundred.Contains(lower) && !_lex.Vague.ContainsKey(lower))
                {
                    if (hundreds != 0 || (rest >= 100 && last != Part.Digits) || (!any && !article && !NextIsScale(ref c, k + 1)))
                    {
                        break;
                    }

                    hundreds = (rest == 0 ? 1 : rest) * 100;
                    rest = 0;
                    lastAdded = 0;
                    last = Part.Hundred;
                    any = true;
                    oneWord = false;
                    article = false;
                    k++;
                    good = k;
                    afterAnd = false;
                    continue;
                }

                if (_lex.Scales.TryGetValue(lower, out var scale) && scale >= 1000 && (any || article))
                {
                    if (scale >= lastScale)
                    {
                        break;
                    }

                    total += (hundreds + rest == 0 ? 1 : hundreds + rest) * scale;
                    hundreds = rest = lastAdded = 0;
                    lastScale = scale;
                    last = Part.Scale;
                    any = true;
                    oneWord = false;
                    article = false;
                    k++;
                    good = k;
                    afterAnd = false;
                    continue;
                }

                if (_lex.Dozens.TryGetValue(lower, out var dozen) && (any || article) && !afterAnd)
                {
                    // "a dozen", "three dozens", "three hundred and two dozens" (324)
                    rest = rest - lastAdded + ((lastAdded == 0 ? 1 : lastAdded) * dozen);
                    lastAdded = 0;
                    last = Part.Teens;
                    any = true;
                    oneWord = false;
                    article = false;
                    k++;
                    good = k;
                    continue;
                }

                if (_lex.NumberJoiners.Contains(lower) && last is Part.Hundred or Part.Scale && k + 1 < c.Count)
                {
                    // "a hundred and five", "two thousand and two hundred"; not "3 hundred and 2 hundred" (two numbers)
                    var n = T[k + 1];
                    var nextValue = n.Kind == TokenKind.Word && _lex.NumberWords.TryGetValue(n.Lower, out var nw) ? nw : n.Kind == TokenKind.Number && n.Digits <= 3 ? n.Value : -1;
                    var fractionNext = k + 2 < c.Count && T[k + 2].Kind == TokenKind.Word && _lex.Denominators.ContainsKey(T[k + 2].Lower);
                    if (nextValue >= 0 && nextValue < (last == Part.Hundred ? 100 : lastScale) && !(fractionNext && (last == Part.Scale || _lex.SplitDenominators.Contains(T[k + 2].Lower))))
                    {
                        snapshot = (total, hundreds, rest, last, good);
                        afterAnd = true;
                        last = last == Part.Hundred ? Part.Hundred : Part.None;
                        k++;
                        continue;
                    }

                    break;
                }

                if (_lex.DecimalPointWords.Contains(lower) && any && k + 1 < c.Count && T[k + 1].Kind == TokenKind.Word && _lex.NumberWords.ContainsKey(T[k + 1].Lower))
                {
                    // "two hundred point zero three", "nine point nought four", "two hundred point seventy-one"
                    var (fraction, afterPoint) = DecimalWords(ref c, k + 1);
                    rest += fraction;
                    k = afterPoint;
                    good = k;
                    last = Part.Digits;
                    break;
                }

                break;
            }

            if (t.Kind == TokenKind.Number && t.Digits <= 3 && !article && (last == Part.None || afterAnd || last == Part.Scale)
                && k + 1 <= c.Count && (afterAnd || (k + 1 < c.Count && T[k + 1].Kind == TokenKind.Word && (_lex.Hundred.Contains(T[k + 1].Lower) || _lex.Scales.ContainsKey(T[k + 1].Lower)))))
            {
                // "3 hundred and 21", "4 thousand 3 hundred"
                if (k + 1 < c.Count && !T[k + 1].SpaceBefore && T[k + 1].Kind is TokenKind.Number or TokenKind.Punct && T[k + 1].Value is not ',' and not '.')
                {
                    break;
                }

                rest += t.Value;
                lastAdded = t.Value;
                last = Part.Digits;
                any = true;
                k++;
                good = k;
                afterAnd = false;
                continue;
            }

            break;
        }

        if (afterAnd || (k < c.Count && T[k].Kind == TokenKind.Word && last == Part.Digits && snapshot.Good < good && (_lex.Hundred.Contains(T[k].Lower) || _lex.Scales.ContainsKey(T[k].Lower))))
        {
            // "3 hundred and 2 hundred": the second number is not part of the first
            if (snapshot.Good > k0 && (afterAnd || snapshot.Last != Part.None))
            {
                (total, hundreds, rest, last, good) = snapshot;
            }
        }

        k = good;
        var value = total + hundreds + rest;
        if (Free(ref c, k + 1) && TokenQueries.IsDash(T, k) && T[k].SpaceBefore == T[k + 1].SpaceBefore && T[k + 1].Kind == TokenKind.Word
            && _lex.Denominators.ContainsKey(T[k + 1].Lower) && (any || article))
        {
            k++; // "three-quarters", "one-sixth", "two-thirds"
        }

        // Fractions: "one fifth", "three quarters", "two thirds", "a half", "a third of", "twenty-three fifths",
        // "three twenty-firsts", "one hundred and thirty fifths"; ordinals after a cardinal: "one hundred twenty-fifth".
        if (Free(ref c, k) && T[k].Kind == TokenKind.Word && ReadDenominator(ref c, k, out var den, out var plural, out var afterDen, out var ordinalUnits))
        {
            var wholeAndPart = !any && article; // "a fifth", "a third", "a half"
            if (plural && any)
            {
                // "one hundred and three quarters" is 100¾: halves and quarters after "and" split off the part after it
                var split = snapshot.Good > k0 && snapshot.Good < good && _lex.SplitDenominators.Contains(T[k].Lower);
                var whole = split ? snapshot.Total + snapshot.Hundreds + snapshot.Remainder : 0;
                return Fraction(ref c, ref a, whole + ((value - whole) / den), afterDen);
            }

            if (!plural && (wholeAndPart || (any && oneWord)))
            {
                // "a fifth", "one fifth", "a third of", "a half"; "a third country" and "a second state" are ranks
                if (IsFractionContext(ref c, afterDen) || _lex.Denominators.ContainsKey(T[k].Lower) && !_lex.Ordinals.ContainsKey(T[k].Lower))
                {
                    return Fraction(ref c, ref a, 1 / den, afterDen);
                }

                a.Start = a.NumberStart = k; // "a second state": the rank is the word, not its article
                return Done(ref a, den, Shape.Ordinal, afterDen);
            }

            if (!plural && any && ordinalUnits && (den >= 100 ? value < den && last != Part.Scale : last == Part.Tens || (TokenQueries.IsDash(T, k + 1) && last != Part.Scale)))
            {
                // "one hundred twenty fifth" (125), "two hundredth" (200), "three trillionth"
                return Done(ref a, den >= 100 && value < den ? value * den : value + den, Shape.Ordinal, afterDen);
            }

            if (!any && !article)
            {
                // "first", "twenty-fifth", "tenth-brightest"; "half" and "quarter" alone are fractions
                if (_lex.Ordinals.ContainsKey(T[k].Lower) || ordinalUnits)
                {
                    return Done(ref a, den, Shape.Ordinal, afterDen);
                }

                if (!plural && ((_lex.StandaloneFractions.Contains(T[k].Lower) && IsFractionContext(ref c, afterDen)) || NextIsScale(ref c, afterDen)))
                {
                    return Fraction(ref c, ref a, 1 / den, afterDen); // "half of the staff", "quarter million"
                }

                return false;
            }
        }

        if (!any)
        {
            return false;
        }

        // Spoken years: "nineteen ninety-four", "twenty twenty" are dates, not amounts.
        if (total == 0 && hundreds == 0 && last is Part.Teens or Part.Tens or Part.Units && value is >= 10 and < 100 && Free(ref c, k)
            && T[k].Kind == TokenKind.Word && _lex.NumberWords.TryGetValue(T[k].Lower, out var nextWord) && nextWord >= 10)
        {
            var end = k + 1;
            if (TokenQueries.IsDash(T, end) && end + 1 < c.Count && _lex.NumberWords.ContainsKey(T[end + 1].Lower))
            {
                end += 2;
            }

            return Done(ref a, value, Shape.SpokenYear, end);
        }

        // "one and a half", "three and a half kilometres", "one million and a half", "five and a half million"
        if (k < c.Count && T[k].Kind == TokenKind.Word && _lex.NumberJoiners.Contains(T[k].Lower) && ReadFractionPhrase(ref c, k + 1, out var part2, out var afterPart))
        {
            var unitScale = last == Part.Scale && hundreds + rest == 0 ? lastScale : 1;
            value = total + hundreds + rest + (part2 * unitScale);
            k = afterPart;
            if (Free(ref c, k) && T[k].Kind == TokenKind.Word && _lex.Scales.TryGetValue(T[k].Lower, out var scaleAfter) && scaleAfter >= 1000 && scaleAfter < lastScale)
            {
                value = total + ((hundreds + rest + part2) * scaleAfter);
                k++;
            }
        }

        a.Value = value;
        a.Integer = value == decimal.Truncate(value);
        a.Article = article;
        a.NumberEnd = a.End = k;
        a.Scaled = lastScale != decimal.MaxValue;
        a.ScaleFactor = a.Scaled ? lastScale : 1;
        return true;
    }

    /// <summary>A fraction with what may multiply it: "half a dozen", "half a million", "a quarter million", "two thirds of a million".</summary>
    private bool Fraction(ref Ctx c, ref Amount a, decimal fraction, int k)
    {
        var T = c.T;
        var j = k;
        if (j < c.Count && T[j].Kind == TokenKind.Word && _lex.VagueJoiners.Contains(T[j].Lower) && j + 1 < c.Count && _lex.Articles.Contains(T[j + 1].Lower))
        {
            j += 2; // "two thirds of a million"
        }
        else if (j < c.Count && T[j].Kind == TokenKind.Word && _lex.Articles.Contains(T[j].Lower))
        {
            j++; // "half a dozen"
        }
        else if (j + 1 < c.Count && TokenQueries.IsDash(T, j) && !T[j].SpaceBefore && !T[j + 1].SpaceBefore && T[j + 1].Kind == TokenKind.Word
            && (_lex.Dozens.ContainsKey(T[j + 1].Lower) || _lex.Scales.ContainsKey(T[j + 1].Lower)))
        {
            j++; // "a half-dozen"
        }

        if (Free(ref c, j) && T[j].Kind == TokenKind.Word && (_lex.Dozens.TryGetValue(T[j].Lower, out var dz) ? dz : _lex.Scales.GetValueOrDefault(T[j].Lower)) is var scale and > 1
            && (scale >= 1000 || _lex.Dozens.ContainsKey(T[j].Lower)))
        {
            fraction *= scale;
            k = j + 1;
            a.Scaled = true;
            a.ScaleFactor = scale;
        }

        a.Value = fraction;
        a.Integer = fraction == decimal.Truncate(fraction);
        a.Digits = DigitShape.Fraction;
        a.NumberEnd = a.End = k;
        return true;
    }

    private static bool Done(ref Amount a, decimal value, Shape shape, int end)
    {
        a.Value = value;
        a.Shape = shape;
        a.Integer = value == decimal.Truncate(value);
        a.NumberEnd = a.End = end;
        return true;
    }

    private bool NextIsScale(ref Ctx c, int k) =>
        Free(ref c, k) && c.T[k].Kind == TokenKind.Word && (_lex.Scales.TryGetValue(c.T[k].Lower, out var s) && s >= 1000 || _lex.Articles.Contains(c.T[k].Lower) && k + 1 < c.Count && _lex.Dozens.ContainsKey(c.T[k + 1].Lower));

    /// <summary>Where a fraction reads as one: before "of", punctuation, the end, a scale, a unit or money ("a third of",
    /// "one fifth.", "a quarter million", "half a dozen", "½ teaspoon").</summary>
    private bool IsFractionContext(ref Ctx c, int k)
    {
        if (k >= c.Count)
        {
            return true;
        }

        var t = c.T[k];
        if (t.Kind == TokenKind.Punct)
        {
            return !TokenQueries.IsDash(c.T, k) || t.SpaceBefore;
        }

        return t.Kind == TokenKind.Word && (_lex.VagueJoiners.Contains(t.Lower) || _lex.Articles.Contains(t.Lower) || NextIsScale(ref c, k) || (!t.Capitalized && _lex.Plural(t.Lower))
            || _lex.Units.Names.StartsAt(c.Text, c.T, k) || _lex.Currencies.Names.StartsAt(c.Text, c.T, k) || _lex.CountStopWords.Contains(t.Lower));
    }

    /// <summary>A denominator word at <paramref name="k"/>: "fifths", "half", "quarters", "twenty-firsts", "hundredth";
    /// <paramref name="ordinalUnits"/> when it can end an ordinal after a cardinal ("one hundred twenty-fifth").</summary>
    private bool ReadDenominator(ref Ctx c, int k, out decimal den, out bool plural, out int after, out bool ordinalUnits)
    {
        var T = c.T;
        den = 0;
        plural = false;
        after = k;
        ordinalUnits = false;
        var lower = T[k].Lower;

        // "twenty-first", "twenty-fifths": a compound ordinal
        if (_lex.NumberWords.TryGetValue(lower, out var tens) && tens is >= 20 and < 100 && tens % 10 == 0 && TokenQueries.IsDash(T, k + 1) && k + 2 < c.Count
            && T[k + 2].Kind == TokenKind.Word && (_lex.Ordinals.TryGetValue(T[k + 2].Lower, out var units) || _lex.OrdinalPlurals.TryGetValue(T[k + 2].Lower, out units)) && units < 10)
        {
            den = tens + units;
            plural = !_lex.Ordinals.ContainsKey(T[k + 2].Lower);
            after = k + 3;
            ordinalUnits = true;
            return true;
        }

        if (_lex.Ordinals.TryGetValue(lower, out den))
        {
            after = k + 1;
            ordinalUnits = true;
            return true;
        }

        if (_lex.Denominators.TryGetValue(lower, out den))
        {
            after = k + 1;
            plural = lower.EndsWith(_lex.PluralEnding, StringComparison.Ordinal);
            return true;
        }

        return false;
    }

    /// <summary>"a half", "a quarter", "one fourth", "three fifths", "a third" after "and".</summary>
    private bool ReadFractionPhrase(ref Ctx c, int k, out decimal value, out int after)
    {
        value = 0;
        after = k;
        var T = c.T;
        if (!Free(ref c, k) || T[k].Kind != TokenKind.Word)
        {
            return false;
        }

        decimal numerator;
        int j;
        if (_lex.Articles.Contains(T[k].Lower))
        {
            numerator = 1;
            j = k + 1;
        }
        else if (_lex.NumberWords.TryGetValue(T[k].Lower, out var n) && n > 0)
        {
            numerator = n;
            j = k + 1;
            if (n >= 20 && TokenQueries.IsDash(T, j) && j + 1 < c.Count && _lex.NumberWords.TryGetValue(T[j + 1].Lower, out var u) && u is > 0 and < 10)
            {
                numerator += u; // "fifty-four hundredths"
                j += 2;
            }
        }
        else
        {
            return false;
        }

        if (!Free(ref c, j) || T[j].Kind != TokenKind.Word || !ReadDenominator(ref c, j, out var den, out _, out after, out _) || den < 2)
        {
            return false;
        }

        if (!_lex.Denominators.ContainsKey(T[j].Lower) && !(TokenQueries.IsDash(T, j + 1) && after == j + 3))
        {
            return false; // "and a second" is not a part
        }

        value = numerator / den;
        return true;
    }

    /// <summary>The digits after "point": "zero three" is .03, "seventy-one" .71, "nought four" .04.</summary>
    private (decimal Fraction, int After) DecimalWords(ref Ctx c, int k)
    {
        var T = c.T;
        Span<char> digits = stackalloc char[24];
        var n = 0;
        digits[n++] = '0';
        digits[n++] = '.';
        while (Free(ref c, k) && T[k].Kind == TokenKind.Word && _lex.NumberWords.TryGetValue(T[k].Lower, out var v) && n < digits.Length - 2)
        {
            if (v >= 20 && v % 10 == 0 && TokenQueries.IsDash(T, k + 1) && k + 2 < c.Count && _lex.NumberWords.TryGetValue(T[k + 2].Lower, out var u) && u is > 0 and < 10)
            {
                v += u;
                k += 2;
            }

            if (v >= 10)
            {
                digits[n++] = (char)('0' + (v / 10));
            }

            digits[n++] = (char)('0' + (v % 10));
            k++;
        }

        return (decimal.Parse(digits[..n], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture), k);
    }

    /// <summary>
    /// Vague amounts: "dozens", "hundreds of millions" (lower bound 200,000,000), "tens of thousands", "several hundred",
    /// "a few thousand". A capitalised one inside a sentence is a title ("Oil and Millions").
    /// </summary>
    private bool ReadVague(ref Ctx c, int k, ref Amount a)
    {
        var T = c.T;
        var t = T[k];
        if (_lex.VagueMultipliers.TryMatch(c.Text, T, k, c.Count, out var multiplier, out var afterMultiplier))
        {
            var j = afterMultiplier;
            var product = multiplier;
            var found = false;
            while (Free(ref c, j) && T[j].Kind == TokenKind.Word && (_lex.Hundred.Contains(T[j].Lower) && !_lex.Vague.ContainsKey(T[j].Lower)
                || _lex.Scales.TryGetValue(T[j].Lower, out _) || _lex.Dozens.ContainsKey(T[j].Lower)))
            {
                product *= _lex.Hundred.Contains(T[j].Lower) ? 100 : _lex.Dozens.TryGetValue(T[j].Lower, out var dz) ? dz : _lex.Scales[T[j].Lower];
                found = true;
                j++;
            }

            if (!found)
            {
                return false;
            }

            a.Value = product;
            a.Shape = Shape.Vague;
            a.Words = true;
            a.NumberEnd = a.End = j;
            return true;
        }

        if (!_lex.Vague.TryGetValue(t.Lower, out var unit))
        {
            return false;
        }

        if (t.Capitalized && k > 0 && !SentenceStart(ref c, k) && !(k + 1 < c.Count && _lex.VagueJoiners.Contains(T[k + 1].Lower)))
        {
            return false;
        }

        var end = k + 1;
        var total = unit;
        while (end + 1 < c.Count && Free(ref c, end + 1) && T[end].Kind == TokenKind.Word && _lex.VagueJoiners.Contains(T[end].Lower)
            && _lex.Vague.TryGetValue(T[end + 1].Lower, out var more) && more > total)
        {
            total *= more; // "hundreds of millions", "tens of thousands"
            end += 2;
        }

        // "tens" and "scores" are numbers only with "of" after them ("tens of thousands", "scores of people")
        if (total < 100 && total != 12 && !(end < c.Count && T[end].Kind == TokenKind.Word && _lex.VagueJoiners.Contains(T[end].Lower)))
        {
            return false;
        }

        a.Value = _lex.VagueLowerBound * total;
        a.Shape = Shape.Vague;
        a.Words = true;
        a.Scaled = true;
        a.ScaleFactor = total;
        a.NumberEnd = a.End = end;
        return true;
    }

    /// <summary>Whether a word token is a Roman numeral (II to CCCXCIX, written canonically in capitals).</summary>
    private bool MaybeRoman(string text, in Token t)
    {
        var n = t.End - t.Start;
        if (t.Kind != TokenKind.Word || n is < 2 or > 7 || !t.Capitalized)
        {
            return false;
        }

        var s = text.AsSpan(t.Start, n);
        return !s.ContainsAnyExcept(_lex.RomanNumerals) && Roman(s) > 1;
    }

    /// <summary>The value of a canonical Roman numeral, or 0.</summary>
    private static int Roman(ReadOnlySpan<char> s)
    {
        var total = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var v = RomanDigit(s[i]);
            var next = i + 1 < s.Length ? RomanDigit(s[i + 1]) : 0;
            total += v < next ? -v : v;
        }

        // canonical form only: re-encode and compare ("IIII", "VX" and "CIVIL" are not numerals)
        Span<char> buffer = stackalloc char[16];
        var n = 0;
        var rest = total;
        ReadOnlySpan<int> values = [100, 90, 50, 40, 10, 9, 5, 4, 1];
        ReadOnlySpan<string> symbols = ["C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
        for (var i = 0; i < values.Length && n < buffer.Length - 2; i++)
        {
            while (rest >= values[i] && n < buffer.Length - 2)
            {
                symbols[i].AsSpan().CopyTo(buffer[n..]);
                n += symbols[i].Length;
                rest -= values[i];
            }
        }

        return rest == 0 && total < 400 && buffer[..n].SequenceEqual(s) ? total : 0;
    }

    private static int RomanDigit(char ch) => ch switch
    {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        _ => 0,
    };
}
