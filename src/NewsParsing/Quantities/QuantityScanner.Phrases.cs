using System.Collections.Immutable;
using NewsParsing.Model;
using NewsParsing.Text;

namespace NewsParsing.Quantities;

/// <summary>Patterns around amounts: ranges, tolerances, ratios, identifiers and names, counted noun phrases and lists.</summary>
internal sealed partial class QuantityScanner
{
    /// <summary>
    /// The second end of a range: "20 mg to 40 mg", "between 20 and 40 mg", "6.5–7.0 TeV", "-5 °C to -12 °C",
    /// "$120 per tonne to $200 per tonne", "18- to 49-year-olds". Not a change ("rose from 87 kg to 45 kg", "fell 696 mln
    /// dlrs to 215.74 billion dlrs": two facts), not years ("2011 – 12"), not a descending pair ("68 – 59").
    /// </summary>
    private bool TrySecondEnd(ref Ctx c, int i, ref Amount a, IReadOnlySet<string>? openerJoiners, out Amount b, out int end)
    {
        b = default;
        end = a.End;
        var T = c.T;
        var k = a.End;
        if (!Free(ref c, k) || a.NotAmount)
        {
            return false;
        }

        var wordJoiner = false;
        var dash = false;
        if (openerJoiners is not null)
        {
            if (T[k].Kind == TokenKind.Word ? !openerJoiners.Contains(T[k].Lower) : !(T[k].Kind == TokenKind.Punct && IsJoinerSign(openerJoiners, (char)T[k].Value)))
            {
                return false;
            }

            wordJoiner = true;
        }
        else
        {
            // "18- to 49-year-olds": a hyphen left hanging before "to"
            if (TokenQueries.IsDash(T, k) && !T[k].SpaceBefore && Free(ref c, k + 1) && T[k + 1].Kind == TokenKind.Word && _lex.RangeJoiners.Contains(T[k + 1].Lower))
            {
                k++;
            }

            var t = T[k];
            if (t.Kind == TokenKind.Word && _lex.RangeJoiners.Contains(t.Lower))
            {
                wordJoiner = true;
            }
            else if (t.Kind == TokenKind.Punct && _lex.RangeDashes.Contains((char)t.Value) && k + 1 < c.Count && t.SpaceBefore == T[k + 1].SpaceBefore)
            {
                dash = true;
            }
            else
            {
                return false;
            }
        }

        if (!ReadAmount(ref c, k + 1, out b) || !b.Plain || b.NotAmount || b.Hyphenated)
        {
            return false;
        }

        if ((a.Money is { } am && b.Money is { } bm && am.Code != bm.Code)
            || (a.Unit.Symbol is not null && b.Unit.Symbol is not null && a.Unit.Symbol != b.Unit.Symbol)
            || (a.Money is not null && b.Money is null && b.Unit.Symbol is not null)
            || (a.Unit.Symbol is not null && b.Money is not null && a.Money is null)
            || (a.AgeUnit is not null && b.AgeUnit is not null && a.AgeUnit != b.AgeUnit))
        {
            return false;
        }

        if (dash && (a.YearLike || b.YearLike))
        {
            return false; // "2011-12", "1922-23": years, the temporal stage's
        }

        // "5-10 million", "3 to 4 billion": the first end takes the second's scale when that keeps the order
        var first = a.Value;
        if (!a.Scaled && b.Scaled && Math.Abs(first * b.ScaleFactor) <= Math.Abs(b.Value))
        {
            first *= b.ScaleFactor;
        }

        if (first > b.Value && !(wordJoiner && first < 0 && b.Value < 0))
        {
            return false; // "68 – 59", "87 kg to 45 kg": two figures
        }

        if (wordJoiner && openerJoiners is null && ChangeBefore(ref c, i))
        {
            return false; // "fell 696 mln dlrs to 215.74 billion dlrs", "rose from 87 kg to 45 kg"
        }

        if (wordJoiner && openerJoiners is not null && T[i].Kind == TokenKind.Word && ChangeBefore(ref c, i))
        {
            return false;
        }

        a.Value = first;
        end = b.End;
        return true;
    }

    /// <summary>"… and less than 40", ", lower or equal than three hundred", "but below 1500": the bound of the other
    /// direction after a first one.</summary>
    private bool TryOtherBound(ref Ctx c, int k, QuantityModifier first, out Amount other, out int end)
    {
        other = default;
        end = k;
        var T = c.T;
        if (!Free(ref c, k) || !(T[k].Kind == TokenKind.Word ? _lex.BoundJoiners.Contains(T[k].Lower) : T[k].Kind == TokenKind.Punct && T[k].Value == ','))
        {
            return false;
        }

        if (!_lex.Hedges.TryMatch(c.Text, T, k + 1, c.Count, out var second, out var afterHedge) || !ReadAmount(ref c, afterHedge, out other) || !other.Plain)
        {
            return false;
        }

        var lowerFirst = first is QuantityModifier.MoreThan or QuantityModifier.AtLeast;
        var lowerSecond = second is QuantityModifier.MoreThan or QuantityModifier.AtLeast;
        if (lowerFirst == lowerSecond || second is not (QuantityModifier.MoreThan or QuantityModifier.AtLeast or QuantityModifier.LessThan or QuantityModifier.AtMost or QuantityModifier.UpTo))
        {
            return false;
        }

        end = other.End;
        return true;
    }

    private static bool IsJoinerSign(IReadOnlySet<string> joiners, char sign)
    {
        foreach (var j in joiners)
        {
            if (j.Length == 1 && j[0] == sign)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first end of a range takes the unit, money or age it lacks from the second ("between 20 and 40 mg").</summary>
    private static void MergeUnits(ref Amount a, in Amount b)
    {
        if (a.Money is null && b.Money is not null)
        {
            a.Money = b.Money;
        }

        if (a.Unit.Symbol is null && b.Unit.Symbol is not null)
        {
            a.Unit = b.Unit;
        }

        if (a.AgeUnit is null && b.AgeUnit is not null)
        {
            a.AgeUnit = b.AgeUnit;
        }

        a.End = b.End;
    }

    /// <summary>"9.81 +/- 0.02 m/s2", "5 ± 0.3 mm": a value with its uncertainty.</summary>
    private bool TryTolerance(ref Ctx c, ref Amount a, out decimal tolerance, out int end)
    {
        tolerance = 0;
        end = a.End;
        if (!_lex.ToleranceSigns.TryMatch(c.Text, c.T, a.End, c.Count, out _, out var after) || !ReadAmount(ref c, after, out var b) || !b.Plain || b.Money is not null && a.Money is not null && a.Money != b.Money
            || (a.Unit.Symbol is not null && b.Unit.Symbol is not null && a.Unit.Symbol != b.Unit.Symbol))
        {
            return false;
        }

        tolerance = Math.Abs(b.Value);
        MergeUnits(ref a, b);
        end = b.End;
        return true;
    }

    /// <summary>"3 in 10" (0.3), "one in five", "one out of three", "two-for-one" (2): ratios; "one over three": a quotient.</summary>
    private bool TryRatio(ref Ctx c, in Amount a, out decimal value, out int end, out bool isRatio)
    {
        value = 0;
        end = a.End;
        isRatio = true;
        var T = c.T;
        if (!a.Bare || !a.Integer || a.Value == 0 || a.NotAmount || !Free(ref c, a.End))
        {
            return false;
        }

        int after;
        var k = a.End;
        if (_lex.RatioJoiners.TryMatch(c.Text, T, k, c.Count, out _, out after))
        {
            isRatio = true;
        }
        else if (T[k].Kind == TokenKind.Word && _lex.FractionJoiners.Contains(T[k].Lower))
        {
            isRatio = false;
            after = k + 1;
        }
        else if (TokenQueries.IsDash(T, k) && !T[k].SpaceBefore && k + 2 < c.Count && T[k + 1].Kind == TokenKind.Word && _lex.RatioCompoundJoiners.Contains(T[k + 1].Lower)
            && TokenQueries.IsDash(T, k + 2) && !T[k + 1].SpaceBefore && !T[k + 2].SpaceBefore)
        {
            after = k + 3; // "two-for-one"
        }
        else
        {
            return false;
        }

        if (!ReadAmount(ref c, after, out var b) || !b.Plain || !b.Bare || !b.Integer || b.Value < 1 || b.YearLike || b.NotAmount || (isRatio && Math.Abs(a.Value) > b.Value && T[k].Kind == TokenKind.Word))
        {
            return false;
        }

        value = Math.Round(a.Value / b.Value, 20);
        end = b.End;
        return true;
    }

    /// <summary>Whether a change verb comes shortly before <paramref name="i"/> in the same sentence.</summary>
    private bool ChangeBefore(ref Ctx c, int i)
    {
        for (var k = i - 1; k >= 0 && k >= i - _lex.ChangeVerbWindow; k--)
        {
            var t = c.T[k];
            if (t.Kind == TokenKind.Punct && t.Value is '.' or ';' or '!' or '?')
            {
                return false;
            }

            if (t.Kind == TokenKind.Word && _lex.RangeJoiners.Contains(t.Lower))
            {
                return false; // "rose to 340 to 350": the change's target is the range
            }

            if (t.Kind == TokenKind.Word && _lex.ChangeVerbs.Contains(t.Lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether an amount is a fact to report: not the pronoun "one", not a lone year, not a number in a name ("Nasdaq 100",
    /// "Hot 100", "Interleukin 12", "4 Vesta"), not a chemical ("1-octanol").
    /// </summary>
    private bool Keep(ref Ctx c, int start, in Amount a, QuantityKind kind, bool counted, QuantityModifier modifier, bool ratio)
    {
        var T = c.T;
        if (a.NotAmount && kind == QuantityKind.Number)
        {
            return false;
        }

        if (kind != QuantityKind.Number && kind != QuantityKind.Count)
        {
            return true;
        }

        // "one of the", "one thing", "no one": the word one alone is no amount
        if (a.Words && a.Value == 1 && !counted && !ratio && modifier == QuantityModifier.None && !a.Hyphenated && (a.Digits & DigitShape.Fraction) == 0)
        {
            return false;
        }

        if (a.YearLike && !counted)
        {
            return false;
        }

        if (a.Words || start != a.Start || ratio || modifier != QuantityModifier.None || a.Scaled)
        {
            return true;
        }

        // A capitalised word before the number names it: "Nasdaq 100 Index", "the Hot 100", "San Lorenzo Head 8"; not a
        // score ("beat Milwaukee 68 – 59").
        var p = a.Start - 1;
        if (p >= 0 && T[p].Kind == TokenKind.Word && T[p].Capitalized && !SentenceStart(ref c, p) && HasLower(c.Text, T[p]) && _lex.RoleOf(T[p].Lower) == WordRole.None
            && !(TokenQueries.IsDash(T, a.End) && a.End + 1 < c.Count && T[a.End + 1].Kind == TokenKind.Number))
        {
            return false;
        }

        // A bare number before a capitalised word that is not what it counts: "4 Vesta", "271 Penthesilea".
        return counted || a.End >= c.Count || T[a.End].Kind != TokenKind.Word || !T[a.End].Capitalized || !T[a.End].SpaceBefore || SentenceStart(ref c, a.End);
    }

    private static bool HasLower(string text, in Token t)
    {
        for (var k = t.Start; k < t.End; k++)
        {
            if (char.IsLower(text[k]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether token <paramref name="k"/> opens a sentence or a line.</summary>
    private static bool SentenceStart(ref Ctx c, int k)
    {
        if (k == 0)
        {
            return true;
        }

        var p = c.T[k - 1];
        return (p.Kind == TokenKind.Punct && p.Value is '.' or '!' or '?' or ':' or ';' or '"' or '“' or '(' or '—' or '–') || LineBreakBefore(c.Text, c.T[k]);
    }

    /// <summary>Numbers that name or identify something: "G20", "F-16", "Eternity-2021", "Article 214-1", "No. 1", "+994 12 345", "10:30".</summary>
    private bool IsIdentifierNumber(ref Ctx c, int k)
    {
        var T = c.T;
        var t = T[k];
        if (k > 0)
        {
            var prev = T[k - 1];
            if (!t.SpaceBefore && prev.Kind == TokenKind.Word && !_lex.Currencies.Symbols.StartsAt(c.Text, T, k - 1))
            {
                return true; // "G20", "A320", "COP29"; not "USD115"
            }

            if (prev.Kind == TokenKind.Punct)
            {
                var p = (char)prev.Value;
                if (_lex.IdentifierSigns.Contains(p) && !t.SpaceBefore)
                {
                    // "#1", "№ 5", "+994"; but "#557 million" is an old wire's pound sign and "+5.3%" a sign
                    return !(p == '#' && NextIsScale(ref c, k + 1))
                        && !(p == '+' && !(k + 1 < c.Count && (T[k + 1].Kind == TokenKind.Number && T[k + 1].SpaceBefore || TokenQueries.IsDash(T, k + 1) && !T[k + 1].SpaceBefore)));
                }

                if ((p is ':' && !t.SpaceBefore) || p == '/' || (p == '.' && !t.SpaceBefore))
                {
                    return true;
                }

                if (p == '.' && k >= 2 && T[k - 2].Kind == TokenKind.Word && !prev.SpaceBefore && _lex.IdentifierWords.Contains(T[k - 2].Lower))
                {
                    return true; // "No. 1", "p. 5", "pp. 2547"
                }
            }

            if (k >= 2 && prev.Kind == TokenKind.Punct && prev.Value is '-' or '‑')
            {
                var before = T[k - 2];
                if (!t.SpaceBefore && !prev.SpaceBefore && before.Kind == TokenKind.Word && !(k >= 3 && T[k - 3].Kind == TokenKind.Number && !before.SpaceBefore))
                {
                    return true; // "Eternity-2021", "F-16", "Q-36"; not "5k-20k"
                }

                if (!t.SpaceBefore && !prev.SpaceBefore && before.Kind == TokenKind.Number && IsIdentifierNumber(ref c, k - 2))
                {
                    return true; // "Article 214-1", "pp. 2547-2553"
                }

                if (before.Kind == TokenKind.Word && before.Capitalized && (t.Digits == 4 && t.Value is >= 1900 and <= 2100 || before.End - before.Start == 1 || prev.Value == '‑'))
                {
                    return true; // "Agile Spirit - 2021", "M ‑ 95"
                }
            }

            if (prev.Kind == TokenKind.Word && _lex.IdentifierWords.Contains(prev.Lower))
            {
                return true; // "Article 100", "page 5"
            }

            if (prev.Kind == TokenKind.Number && t.SpaceBefore && t.Digits <= 4 && !(prev.Digits <= 3 && t.Digits == 3))
            {
                return true; // phone numbers written in groups
            }
        }

        if (k + 1 < c.Count)
        {
            var next = T[k + 1];
            if (next.Kind == TokenKind.Punct && next.Value == ':' && k + 2 < c.Count && T[k + 2].Kind == TokenKind.Number && !T[k + 2].SpaceBefore)
            {
                return true; // a clock time
            }

            if (next.Kind == TokenKind.Number && next.SpaceBefore && t.Digits <= 4 && next.Digits <= 4 && !(t.Digits <= 3 && next.Digits == 3)
                && !(k + 2 < c.Count && T[k + 2].Kind == TokenKind.Punct && _lex.FractionSlashes.Contains((char)T[k + 2].Value) && !T[k + 2].SpaceBefore))
            {
                return true; // phone numbers written in groups; not "3 1/2"
            }

            if (TokenQueries.IsDash(T, k + 1) && !next.SpaceBefore && k + 2 < c.Count && T[k + 2].Kind == TokenKind.Number && !T[k + 2].SpaceBefore
                && k > 0 && T[k - 1].Kind == TokenKind.Word && _lex.IdentifierWords.Contains(T[k - 1].Lower))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The noun phrase a number counts: up to four words, through "and" + a plural ("members and partners").
    /// <paramref name="calendar"/> tells when its head is a calendar unit ("19 consecutive weeks" is a duration).</summary>
    private bool TryCounted(ref Ctx c, int k, out int end, out string? head, out bool calendar)
    {
        var T = c.T;
        end = k;
        head = null;
        calendar = false;
        var words = 0;
        while (end < c.Count && words < MaxCountedWords)
        {
            var t = T[end];
            if (t.Kind != TokenKind.Word || t.Lower.Length == 0 || _lex.CountStopWords.Contains(t.Lower) || _lex.NumberWords.ContainsKey(t.Lower)
                || Inside(c.Taken, t) || (words > 0 && t.Capitalized && LineBreakBefore(c.Text, t)))
            {
                // hyphenated compounds continue the phrase: "high-ranking officials"
                if (TokenQueries.IsDash(T, end) && !t.SpaceBefore && end + 1 < c.Count && !T[end + 1].SpaceBefore && T[end + 1].Kind == TokenKind.Word && words > 0)
                {
                    end += 2;
                    continue;
                }

                break;
            }

            if (words > 0 && t.Capitalized && !T[end - 1].Capitalized && _lex.Plural(T[end - 1].Lower))
            {
                break; // "troops Azerbaijan": a new name after the noun
            }

            words++;
            end++;
            if (_lex.Plural(t.Lower) && !(end < c.Count && T[end].Kind == TokenKind.Word && !_lex.CountStopWords.Contains(T[end].Lower) && !T[end].Capitalized && _lex.Plural(T[end].Lower)))
            {
                break; // the head noun ends the phrase unless another noun follows
            }
        }

        if (words == 0)
        {
            return false;
        }

        // "members and partners"
        if (end < c.Count && T[end].Kind == TokenKind.Word && _lex.NumberJoiners.Contains(T[end].Lower) && end + 1 < c.Count && T[end + 1].Kind == TokenKind.Word
            && _lex.Plural(T[end + 1].Lower) && !T[end + 1].Capitalized
            && (end + 2 >= c.Count || T[end + 2].Kind == TokenKind.Punct || _lex.CountStopWords.Contains(T[end + 2].Lower)))
        {
            end += 2; // "members and partners –", but not "bags and sales standing"
        }

        for (var m = k; m < end; m++)
        {
            if (T[m].Kind == TokenKind.Word && _lex.Plural(T[m].Lower) && !T[m].Capitalized)
            {
                head = T[m].Lower;
                calendar = _lex.Units.Names.TryMatch(c.Text, T, m, m + 1, out var unit, out _) && unit.Calendar;
                break;
            }
        }

        // a counted thing is a plural noun ("troops", "people"); "12 dead" or "6.2 mln there" is not
        return head is not null;
    }

    private static bool LineBreakBefore(string text, in Token t)
    {
        for (var i = t.Start - 1; i >= 0 && char.IsWhiteSpace(text[i]); i--)
        {
            if (text[i] is '\n' or '\r')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The list right after a count, opened by a dash, colon or parenthesis: capitalised items separated by commas,
    /// the last joined by "and", closed by the matching dash or parenthesis or the end of the sentence.
    /// </summary>
    private bool TryList(string text, List<Token> T, int k, out ImmutableArray<QuantityPart> members)
    {
        members = [];
        if (k >= T.Count || !(TokenQueries.IsDash(T, k) || (T[k].Kind == TokenKind.Punct && T[k].Value is ':' or '(')))
        {
            return false;
        }

        var closer = T[k].Kind == TokenKind.Punct && T[k].Value == '(' ? ')' : '\0';
        var builder = ImmutableArray.CreateBuilder<QuantityPart>();
        var m = k + 1;
        var itemStart = -1;
        var itemEnd = -1;
        while (m < T.Count && builder.Count <= MaxMembers)
        {
            var t = T[m];
            var isSeparator = t.Kind == TokenKind.Punct && t.Value is ',' or ';';
            var isAnd = (t.Kind == TokenKind.Word && _lex.NumberJoiners.Contains(t.Lower)) || (t.Kind == TokenKind.Punct && t.Value == '&');
            var isEnd = t.Kind == TokenKind.Punct && (t.Value == closer || (closer == '\0' && ((TokenQueries.IsDash(T, m) && t.SpaceBefore) || (t.Value is '.' && (m + 1 >= T.Count || T[m + 1].SpaceBefore)) || t.Value is ')')));
            if (isSeparator || isAnd || isEnd)
            {
                if (itemStart < 0)
                {
                    return false;
                }

                builder.Add(new QuantityPart(text, SourceSpan.FromBounds(T[itemStart].Start, T[itemEnd].End)));
                itemStart = -1;
                if (isEnd)
                {
                    break;
                }

                m++;
                continue;
            }

            if (itemStart < 0)
            {
                // An item starts with a capital ("Georgia") or an article and a capital ("the U.S").
                if (t.Kind == TokenKind.Word && !t.Capitalized && _lex.CountStopWords.Contains(t.Lower) && m + 1 < T.Count && T[m + 1].Capitalized)
                {
                    m++;
                    t = T[m];
                }

                if (t.Kind != TokenKind.Word || !t.Capitalized)
                {
                    return false;
                }

                itemStart = m;
            }
            else if (m - itemStart > 6)
            {
                return false;
            }

            itemEnd = m;
            m++;
        }

        if (itemStart >= 0 && m >= T.Count)
        {
            builder.Add(new QuantityPart(text, SourceSpan.FromBounds(T[itemStart].Start, T[itemEnd].End)));
        }

        if (builder.Count < 2)
        {
            return false;
        }

        members = builder.ToImmutable();
        return true;
    }
}
