using NewsParsing.Text;

namespace NewsParsing.Quantities;

/// <summary>Units, money and ages after a number; money before it.</summary>
internal sealed partial class QuantityScanner
{
    private const int MaxTerms = 4;

    /// <summary>What follows the number: a hyphenated unit, age or compound ("3-inch", "10-day-old", "four-storey"),
    /// money ("120 million manats", "5,000 AZN", "37 cents", "20€"), a unit ("25 mg", "3e8 m/s"), a price per unit
    /// ("$120 per tonne"), an age ("115 years old", "87 yo").</summary>
    private void ReadAfter(ref Ctx c, ref Amount a)
    {
        var T = c.T;
        var k = a.End;
        if (!Free(ref c, k))
        {
            return;
        }

        var glued = !T[k].SpaceBefore;

        // Hyphenated: "3-inch", "six-mile", "125-mile-per-hour", "12-cent", "10-day-old", "18- to 49-year-olds", "four-storey".
        if (TokenQueries.IsDash(T, k) && glued && Free(ref c, k + 1) && !T[k + 1].SpaceBefore && T[k + 1].Kind == TokenKind.Word)
        {
            ReadHyphenated(ref c, ref a, k);
            return;
        }

        // Money after the number; vague amounts take "of": "billions of pounds".
        if (a.Money is null)
        {
            var m = k;
            if (a.Shape == Shape.Vague && T[m].Kind == TokenKind.Word && _lex.VagueJoiners.Contains(T[m].Lower) && m + 1 < c.Count)
            {
                m++;
            }

            if (TryMoneyAfter(ref c, ref a, m))
            {
                k = a.End;
            }
        }

        if (a.Money is not null)
        {
            if (!a.Scaled)
            {
                ReadScales(ref c, ref a, true); // "75 USD million"
            }

            TryPerUnit(ref c, ref a);
            return;
        }

        // "20 (kg)", "20 [kg]": a unit in brackets
        if (T[k].Kind == TokenKind.Punct && T[k].Value is '(' or '[' or '{' or '<' && Free(ref c, k + 1) && !T[k + 1].SpaceBefore
            && TryUnit(ref c, k + 1, false, out var bracketed, out var afterBracketed) && afterBracketed < c.Count && !T[afterBracketed].SpaceBefore
            && T[afterBracketed].Kind == TokenKind.Punct && T[afterBracketed].Value == T[k].Value switch { '(' => ')', '[' => ']', '{' => '}', _ => '>' })
        {
            a.Unit = bracketed;
            a.End = afterBracketed + 1;
            return;
        }

        if (TryUnit(ref c, k, glued, out var unit, out var afterUnit) && UnitInContext(ref c, a, unit, k, afterUnit, glued))
        {
            a.Unit = unit;
            a.End = afterUnit;
            if (unit.Calendar && _lex.AgeAfter.TryMatch(c.Text, T, afterUnit, c.Count, out _, out var afterAge))
            {
                a.AgeUnit = unit.Symbol; // "115 years old", "95 years of age", "a 90 day old bill"
                a.Unit = default;
                a.End = afterAge;
                return;
            }

            MixedUnits(ref c, ref a);
            return;
        }

        if (a.Shape != Shape.Vague && _lex.AgeAbbreviations.TryMatch(c.Text, T, k, c.Count, out _, out var afterYo))
        {
            a.AgeUnit = _lex.Units.BySymbol.TryGetValue("year", out var year) ? year.Symbol : null; // "87 yo"
            a.End = afterYo;
        }
    }

    /// <summary>A number glued by a hyphen to what follows.</summary>
    private void ReadHyphenated(ref Ctx c, ref Amount a, int k)
    {
        var T = c.T;
        var w = T[k + 1];

        // "two-for-one": a ratio, read by the caller
        if (_lex.RatioCompoundJoiners.Contains(w.Lower))
        {
            return;
        }

        // "10-day-old", "45-year-old", "49-year-olds"; "44-day" and "three-month" are durations (the temporal stage's)
        if (TryUnit(ref c, k + 1, true, out var unit, out var afterUnit))
        {
            if (unit.Calendar && TokenQueries.IsDash(T, afterUnit) && !T[afterUnit].SpaceBefore
                && _lex.AgeAfter.TryMatch(c.Text, T, afterUnit + 1, c.Count, out _, out var afterAge) && !T[afterUnit + 1].SpaceBefore)
            {
                a.AgeUnit = unit.Symbol;
                a.End = afterAge;
                return;
            }

            a.Unit = unit; // "3-inch", "45-acre", "32-kilometer", "125-mile-per-hour"
            a.End = afterUnit;
            return;
        }

        // "12-cent", "one-yen"
        if (a.Money is null && _lex.Currencies.Names.TryMatch(c.Text, T, k + 1, c.Count, out var money, out var afterMoney))
        {
            SetMoney(ref a, money, afterMoney);
            return;
        }

        // "four-storey", "one-party", "3,000-strong", "12-member": what is counted
        if (!w.Capitalized && (a.Words || _lex.CompoundCountNouns.Contains(w.Lower)) && a.Plain && a.Integer)
        {
            a.Hyphenated = true;
            return;
        }

        // "1-octanol", "6,7-dihydropteridine": a name or a chemical, not an amount
        if (!a.Words)
        {
            a.NotAmount = true;
        }
    }

    /// <summary>"31 feet 5 inches", "5 ft 2 in", "5 feet and 2 inches": the minor unit added to the major one.</summary>
    private void MixedUnits(ref Ctx c, ref Amount a)
    {
        if (a.Unit.Single is not { } major || !_lex.Units.Compounds.TryGetValue(major.Symbol, out var compound))
        {
            return;
        }

        var T = c.T;
        var k = a.End;
        if (Free(ref c, k) && T[k].Kind == TokenKind.Word && _lex.NumberJoiners.Contains(T[k].Lower))
        {
            k++;
        }

        if (!Free(ref c, k) || T[k].Kind != TokenKind.Number
            || !NumberReader.Read(c.Text, T[k].Start, c.End, _lex, _mark, out var minor, out var stop, out _, out _) || stop != T[k].End)
        {
            return;
        }

        if (TryUnit(ref c, k + 1, !T[k + 1 < c.Count ? k + 1 : k].SpaceBefore, out var minorUnit, out var after) && minorUnit.Single?.Symbol == compound.Minor)
        {
            a.Value += minor / compound.Per;
            a.End = after;
        }
    }

    /// <summary>Whether a unit that is also a word or letter ("in", "m", "A") is one here: glued to the number, in a compound,
    /// or before punctuation, the end or a lower-case word that is no function word ("3 1/2 in board"; not "3 in 10", "5 in the").</summary>
    private bool UnitInContext(ref Ctx c, in Amount a, in UnitMatch unit, int k, int after, bool glued)
    {
        var T = c.T;
        if (after < c.Count && !T[after].SpaceBefore && (T[after].Kind == TokenKind.Number
            || (TokenQueries.IsDash(T, after) && after + 1 < c.Count && T[after + 1].Kind == TokenKind.Number && !T[after + 1].SpaceBefore)))
        {
            return false; // "24703L202", "24703 L-202": a code
        }

        if (glued && unit.Single is { } g && _lex.Units.Glued.TryMatch(c.Text, T, k, c.Count, out var gluedDef, out var afterGlued) && gluedDef == g && afterGlued == after)
        {
            // "40C" in a story about heat, not "13F filing" or "Boeing 777F"
            for (var m = Math.Max(0, a.Start - 12); m < Math.Min(c.Count, after + 8); m++)
            {
                if (T[m].Kind == TokenKind.Word && _lex.TemperatureContext.Contains(T[m].Lower))
                {
                    return true;
                }
            }

            return false;
        }

        if (unit.Single is not { Ambiguous: true } || !unit.Symbolic || glued)
        {
            return true;
        }

        if (a.YearLike || (a.Shape == Shape.Vague))
        {
            return false;
        }

        if (after >= c.Count)
        {
            return true;
        }

        var t = c.T[after];
        return t.Kind switch
        {
            TokenKind.Punct => t.Value is not '$' and not '€' and not '£',
            TokenKind.Word => !t.Capitalized && !_lex.UnitBlockers.Contains(t.Lower) && (_lex.RoleOf(t.Lower) & WordRole.Numeric) == 0,
            _ => false,
        };
    }

    /// <summary>Money written before the number: symbols and codes as written ("$", "US$", "C$", "€", "AZN", "USD115"), codes
    /// in lower case ("usd 200").</summary>
    private bool TryMoneyBefore(ref Ctx c, int k, out Money money, out int after)
    {
        money = default;
        after = k;
        if (!Free(ref c, k))
        {
            return false;
        }

        var T = c.T;
        var t = T[k];
        if (_lex.Currencies.Symbols.TryMatch(c.Text, T, k, c.Count, out money, out after)
            || (t.Kind == TokenKind.Word && _lex.Currencies.PrefixNames.TryMatch(c.Text, T, k, c.Count, out money, out after)))
        {
            // A symbol or code counts only before a number (spaced or glued: "AZN 100", "USD115", "$ 75 million").
            return after < c.Count && money.Factor >= 1 && (T[after].Kind == TokenKind.Number || IsSign(ref c, after)
                || (T[after].Kind == TokenKind.Punct && _lex.VulgarFractions.ContainsKey((char)T[after].Value)));
        }

        return false;
    }

    /// <summary>Money after the number: names ("dollars", "dlrs", "Canadian dlrs", "manats", "euros"), minor units ("37 cents"
    /// is 0.37 USD), codes and symbols as written ("5,000 AZN", "20€", "10 $"), codes that are words in capitals ("100 TRY").
    /// "pounds" is weight when the sentence weighs something and no scale says money.</summary>
    private bool TryMoneyAfter(ref Ctx c, ref Amount a, int k)
    {
        var T = c.T;
        if (!Free(ref c, k))
        {
            return false;
        }

        if (_lex.Currencies.Names.TryMatch(c.Text, T, k, c.Count, out var money, out var after)
            || _lex.Currencies.Symbols.TryMatch(c.Text, T, k, c.Count, out money, out after)
            || _lex.Currencies.WordCodes.TryMatch(c.Text, T, k, c.Count, out money, out after))
        {
            if (!a.Scaled && _lex.Units.ContextNames.TryMatch(c.Text, T, k, c.Count, out var weight, out var afterWeight) && afterWeight == after && WeighContext(ref c, a.Start, after))
            {
                a.Unit = new UnitMatch { Symbol = weight.Symbol, Dimension = weight.Dimension, Kind = weight.Kind, Single = weight };
                a.End = after;
                return false;
            }

            SetMoney(ref a, money, after);

            // "3 dollars 50 cents", "thirteen dollars and forty-five cents"
            var j = after;
            if (money.Factor == 1 && Free(ref c, j) && T[j].Kind == TokenKind.Word && _lex.NumberJoiners.Contains(T[j].Lower))
            {
                j++;
            }

            if (money.Factor == 1 && Free(ref c, j) && j > a.End - 1)
            {
                var minor = default(Amount);
                minor.ScaleFactor = 1;
                if (ReadNumber(ref c, j, ref minor) && minor.Plain && minor.Integer && minor.Value is > 0 and < 100 && !minor.Scaled)
                {
                    if (_lex.Currencies.Names.TryMatch(c.Text, T, minor.End, c.Count, out var cents, out var afterCents) && cents.Factor < 1 && cents.Code == money.Code)
                    {
                        a.Value += minor.Value / 100; // "3 dollars 50 cents"
                        a.End = afterCents;
                    }
                    else if (money.Factor == 1 && (minor.End >= c.Count || (T[minor.End].Kind == TokenKind.Punct && !_lex.Currencies.Symbols.StartsAt(c.Text, T, minor.End))
                        || (T[minor.End].Kind == TokenKind.Word && (_lex.CountStopWords.Contains(T[minor.End].Lower) || _lex.NumberJoiners.Contains(T[minor.End].Lower)))))
                    {
                        a.Value += minor.Value / 100; // "15 dollars 50.", "17 USD 25", "thirteen dollars forty five"
                        a.End = minor.End;
                    }
                }
            }

            return true;
        }

        return false;
    }

    private static void SetMoney(ref Amount a, Money money, int after)
    {
        a.Money = money with { Factor = 1 };
        if (money.Factor != 1)
        {
            a.Value *= money.Factor;
            a.Scaled |= money.Factor > 1;
        }

        a.End = after;
    }

    /// <summary>Whether the words around an amount weigh something ("the baby weighs 8 pounds").</summary>
    private bool WeighContext(ref Ctx c, int start, int end)
    {
        for (var k = Math.Max(0, start - 8); k < Math.Min(c.Count, end + 3); k++)
        {
            if ((k < start || k >= end) && c.T[k].Kind == TokenKind.Word && _lex.MassContext.Contains(c.T[k].Lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A price per unit after money: "$120 per tonne", "15.50 dlrs a barrel", "1.21 dlr an hour" (not "$25 a share").</summary>
    private void TryPerUnit(ref Ctx c, ref Amount a)
    {
        var T = c.T;
        var k = a.End;
        if (!Free(ref c, k) || !IsPer(ref c, k, out var article))
        {
            return;
        }

        if (TryUnitTerm(ref c, k + 1, false, out var def, out var power, out var after, out _) && power == 1
            && (!article || (_lex.Units.PerArticleDimensions.Contains(def.Dimension) && !DateAfter(ref c, after))) && def.Kind != QuantityKind.Percent)
        {
            a.Unit = new UnitMatch { Symbol = def.PerSymbol, Dimension = def.Dimension, Kind = QuantityKind.Currency, Single = def };
            a.End = after;
        }
    }

    /// <summary>Whether a date word follows ("a year ago" is a date, not "per year").</summary>
    private bool DateAfter(ref Ctx c, int k) => k < c.Count && c.T[k].Kind == TokenKind.Word && _lex.DateFollowers.Contains(c.T[k].Lower);

    /// <summary>Whether token <paramref name="k"/> opens a denominator ("per", "/", "a", "an").</summary>
    private bool IsPer(ref Ctx c, int k, out bool article)
    {
        var t = c.T[k];
        article = t.Kind == TokenKind.Word && _lex.Articles.Contains(t.Lower);
        return t.Kind == TokenKind.Word ? _lex.Units.PerWords.Contains(t.Lower) : t.Kind == TokenKind.Punct && t.Value == '/';
    }

    /// <summary>
    /// A unit at <paramref name="k"/>, simple or compound: names ("kilometres", "degrees Celsius"), symbols as written ("mg",
    /// "TeV", "µm"), powers ("km²", "m2", "square metres", "s-1", "m^-1"), quotients ("m/s2", "W/min", "km / h", "miles
    /// per hour") and products ("N·m"). The symbol of a compound is composed once and shared through the workspace's
    /// name table.
    /// </summary>
    private bool TryUnit(ref Ctx c, int k, bool glued, out UnitMatch u, out int after)
    {
        u = default;
        after = k;
        if (!TryUnitTerm(ref c, k, glued, out var first, out var firstPower, out var a1, out var firstSymbolic))
        {
            return false;
        }

        Span<int> powers = stackalloc int[MaxTerms];
        var defs = new TermDefs();
        defs[0] = first;
        powers[0] = firstPower;
        var n = 1;
        var j = a1;
        while (n < MaxTerms && Free(ref c, j))
        {
            var t = c.T[j];
            if (IsPer(ref c, j, out var article) && TryUnitTerm(ref c, j + 1, false, out var den, out var p, out var aj, out _)
                && (!article || (_lex.Units.PerArticleDimensions.Contains(den.Dimension) && !DateAfter(ref c, aj))) && !(article && den.Kind == QuantityKind.Percent))
            {
                defs[n] = den;
                powers[n] = -p;
                n++;
                j = aj;
                continue;
            }

            if (t.Kind == TokenKind.Punct && !t.SpaceBefore && _lex.Units.ProductSigns.Contains((char)t.Value) && Free(ref c, j + 1) && !c.T[j + 1].SpaceBefore
                && TryUnitTerm(ref c, j + 1, false, out var factor, out var fp, out var af, out _))
            {
                defs[n] = factor;
                powers[n] = fp;
                n++;
                j = af;
                continue;
            }

            break;
        }

        after = j;
        if (n == 1 && firstPower == 1)
        {
            u = new UnitMatch { Symbol = first.Symbol, Dimension = first.Dimension, Kind = first.Kind, Single = first, Calendar = first.Calendar, Symbolic = firstSymbolic };
            return true;
        }

        // Compose: numerator terms joined by '·', then '/' and the denominator's; powers as digits ("m/s2", "km2", "kg/m3").
        Span<char> buffer = stackalloc char[64];
        var len = 0;
        var dimension = Dimension.None;
        var numerators = 0;
        for (var i = 0; i < n; i++)
        {
            dimension = dimension.Times(defs[i].Dimension, powers[i]);
            if (powers[i] > 0)
            {
                if (numerators++ > 0)
                {
                    Append(buffer, ref len, "·");
                }

                AppendTerm(buffer, ref len, defs[i].Symbol, powers[i]);
            }
        }

        if (numerators == 0)
        {
            Append(buffer, ref len, "1");
        }

        var denominators = 0;
        for (var i = 0; i < n; i++)
        {
            if (powers[i] < 0)
            {
                Append(buffer, ref len, denominators++ == 0 ? "/" : "·");
                AppendTerm(buffer, ref len, defs[i].PerSymbol, -powers[i]);
            }
        }

        var single = n == 1 ? first : null;
        u = new UnitMatch
        {
            Symbol = c.Workspace.Names.Get(buffer[..len]),
            Dimension = dimension,
            Kind = single is { Kind: QuantityKind.Percent } ? QuantityKind.Percent : _lex.Units.KindOf(dimension),
            Single = null,
            Symbolic = false,
        };
        return true;
    }

    private static void AppendTerm(Span<char> buffer, ref int len, string symbol, int power)
    {
        Append(buffer, ref len, symbol);
        if (power != 1 && len < buffer.Length - 2)
        {
            power.TryFormat(buffer[len..], out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            len += written;
        }
    }

    /// <summary>One unit with its power: "km", "square metres", "m2", "m²", "s-1", "m^-1", "metres squared".</summary>
    private bool TryUnitTerm(ref Ctx c, int k, bool glued, out UnitDef def, out int power, out int after, out bool symbolic)
    {
        def = null!;
        power = 1;
        after = k;
        symbolic = false;
        var T = c.T;
        var j = k;
        if (!Free(ref c, j))
        {
            return false;
        }

        if (T[j].Kind == TokenKind.Word && _lex.Units.PowerWords.TryGetValue(T[j].Lower, out var prefixPower) && Free(ref c, j + 1))
        {
            power = prefixPower;
            j++;
            if (T[j].Kind == TokenKind.Punct && T[j].Value == '.' && !T[j].SpaceBefore && Free(ref c, j + 1))
            {
                j++; // "sq. ft"
            }
        }

        var end = j;
        if (_lex.Units.Names.TryMatch(c.Text, T, j, c.Count, out var named, out var afterName))
        {
            def = named;
            end = afterName;
        }

        if (_lex.Units.Symbols.TryMatch(c.Text, T, j, c.Count, out var sym, out var afterSym) && afterSym >= end)
        {
            def = sym;
            end = afterSym;
            symbolic = true;
        }

        if (glued && j == k && _lex.Units.Glued.TryMatch(c.Text, T, j, c.Count, out var g, out var afterGlued) && afterGlued > end)
        {
            def = g;
            end = afterGlued;
            symbolic = true;
        }

        if (def is null)
        {
            return false;
        }

        if (power != 1 && def.Dimension != _lex.Units.Length)
        {
            return false; // "square" and "cubic" take lengths only ("square miles", not "square one")
        }

        // powers written after a symbol: m2, m², m^2, s-1, m⁻¹
        if (symbolic && end < c.Count && !T[end].SpaceBefore)
        {
            var t = T[end];
            if (t.Kind == TokenKind.Number && t.Digits == 1 && t.Value is 2 or 3 && !(end + 1 < c.Count && !T[end + 1].SpaceBefore && T[end + 1].Kind is TokenKind.Word or TokenKind.Number))
            {
                power *= (int)t.Value;
                end++;
            }
            else if (t.Kind == TokenKind.Punct && t.Value is '²' or '³')
            {
                power *= t.Value == '²' ? 2 : 3;
                end++;
            }
            else if (t.Kind == TokenKind.Punct && (t.Value is '^' or '-' or '−' or '⁻') && end + 1 < c.Count && !T[end + 1].SpaceBefore)
            {
                var e = end + 1;
                var sign = t.Value is '-' or '−' or '⁻' ? -1 : 1;
                if (t.Value == '^' && T[e].Kind == TokenKind.Punct && T[e].Value is '-' or '−' && e + 1 < c.Count && !T[e + 1].SpaceBefore)
                {
                    sign = -1;
                    e++;
                }

                var exponent = T[e].Kind == TokenKind.Number && T[e].Digits == 1 ? (int)T[e].Value
                    : T[e].Kind == TokenKind.Punct ? "⁰¹²³⁴⁵⁶⁷⁸⁹".IndexOf((char)T[e].Value, StringComparison.Ordinal) : -1;
                if (exponent > 0 && !(e + 1 < c.Count && !T[e + 1].SpaceBefore && T[e + 1].Kind == TokenKind.Word) && (t.Value == '^' || t.Value == '⁻' || sign < 0))
                {
                    power *= sign * exponent;
                    end = e + 1;
                }
            }
        }

        if (end < c.Count && T[end].Kind == TokenKind.Word && _lex.Units.PowerSuffixWords.TryGetValue(T[end].Lower, out var suffixPower))
        {
            power *= suffixPower;
            end++;
        }

        after = end;
        return true;
    }

    /// <summary>Up to <see cref="MaxTerms"/> unit definitions of a compound, on the stack.</summary>
    [System.Runtime.CompilerServices.InlineArray(MaxTerms)]
    private struct TermDefs
    {
        private UnitDef _element;
    }
}
