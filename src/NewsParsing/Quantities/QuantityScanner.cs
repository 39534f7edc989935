using System.Collections.Immutable;
using System.Globalization;
using NewsParsing.Model;
using NewsParsing.Temporal;
using NewsParsing.Text;

namespace NewsParsing.Quantities;

/// <summary>
/// Finds numeric facts in one region: a hedge, a currency symbol, a number (digits, words, fractions, vague amounts,
/// ordinals), a scale, a second end for ranges, a unit or currency, and otherwise the noun phrase it counts. Phrase
/// lookups run only around numbers, so the cost on ordinary text is one pass over the tokens.
/// </summary>
internal sealed class QuantityScanner
{
    private const int MaxCountedWords = 4;
    private const int MaxMembers = 60;

    private readonly QuantityLexicon _lex = QuantityLexicon.Default;

    /// <summary>Scans <paramref name="region"/>, skipping <paramref name="taken"/> spans (dates); returns whether <paramref name="max"/> was hit.</summary>
    public bool Scan(string text, SourceSpan region, List<SourceSpan> taken, ParseWorkspace workspace, List<Quantity> output, int max)
    {
        var diagnostics = workspace.Diagnostics;
        var tokens = workspace.Tokens.Get(text, region, workspace);
        var i = 0;
        while (i < tokens.Count)
        {
            if (output.Count >= max)
            {
                return true;
            }

            if (Inside(taken, tokens[i]))
            {
                i++;
                continue;
            }

            if (TryQuantity(text, tokens, taken, i, out var q, out var next, diagnostics))
            {
                output.Add(q);
                i = Math.Max(next, i + 1);
            }
            else
            {
                i++;
            }
        }

        return false;
    }

    /// <summary>Whether the token overlaps a taken span. <paramref name="taken"/> is sorted by start and does not
    /// overlap itself (dates come in text order), so a binary search keeps this logarithmic even with thousands of dates.</summary>
    private static bool Inside(List<SourceSpan> taken, in Token t)
    {
        int lo = 0, hi = taken.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = taken[mid];
            if (s.End <= t.Start)
            {
                lo = mid + 1;
            }
            else if (s.Start >= t.End)
            {
                hi = mid - 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private bool TryQuantity(string text, List<Token> T, List<SourceSpan> taken, int i, out Quantity q, out int next, List<Diagnostic> diagnostics)
    {
        q = null!;
        next = i;
        var start = i;
        var j = i;
        var modifier = QuantityModifier.None;
        var rangeJoiner = (string?)null;

        // 1. A hedge or a range opener: "about", "more than", "between", "from".
        if (T[j].Kind == TokenKind.Word)
        {
            if (_lex.Hedges.TryMatch(text, T, j, out var hedge, out var hedgeEnd) && StartsNumber(text, T, hedgeEnd))
            {
                modifier = hedge;
                j = hedgeEnd;
            }
            else if (T[j].Lower is "between" or "from" && StartsNumber(text, T, j + 1))
            {
                rangeJoiner = T[j].Lower == "between" ? "and" : "to";
                j++;
            }
        }

        // 2. A currency before the number: "$3.4 billion", "€5m", "AZN 100", "US$ 2".
        string? currency = null;
        if (j < T.Count && TryCurrencyPrefix(text, T, j, out var prefixCode, out var afterPrefix))
        {
            currency = prefixCode;
            j = afterPrefix;
        }

        // 3. The number itself.
        if (!TryNumber(text, T, taken, j, out var value, out var afterNumber, out var kind))
        {
            return false;
        }

        j = afterNumber;
        decimal? min = null, max = null;
        if (kind == NumberKind.Vague)
        {
            modifier = QuantityModifier.AtLeast;
            min = value;
        }

        // 4. A range: "5-10 percent", "340 to 350", "between 5 and 10", "from 10 to 15".
        var joinerOk = rangeJoiner is not null
            ? IsWord(T, j, rangeJoiner)
            : (IsDash(T, j) && kind == NumberKind.Plain) || (IsWord(T, j, "to") && kind == NumberKind.Plain && StartsNumber(text, T, j + 1) && currency is null);
        if (joinerOk && TryNumber(text, T, taken, j + 1, out var second, out var afterSecond, out var secondKind) && secondKind == NumberKind.Plain && second >= value)
        {
            min = value;
            max = second;
            value = second;
            modifier = QuantityModifier.Range;
            j = afterSecond;
        }
        else if (rangeJoiner is not null)
        {
            return false; // "between" without a second end is not a quantity phrase of ours
        }

        // Scale after a range applies to both ends ("5-10 million").
        if (min is not null && max is not null && TryScale(T, j, out var rangeScale, out var afterRangeScale))
        {
            min *= rangeScale;
            max *= rangeScale;
            value *= rangeScale;
            j = afterRangeScale;
        }

        // 5. Unit or currency after the number.
        string? unit = null;
        var quantityKind = kind == NumberKind.Ordinal ? QuantityKind.Ordinal : QuantityKind.Number;
        if (kind != NumberKind.Ordinal)
        {
            if (j < T.Count && T[j].Kind == TokenKind.Punct && T[j].Value == '%')
            {
                (unit, quantityKind) = ("%", QuantityKind.Percent);
                j++;
            }
            else if (_lex.Currencies.TryMatch(text, T, j, out var code, out var afterCurrency))
            {
                currency ??= code;
                j = afterCurrency;
            }
            else if (IsDash(T, j) && !T[j].SpaceBefore && j + 1 < T.Count && !T[j + 1].SpaceBefore
                && _lex.Units.TryMatch(text, T, j + 1, out var hu, out var afterHyphenUnit) && hu.Kind != QuantityKind.Duration)
            {
                (unit, quantityKind) = hu; // "3-inch", "six-mile", "45-acre"
                j = afterHyphenUnit;
            }
            else if (_lex.Units.TryMatch(text, T, j, out var u, out var afterUnit))
            {
                (unit, quantityKind) = u;
                j = afterUnit;
                if (unit == "bbl" && _lex.Units.TryMatch(text, T, j - 1, out var rate, out var afterRate) && rate.Unit == "bbl/d")
                {
                    (unit, quantityKind) = rate;
                    j = afterRate;
                }
            }
        }

        if (currency is not null)
        {
            (unit, quantityKind) = (currency, QuantityKind.Currency);
        }

        // 6. What a bare number counts: "2,500 troops", "fifteen NATO members and partners", "thousands of people".
        QuantityPart? counted = null;
        string? head = null;
        var countedEnd = j;
        if (quantityKind == QuantityKind.Number && (kind != NumberKind.Year))
        {
            var k = j;
            if (kind == NumberKind.Vague && IsWord(T, k, "of"))
            {
                k++;
            }

            if (TryCounted(text, T, taken, k, out var phraseEnd, out head))
            {
                counted = new QuantityPart(text, SourceSpan.FromBounds(T[k].Start, T[phraseEnd - 1].End));
                quantityKind = QuantityKind.Count;
                countedEnd = phraseEnd;
            }
        }

        if (kind == NumberKind.Year && quantityKind is QuantityKind.Number)
        {
            return false; // a lone year-like number ("in 2021") is not a quantity
        }

        // 7. A change: "up 2.4 percent", "rose 3 pct".
        var isChange = start > 0 && T[start - 1].Kind == TokenKind.Word && _lex.ChangeWords.Contains(T[start - 1].Lower) && quantityKind == QuantityKind.Percent;

        var end = Math.Max(j, countedEnd);
        var span = SourceSpan.FromBounds(T[start].Start, T[end - 1].End);

        // 8. The list a count announces: "fifteen NATO members and partners – Azerbaijan, Georgia, … and Lithuania –".
        var members = ImmutableArray<QuantityPart>.Empty;
        bool? countMatches = null;
        if (quantityKind == QuantityKind.Count && value == decimal.Truncate(value) && value is >= 2 and <= MaxMembers && kind != NumberKind.Vague
            && TryList(text, T, countedEnd, out members))
        {
            countMatches = members.Length == (int)value;
            if (countMatches == false)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.CountMismatch, DiagnosticSeverity.Warning,
                    $"'{text.Substring(span.Start, span.Length)}' counts {value} but the list after it has {members.Length} members.", span));
            }
        }

        q = new Quantity(text, span)
        {
            Value = Normalize(value),
            Min = min is { } lo ? Normalize(lo) : null,
            Max = max is { } hi ? Normalize(hi) : null,
            Modifier = modifier,
            Kind = quantityKind,
            Unit = unit,
            Currency = currency,
            Counted = counted,
            CountedHead = head,
            Members = members,
            CountMatches = countMatches,
            IsChange = isChange,
        };
        next = end;
        return true;
    }

    /// <summary>Drops trailing zeros of the scale (2500000.0 → 2500000) so values print as written.</summary>
    private static decimal Normalize(decimal d) => d / 1.000000000000000000000000000000000m;

    private enum NumberKind
    {
        Plain,
        Year,
        Vague,
        Ordinal,
    }

    /// <summary>Whether a number (digits or words) starts at <paramref name="k"/>.</summary>
    private bool StartsNumber(string text, List<Token> T, int k)
    {
        if (k >= T.Count)
        {
            return false;
        }

        var t = T[k];
        return t.Kind == TokenKind.Number
            || (t.Kind == TokenKind.Punct && t.Value is '$' or '€' or '£' or '¥')
            || (t.Kind == TokenKind.Word && (_lex.NumberWords.ContainsKey(t.Lower) || _lex.Vague.ContainsKey(t.Lower) || (t.Lower is "a" && k + 1 < T.Count && _lex.Scales.ContainsKey(T[k + 1].Lower))
                || _lex.Currencies.ContainsKey(t.Lower) && t.Lower.Length == 3 && k + 1 < T.Count && T[k + 1].Kind == TokenKind.Number))
            || (t.Kind == TokenKind.Word && text.Length > 0 && _lex.Fractions.ContainsKey(t.Lower));
    }

    private bool TryCurrencyPrefix(string text, List<Token> T, int j, out string code, out int after)
    {
        code = "";
        after = j;
        var t = T[j];
        if (t.Kind == TokenKind.Punct && t.Value is '$' or '€' or '£' or '¥' or '₹')
        {
            _lex.Currencies.TryGetValue(((char)t.Value).ToString(), out code!);
            after = j + 1;
            return after < T.Count && T[after].Kind == TokenKind.Number;
        }

        // "US$ 2", "US$2"
        if (t.Kind == TokenKind.Word && t.Lower == "us" && j + 2 < T.Count && T[j + 1].Kind == TokenKind.Punct && T[j + 1].Value == '$' && !T[j + 1].SpaceBefore)
        {
            code = "USD";
            after = j + 2;
            return T[after].Kind == TokenKind.Number;
        }

        // ISO codes in capitals before a number: "AZN 100", "USD 5"
        if (t.Kind == TokenKind.Word && t.End - t.Start == 3 && char.IsUpper(text[t.Start + 1]) && _lex.Currencies.TryGetValue(t.Lower, out var iso)
            && j + 1 < T.Count && T[j + 1].Kind == TokenKind.Number)
        {
            code = iso;
            after = j + 1;
            return true;
        }

        return false;
    }

    private bool TryScale(List<Token> T, int k, out decimal scale, out int after)
    {
        scale = 1;
        after = k;
        if (k >= T.Count || T[k].Kind != TokenKind.Word || !_lex.Scales.TryGetValue(T[k].Lower, out scale))
        {
            scale = 1;
            return false;
        }

        // One-letter scales ("5m", "1.2b", "10k") only when glued to the number.
        if (T[k].End - T[k].Start <= 2 && T[k].Lower is "m" or "b" or "k" or "bn" or "mn" or "tn" && T[k].SpaceBefore)
        {
            scale = 1;
            return false;
        }

        after = k + 1;
        return true;
    }

    /// <summary>Reads a number at <paramref name="k"/>: digits, number words, fractions, vague amounts, ordinals, with a scale.</summary>
    private bool TryNumber(string text, List<Token> T, List<SourceSpan> taken, int k, out decimal value, out int after, out NumberKind kind)
    {
        value = 0;
        after = k;
        kind = NumberKind.Plain;
        if (k >= T.Count || Inside(taken, T[k]))
        {
            return false;
        }

        var t = T[k];
        if (t.Kind == TokenKind.Number)
        {
            if (IsIdentifierNumber(T, k))
            {
                return false;
            }

            var raw = text.AsSpan(t.Start, t.End - t.Start);
            Span<char> digits = stackalloc char[raw.Length];
            var n = 0;
            var dots = 0;
            foreach (var ch in raw)
            {
                if (ch == ',')
                {
                    continue;
                }

                dots += ch == '.' ? 1 : 0;
                digits[n++] = ch;
            }

            if (dots > 1 || !decimal.TryParse(digits[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
            {
                return false;
            }

            after = k + 1;
            // "25th", "3rd": an ordinal
            if (after < T.Count && T[after].Kind == TokenKind.Word && !T[after].SpaceBefore && T[after].Lower is "st" or "nd" or "rd" or "th")
            {
                kind = NumberKind.Ordinal;
                after++;
                return true;
            }

            // Letters glued to the number that are not a scale or unit ("5G", "3D") make it a name.
            if (after < T.Count && T[after].Kind == TokenKind.Word && !T[after].SpaceBefore
                && !_lex.Scales.ContainsKey(T[after].Lower) && !_lex.Units.ContainsKey(T[after].Lower) && !_lex.Currencies.ContainsKey(T[after].Lower))
            {
                return false;
            }

            if (after < T.Count && T[after].Kind == TokenKind.Word && T[after].Lower is "dozen" or "dozens")
            {
                value *= 12; // "3 dozens"
                after++;
            }

            var isYearShape = t.Digits == 4 && value is >= 1900 and <= 2100 && !raw.Contains(',');
            if (TryScale(T, after, out var scale, out var afterScale))
            {
                value *= scale;
                after = afterScale;
            }
            else if (isYearShape)
            {
                kind = NumberKind.Year;
            }

            return true;
        }

        if (t.Kind != TokenKind.Word)
        {
            return false;
        }

        // Vague amounts: "dozens", "hundreds of", "tens of thousands"
        if (_lex.Vague.TryMatch(text, T, k, out var vague, out var afterVague))
        {
            value = vague;
            kind = NumberKind.Vague;
            after = afterVague;
            return true;
        }

        // Fractions: "three-quarters", "half", "a third"
        if (_lex.Fractions.TryMatch(text, T, k, out var fraction, out var afterFraction) && !(t.Lower == "half" && IsWord(T, afterFraction, "of") is false && T.Count > afterFraction && T[afterFraction].Kind == TokenKind.Word && _lex.Units.ContainsKey(T[afterFraction].Lower) is false && T[afterFraction].Lower != "a"))
        {
            value = fraction;
            after = afterFraction;
            if (TryScale(T, after, out var fs, out var afterFs))
            {
                value *= fs;
                after = afterFs;
            }

            return true;
        }

        // Ordinal words: "first", "25th" handled above
        if (_lex.Ordinals.TryGetValue(t.Lower, out var ordinal) && !_lex.NumberWords.ContainsKey(t.Lower))
        {
            value = ordinal;
            kind = NumberKind.Ordinal;
            after = k + 1;
            return true;
        }

        // "a dozen", "a million"
        if (t.Lower is "a" or "an" && k + 1 < T.Count && (T[k + 1].Lower == "dozen" || _lex.Scales.ContainsKey(T[k + 1].Lower)) && T[k + 1].Lower is not ("m" or "b" or "k" or "bn" or "mn" or "tn"))
        {
            value = T[k + 1].Lower == "dozen" ? 12 : _lex.Scales[T[k + 1].Lower];
            after = k + 2;
            if (TryScale(T, after, out var s2, out var afterS2))
            {
                value *= s2;
                after = afterS2;
            }

            return true;
        }

        // "hundred thousand dollars": a scale word opening the number
        if (t.Lower is "hundred" or "thousand" && !t.Capitalized && k + 1 < T.Count)
        {
            value = t.Lower == "hundred" ? 100 : 1000;
            after = k + 1;
            if (TryScale(T, after, out var s0, out var afterS0))
            {
                value *= s0;
                after = afterS0;
            }

            return true;
        }

        if (!_lex.NumberWords.TryGetValue(t.Lower, out var word) || word < 1 || t.Lower is "quarter" or "third" or "half")
        {
            return false;
        }

        // "two hundred and five", "forty-eight", "twenty five", "fifteen"
        value = word;
        after = k + 1;
        if (word is >= 20 and < 100 && word % 10 == 0)
        {
            var m = IsDash(T, after) && !T[after].SpaceBefore ? after + 1 : after;
            if (m < T.Count && _lex.NumberWords.TryGetValue(T[m].Lower, out var ones) && ones is >= 1 and <= 9)
            {
                value += ones;
                after = m + 1;
            }
        }

        if (IsWord(T, after, "hundred"))
        {
            value *= 100;
            after++;
            var m = IsWord(T, after, "and") ? after + 1 : after;
            if (m < T.Count && _lex.NumberWords.TryGetValue(T[m].Lower, out var rest) && rest is >= 1 and < 100)
            {
                value += rest;
                after = m + 1;
                if (rest is >= 20 and < 100 && rest % 10 == 0)
                {
                    var o = IsDash(T, after) && !T[after].SpaceBefore ? after + 1 : after;
                    if (o < T.Count && _lex.NumberWords.TryGetValue(T[o].Lower, out var ones2) && ones2 is >= 1 and <= 9)
                    {
                        value += ones2;
                        after = o + 1;
                    }
                }
            }
        }

        // "two thirds", "three quarters"
        if (after < T.Count && T[after].Kind == TokenKind.Word && _lex.FractionDenominators.TryGetValue(T[after].Lower, out var denominator) && value < denominator * 10)
        {
            value = Math.Round(value / denominator, 10);
            after++;
            return true;
        }

        if (TryScale(T, after, out var scale2, out var afterScale2))
        {
            value *= scale2;
            after = afterScale2;
        }

        while (TryScale(T, after, out var more, out var afterMore))
        {
            value *= more; // "hundred thousand"
            after = afterMore;
        }

        return true;
    }

    /// <summary>Numbers that name or identify something: "Eternity-2021", "F-16", "Article 214-1", "+994 12 345", "10:30".</summary>
    private static bool IsIdentifierNumber(List<Token> T, int k)
    {
        var t = T[k];
        if (k > 0)
        {
            var prev = T[k - 1];
            if (!t.SpaceBefore && prev.Kind == TokenKind.Word)
            {
                return true; // "G20", "A320"
            }

            if (prev.Kind == TokenKind.Punct && (prev.Value is '+' or '#' or '№' or ':' or '/' || (prev.Value == '.' && !t.SpaceBefore)))
            {
                return true;
            }

            if (IsDash(T, k - 1) && k >= 2)
            {
                var before = T[k - 2];
                if (!t.SpaceBefore && !prev.SpaceBefore && before.Kind == TokenKind.Word)
                {
                    return true; // "Eternity-2021", "F-16"
                }

                if (!t.SpaceBefore && !prev.SpaceBefore && before.Kind == TokenKind.Number && k >= 3 && T[k - 3].Kind == TokenKind.Word
                    && T[k - 3].Lower is "article" or "law" or "resolution" or "no" or "number")
                {
                    return true; // "Article 214-1"
                }

                if (t.Digits == 4 && t.Value is >= 1900 and <= 2100 && before.Kind == TokenKind.Word && before.Capitalized)
                {
                    return true; // "Agile Spirit - 2021"
                }
            }

            if (prev.Kind == TokenKind.Word && prev.Lower is "article" or "no" or "law" or "resolution" or "decree" or "item" or "paragraph" or "section"
                or "chapter" or "flight" or "route" or "number" or "code" or "case" or "room" or "page" or "part" or "point" or "highway" or "protocol")
            {
                return true;
            }

            if (prev.Kind == TokenKind.Number && t.SpaceBefore && t.Digits <= 4)
            {
                return true; // phone numbers written in groups
            }
        }

        if (k + 1 < T.Count)
        {
            var next = T[k + 1];
            if (next.Kind == TokenKind.Punct && next.Value == ':' && k + 2 < T.Count && T[k + 2].Kind == TokenKind.Number && !T[k + 2].SpaceBefore)
            {
                return true; // a clock time
            }

            if (next.Kind == TokenKind.Number && next.SpaceBefore && t.Digits <= 4 && next.Digits <= 4)
            {
                return true;
            }

            if (IsDash(T, k + 1) && !next.SpaceBefore && k + 2 < T.Count && T[k + 2].Kind == TokenKind.Number && !T[k + 2].SpaceBefore
                && k > 0 && T[k - 1].Kind == TokenKind.Word && T[k - 1].Lower is "article" or "law" or "resolution" or "no")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The noun phrase a number counts: up to four words, through "and" + a plural ("members and partners").</summary>
    private bool TryCounted(string text, List<Token> T, List<SourceSpan> taken, int k, out int end, out string? head)
    {
        end = k;
        head = null;
        var words = 0;
        while (end < T.Count && words < MaxCountedWords)
        {
            var t = T[end];
            if (t.Kind != TokenKind.Word || t.Lower.Length == 0 || _lex.StopWords.Contains(t.Lower) || _lex.NumberWords.ContainsKey(t.Lower)
                || Inside(taken, t) || (words > 0 && t.Capitalized && LineBreakBefore(text, t)))
            {
                // hyphenated compounds continue the phrase: "high-ranking officials"
                if (IsDash(T, end) && !t.SpaceBefore && end + 1 < T.Count && !T[end + 1].SpaceBefore && T[end + 1].Kind == TokenKind.Word && words > 0)
                {
                    end += 2;
                    continue;
                }

                break;
            }

            if (words > 0 && t.Capitalized && !T[end - 1].Capitalized && Plural(T[end - 1].Lower))
            {
                break; // "troops Azerbaijan": a new name after the noun
            }

            words++;
            end++;
            if (Plural(t.Lower) && !(end < T.Count && T[end].Kind == TokenKind.Word && !_lex.StopWords.Contains(T[end].Lower) && !T[end].Capitalized && Plural(T[end].Lower)))
            {
                break; // the head noun ends the phrase unless another noun follows
            }
        }

        if (words == 0)
        {
            return false;
        }

        // "members and partners"
        if (IsWord(T, end, "and") && end + 1 < T.Count && T[end + 1].Kind == TokenKind.Word && Plural(T[end + 1].Lower) && !T[end + 1].Capitalized
            && (end + 2 >= T.Count || T[end + 2].Kind == TokenKind.Punct || _lex.StopWords.Contains(T[end + 2].Lower)))
        {
            end += 2; // "members and partners –", but not "bags and sales standing"
        }

        for (var m = k; m < end; m++)
        {
            if (T[m].Kind == TokenKind.Word && Plural(T[m].Lower) && !T[m].Capitalized)
            {
                head = T[m].Lower;
                break;
            }
        }

        if (head is null)
        {
            return false; // a counted thing is a plural noun ("troops", "people"); "12 dead" or "6.2 mln there" is not
        }

        return true;
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

    private static bool Plural(string w) => w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal)
        || w is "people" or "children" or "men" or "women" or "police" or "staff" or "personnel" or "cattle" or "sheep" or "fish" or "aircraft";

    /// <summary>
    /// The list right after a count, opened by a dash, colon or parenthesis: capitalised items separated by commas,
    /// the last joined by "and", closed by the matching dash or parenthesis or the end of the sentence.
    /// </summary>
    private static bool TryList(string text, List<Token> T, int k, out ImmutableArray<QuantityPart> members)
    {
        members = [];
        if (k >= T.Count || !(IsDash(T, k) || (T[k].Kind == TokenKind.Punct && T[k].Value is ':' or '(')))
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
            var isAnd = t.Kind == TokenKind.Word && t.Lower is "and" or "&";
            var isEnd = (t.Kind == TokenKind.Punct && (t.Value == closer || (closer == '\0' && (IsDash(T, m) && t.SpaceBefore || t.Value is '.' && (m + 1 >= T.Count || T[m + 1].SpaceBefore) || t.Value is ')'))))
;
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
                // An item starts with a capital ("Georgia") or "the" + capital ("the U.S").
                if (t.Kind == TokenKind.Word && t.Lower == "the" && m + 1 < T.Count && T[m + 1].Capitalized)
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

    private static bool IsWord(List<Token> T, int i, string lower) => TokenQueries.IsWord(T, i, lower);

    private static bool IsDash(List<Token> T, int i) => TokenQueries.IsDash(T, i);
}
