using NewsParsing.Text;
namespace NewsParsing.Quantities;

/// <summary>How a number written in digits reads a comma followed by one or two digits.</summary>
internal enum DecimalMark
{
    /// <summary>English text: a comma before three digits groups thousands (155,221); a comma before one or two digits that
    /// end the number is a decimal comma ("5,7" is 5.7), never a thousands separator.</summary>
    Auto,

    /// <summary>A comma only groups thousands; "5,7" is not a number.</summary>
    Point,

    /// <summary>A comma is the decimal mark and dots or spaces group thousands (1.234,5).</summary>
    Comma,
}

/// <summary>What a number written in digits looked like.</summary>
[Flags]
internal enum DigitShape : ushort
{
    None = 0,

    /// <summary>Thousands were grouped (155,221; 25 000; 1'000).</summary>
    Grouped = 1,

    /// <summary>It has a decimal part.</summary>
    Decimal = 2,

    /// <summary>Scientific notation (3e8, 1.6×10−19) or a power (2^20).</summary>
    Scientific = 4,

    /// <summary>A fraction (3/8, ¼) or a mixed number (3 1/2, 79-1/4).</summary>
    Fraction = 8,

    /// <summary>The decimal mark was a comma.</summary>
    DecimalComma = 16,
}

/// <summary>
/// Reads a number written in digits straight from the text, past the token boundaries that split it (the tokenizer cuts
/// "3e8", "1.6×10−19", "25 000" and "3 1/2" into several tokens): digit groups with commas, spaces, thin and no-break
/// spaces and apostrophes; a decimal point or comma; scientific notation and powers; fractions, mixed numbers and Unicode
/// vulgar fractions. The sign is the scanner's (it depends on the tokens before). No allocation: the digits go through a
/// stack buffer into <see cref="decimal.TryParse(ReadOnlySpan{char}, System.Globalization.NumberStyles, IFormatProvider, out decimal)"/>.
/// <para>
/// A number that <see cref="decimal"/> cannot hold — more than 28 integer digits (leading zeros aside), an exponent or a
/// power past about 10^±28 ("1e400", "10^400", "2^2000", "1.6×10−40") — is not read either, but says so
/// (<c>outOfRange</c>, with <c>stop</c> after all of it) so that the scanner reports it (NP0018) instead of dropping it
/// silently or reading a part of it as a smaller number.
/// </para>
/// </summary>
internal static class NumberReader
{
    private const int MaxDigits = 28;
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>Reads the number that starts at <paramref name="pos"/> (a digit, a '.' before a digit, or a vulgar fraction).</summary>
    public static bool Read(string text, int pos, int end, QuantityLexicon lex, DecimalMark mark, out decimal value, out int stop, out DigitShape shape, out bool outOfRange)
    {
        value = 0;
        outOfRange = false;
        stop = pos;
        shape = DigitShape.None;
        var s = text.AsSpan(0, end);
        if (pos >= end)
        {
            return false;
        }

        if (lex.VulgarFractions.TryGetValue(s[pos], out var vulgar))
        {
            value = vulgar;
            stop = pos + 1;
            shape = DigitShape.Fraction;
            return true;
        }

        Span<char> buf = stackalloc char[MaxDigits + 2];
        var n = 0;
        var i = pos;
        var intDigits = 0;
        var groupSep = '\0';
        if (s[i] == '.')
        {
            if (i + 1 >= end || !char.IsAsciiDigit(s[i + 1]))
            {
                return false;
            }

            buf[n++] = '0';
        }
        else
        {
            while (i < end && char.IsAsciiDigit(s[i]))
            {
                if (n == 1 && buf[0] == '0')
                {
                    n = 0; // a leading zero takes no place ("000…0001" is 1)
                }

                if (n >= MaxDigits)
                {
                    return Beyond(s, i, end, out stop, out outOfRange);
                }

                buf[n++] = s[i++];
            }

            intDigits = i - pos;
            if (intDigits == 0)
            {
                return false;
            }

            var tooLong = false;
            i = ReadGroups(s, i, end, lex, mark, buf, ref n, intDigits, out groupSep, ref tooLong);
            if (tooLong)
            {
                return Beyond(s, i, end, out stop, out outOfRange);
            }

            if (groupSep != '\0')
            {
                shape |= DigitShape.Grouped;
            }
        }

        // The decimal part: a point, or a comma where the grouping or the mark says so.
        var decimalMark = groupSep == '.' ? ',' : groupSep == ',' ? '.' : '\0';
        if (i + 1 < end && char.IsAsciiDigit(s[i + 1]) && (s[i] == '.' && decimalMark != ',' || s[i] == ',' && IsDecimalComma(s, i, end, groupSep, mark)))
        {
            if (s[i] == ',')
            {
                shape |= DigitShape.DecimalComma;
            }

            buf[n++] = '.';
            i++;
            while (i < end && char.IsAsciiDigit(s[i]))
            {
                if (n < MaxDigits + 1)
                {
                    buf[n++] = s[i];
                }

                i++;
            }

            shape |= DigitShape.Decimal;
        }

        if (!decimal.TryParse(buf[..n], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out value))
        {
            return Beyond(s, i, end, out stop, out outOfRange);
        }

        var isInteger = (shape & (DigitShape.Decimal | DigitShape.Grouped)) == 0 && s[pos] != '.';

        // 3e8, -2e-4, 12.32e+14
        if (i + 1 < end && s[i] is 'e' or 'E' && TryExponent(s, i + 1, end, out var e, out var afterE) && (afterE >= end || !char.IsLetterOrDigit(s[afterE])))
        {
            if (!Scale(ref value, e))
            {
                return Refuse(afterE, out stop, out outOfRange);
            }

            i = afterE;
            shape |= DigitShape.Scientific;
        }
        else if (TryTimesPower(s, i, end, lex, out var baseValue, out var power, out var afterTimes))
        {
            // 1.6×10−19, 1.3x10^6, 4x2^20
            if (!Power(baseValue, power, out var factor) || !Multiply(ref value, factor))
            {
                return Refuse(afterTimes, out stop, out outOfRange);
            }

            i = afterTimes;
            shape |= DigitShape.Scientific;
        }
        else if (i + 1 < end && lex.PowerSigns.Contains(s[i]) && TryExponent(s, i + 1, end, out var p, out var afterP))
        {
            // 2^20, 2.5^-1
            if (!Power(value, p, out value))
            {
                return Refuse(afterP, out stop, out outOfRange);
            }

            i = afterP;
            shape |= DigitShape.Scientific;
        }
        else if (isInteger && value < 1000 && TryMixed(text, i, end, lex, out var fraction, out var afterMixed))
        {
            value += fraction;
            i = afterMixed;
            shape |= DigitShape.Fraction;
        }
        else if (isInteger && i + 1 < end && lex.FractionSlashes.Contains(s[i]) && char.IsAsciiDigit(s[i + 1]))
        {
            // 3/8, 1/4; not a date (5/17/2018) nor a fixed phrase (24/7)
            var j = i + 1;
            var den = 0m;
            while (j < end && char.IsAsciiDigit(s[j]) && j - i <= 6)
            {
                den = (den * 10) + (s[j] - '0');
                j++;
            }

            if (den == 0 || (j < end && (lex.FractionSlashes.Contains(s[j]) || char.IsAsciiDigit(s[j]))) || IsNotFraction(s[pos..j], lex))
            {
                stop = i;
                return true;
            }

            value /= den;
            i = j;
            shape |= DigitShape.Fraction;
        }

        stop = i;
        return true;
    }

    /// <summary>A number beyond <see cref="decimal"/>: false, with <paramref name="stop"/> after the rest of its digits,
    /// groups and decimals (as the tokenizer keeps them together: "1,000,000…" and "123…789.5").</summary>
    private static bool Beyond(ReadOnlySpan<char> s, int i, int end, out int stop, out bool outOfRange)
    {
        while (i < end && (char.IsAsciiDigit(s[i]) || (s[i] is ',' or '.' && i + 1 < end && char.IsAsciiDigit(s[i + 1]))))
        {
            i++;
        }

        return Refuse(i, out stop, out outOfRange);
    }

    private static bool Refuse(int after, out int stop, out bool outOfRange)
    {
        stop = after;
        outOfRange = true;
        return false;
    }

    /// <summary>Thousands groups after the first digits; returns the position after them and the separator used.
    /// <paramref name="tooLong"/>: a group that would take the number past <see cref="MaxDigits"/> follows.</summary>
    private static int ReadGroups(ReadOnlySpan<char> s, int i, int end, QuantityLexicon lex, DecimalMark mark, Span<char> buf, ref int n, int first, out char sep, ref bool tooLong)
    {
        sep = '\0';
        if (first > 3)
        {
            return i;
        }

        // Indian grouping: 12,34,567 (pairs after the first group, three digits last).
        if (i < end && s[i] == ',' && Tokenizer.IsDigits(s, i + 1, 2, end) && i + 3 < end && s[i + 3] == ',')
        {
            var j = i;
            while (j < end && s[j] == ',' && Tokenizer.IsDigits(s, j + 1, 2, end) && j + 3 < end && s[j + 3] == ',')
            {
                j += 3;
            }

            if (Tokenizer.IsDigits(s, j + 1, 3, end) && !(j + 4 < end && char.IsAsciiDigit(s[j + 4])) && n + ((j - i) / 3 * 2) + 3 > MaxDigits)
            {
                tooLong = true;
                return j + 4;
            }

            if (Tokenizer.IsDigits(s, j + 1, 3, end) && !(j + 4 < end && char.IsAsciiDigit(s[j + 4])))
            {
                for (var k = i; k < j + 4; k++)
                {
                    if (char.IsAsciiDigit(s[k]))
                    {
                        buf[n++] = s[k];
                    }
                }

                sep = ',';
                return j + 4;
            }

            return i;
        }

        while (i < end)
        {
            var c = s[i];
            var ok = (sep == '\0' || sep == c) && Tokenizer.IsDigits(s, i + 1, 3, end) && !(i + 4 < end && char.IsAsciiDigit(s[i + 4]));
            if (!ok)
            {
                break;
            }

            if (c == '.')
            {
                // 1.234.567 or 1.234,5: dots group only when a second group or a decimal comma follows, never in English-only mode.
                if (mark == DecimalMark.Point || !(i + 4 < end && (s[i + 4] == '.' && Tokenizer.IsDigits(s, i + 5, 3, end) || s[i + 4] == ',' && Tokenizer.IsDigits(s, i + 5, 1, end)) || sep == '.'))
                {
                    break;
                }
            }
            else if (!lex.GroupSeparators.Contains(c))
            {
                break;
            }
            else if (char.IsWhiteSpace(c))
            {
                // 25 000 and 1 234 567, but not a phone number (+994 12 345 67 89) nor "3 100-metre races".
                if (i + 4 < end && (s[i + 4] == '-' || s[i + 4] == '/' || (char.IsWhiteSpace(s[i + 4]) && i + 5 < end && char.IsAsciiDigit(s[i + 5]) && !Tokenizer.IsDigits(s, i + 5, 3, end))))
                {
                    break;
                }
            }
            else if (c == ',' && mark == DecimalMark.Comma)
            {
                break;
            }

            if (n + 3 > MaxDigits)
            {
                // the group and those after it, separated alike ("1 000 000 … 000" over several tokens)
                tooLong = true;
                while (i < end && s[i] == c && Tokenizer.IsDigits(s, i + 1, 3, end) && !(i + 4 < end && char.IsAsciiDigit(s[i + 4])))
                {
                    i += 4;
                }

                break;
            }

            buf[n++] = s[i + 1];
            buf[n++] = s[i + 2];
            buf[n++] = s[i + 3];
            sep = c;
            i += 4;
        }

        return i;
    }

    /// <summary>"5,7" and "1,3": a comma before one or two digits that end the number (not a list: 22,24,26).</summary>
    private static bool IsDecimalComma(ReadOnlySpan<char> s, int i, int end, char groupSep, DecimalMark mark)
    {
        if (groupSep == ',' || mark == DecimalMark.Point)
        {
            return false;
        }

        if (mark == DecimalMark.Comma || groupSep is '.' or ' ' or '\u00A0' or '\u2009' or '\u202F' or '\'' or '’')
        {
            return true;
        }

        var j = i + 1;
        while (j < end && char.IsAsciiDigit(s[j]))
        {
            j++;
        }

        return j - i - 1 is 1 or 2 && !(j + 1 < end && s[j] == ',' && char.IsAsciiDigit(s[j + 1]));
    }

    /// <summary>An exponent: an optional sign (+, -, −) and digits, or superscript digits after an optional ⁻.</summary>
    private static bool TryExponent(ReadOnlySpan<char> s, int i, int end, out int exponent, out int after)
    {
        exponent = 0;
        after = i;
        var negative = false;
        var superscript = false;
        if (i < end && s[i] is '+' or '-' or '−')
        {
            negative = s[i] != '+';
            i++;
        }
        else if (i < end && s[i] is '⁻' or '⁺')
        {
            negative = s[i] == '⁻';
            superscript = true;
            i++;
        }

        superscript |= i < end && Superscripts.Contains(s[i]);
        var start = i;
        while (i < end)
        {
            var d = superscript ? Superscripts.IndexOf(s[i]) : char.IsAsciiDigit(s[i]) ? s[i] - '0' : -1;
            if (d < 0)
            {
                break;
            }

            exponent = Math.Min((exponent * 10) + d, 100_000); // saturates: past ±28 every exponent is out of range
            i++;
        }

        if (i == start)
        {
            return false;
        }

        exponent = negative ? -exponent : exponent;
        after = i;
        return true;
    }

    /// <summary>"×10−19", "x10^6", "×10⁻¹⁹", "x2^20": a multiplication by a power. A base other than 10 needs a '^'.</summary>
    private static bool TryTimesPower(ReadOnlySpan<char> s, int i, int end, QuantityLexicon lex, out decimal baseValue, out int power, out int after)
    {
        baseValue = 0;
        power = 0;
        after = i;
        var j = i;
        var spaced = j < end && s[j] == ' ';
        if (spaced)
        {
            j++;
        }

        if (j >= end || !lex.MultiplicationSigns.Contains(s[j]) || (spaced && s[j] is 'x' or 'X'))
        {
            return false;
        }

        j++;
        if (spaced)
        {
            if (j >= end || s[j] != ' ')
            {
                return false;
            }

            j++;
        }

        var baseStart = j;
        while (j < end && char.IsAsciiDigit(s[j]) && j - baseStart < 3)
        {
            baseValue = (baseValue * 10) + (s[j] - '0');
            j++;
        }

        if (j == baseStart || (j < end && char.IsAsciiDigit(s[j])))
        {
            return false;
        }

        if (j < end && lex.PowerSigns.Contains(s[j]) && TryExponent(s, j + 1, end, out power, out after))
        {
            return true;
        }

        // Without a caret only ten takes an exponent, glued: 10−19, 10⁻¹⁹, 10-4.
        return baseValue == 10 && j < end && (s[j] is '-' or '−' or '⁻' || Superscripts.Contains(s[j])) && TryExponent(s, j, end, out power, out after)
            && (after >= end || !char.IsLetterOrDigit(s[after]));
    }

    /// <summary>"3 1/2", "2  1/4", "79-1/4", "3½": the fraction after a whole number.</summary>
    private static bool TryMixed(string text, int i, int end, QuantityLexicon lex, out decimal fraction, out int after)
    {
        fraction = 0;
        after = i;
        var s = text.AsSpan(0, end);
        if (i < end && lex.VulgarFractions.TryGetValue(s[i], out fraction))
        {
            after = i + 1;
            return true;
        }

        var j = i;
        if (j < end && s[j] is '-' or '‐')
        {
            j++;
        }
        else
        {
            while (j < end && s[j] == ' ' && j - i < 2)
            {
                j++;
            }

            if (j < end && j > i && lex.VulgarFractions.TryGetValue(s[j], out fraction))
            {
                after = j + 1;
                return true;
            }
        }

        if (j == i)
        {
            return false;
        }

        var numStart = j;
        decimal num = 0, den = 0;
        while (j < end && char.IsAsciiDigit(s[j]) && j - numStart < 3)
        {
            num = (num * 10) + (s[j] - '0');
            j++;
        }

        if (j == numStart || j >= end || !lex.FractionSlashes.Contains(s[j]))
        {
            return false;
        }

        j++;
        var denStart = j;
        while (j < end && char.IsAsciiDigit(s[j]) && j - denStart < 4)
        {
            den = (den * 10) + (s[j] - '0');
            j++;
        }

        if (j == denStart || den <= num || den < 2 || (j < end && (char.IsLetterOrDigit(s[j]) || lex.FractionSlashes.Contains(s[j]))))
        {
            return false;
        }

        fraction = num / den;
        after = j;
        return true;
    }

    private static bool IsNotFraction(ReadOnlySpan<char> s, QuantityLexicon lex)
    {
        foreach (var f in lex.NotFractions)
        {
            if (s.SequenceEqual(f))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>value × 10^e, or false when it leaves <see cref="decimal"/>'s range.</summary>
    private static bool Scale(ref decimal value, int e)
    {
        if (value == 0)
        {
            return true;
        }

        var magnitude = Math.Log10((double)Math.Abs(value)) + e;
        if (magnitude > 28 || magnitude < -27 || e is > 56 or < -56)
        {
            return false;
        }

        var factor = 1m;
        for (var k = 0; k < Math.Abs(e); k++)
        {
            factor *= 10;
            if (factor > 1e27m)
            {
                // split the work so the factor stays in range
                value = e > 0 ? value * factor : value / factor;
                factor = 1;
            }
        }

        value = e > 0 ? value * factor : value / factor;
        return true;
    }

    private static bool Power(decimal b, int p, out decimal result)
    {
        result = 0;
        if (b == 0)
        {
            return p > 0;
        }

        var magnitude = Math.Log10((double)Math.Abs(b)) * p;
        if (magnitude > 28 || magnitude < -27 || p is > 96 or < -96)
        {
            return false;
        }

        result = 1;
        for (var k = 0; k < Math.Abs(p); k++)
        {
            result *= b;
        }

        if (p < 0)
        {
            result = 1 / result;
        }

        return true;
    }

    private static bool Multiply(ref decimal value, decimal factor)
    {
        if (value == 0 || factor == 0)
        {
            value = 0;
            return true;
        }

        var magnitude = Math.Log10((double)Math.Abs(value)) + Math.Log10((double)Math.Abs(factor));
        if (magnitude > 28 || magnitude < -27)
        {
            return false;
        }

        value *= factor;
        return true;
    }
}
