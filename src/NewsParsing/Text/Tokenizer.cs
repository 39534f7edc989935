namespace NewsParsing.Text;

/// <summary>The kinds of token the temporal scanner sees.</summary>
internal enum TokenKind : byte
{
    Word,
    Number,
    IsoDate,
    DottedDate,
    Punct,
}

/// <summary>
/// A token of a region: absolute offsets, its kind, its numeric value for numbers, and its lower-cased text for words
/// (words only: short, and needed for the lexicon's lookups). <see cref="SpaceBefore"/> tells whether white space
/// separates it from the previous token ("Eternity-2021" has none before "2021").
/// </summary>
internal struct Token
{
    public int Start;
    public int End;
    public TokenKind Kind;
    public bool SpaceBefore;
    public bool Capitalized;
    public int Digits;
    public long Value;
    public string Lower;
    public WordFlags Flags;
}

/// <summary>Questions about tokens that the temporal and quantity scanners share.</summary>
internal static class TokenQueries
{
    /// <summary>Whether token <paramref name="i"/> is the word <paramref name="lower"/> (lower-case).</summary>
    public static bool IsWord(List<Token> tokens, int i, string lower) =>
        i < tokens.Count && tokens[i].Kind == TokenKind.Word && string.Equals(tokens[i].Lower, lower, StringComparison.Ordinal);

    /// <summary>Whether token <paramref name="i"/> is a dash inside a sentence.</summary>
    public static bool IsDash(List<Token> tokens, int i) =>
        i < tokens.Count && tokens[i].Kind == TokenKind.Punct && CharClasses.InlineDashes.Contains((char)tokens[i].Value);
}

/// <summary>Splits a region into the tokens the temporal and quantity scanners read: words (lower-cased through the
/// pipeline's <see cref="WordCache"/>), numbers with their value, ISO and dotted dates, and single punctuation marks.</summary>
internal static class Tokenizer
{
    private const int MaxWordLength = 24;

    /// <summary>Tokenizes <c>text[start..end)</c> into <paramref name="tokens"/> (cleared first), interning words through
    /// <paramref name="workspace"/> (or not at all, when it is <see langword="null"/>: lexicon phrases at build time).</summary>
    public static void Tokenize(string text, int start, int end, List<Token> tokens, ParseWorkspace? workspace)
    {
        tokens.Clear();
        var s = text.AsSpan();
        var i = start;
        var space = true;
        while (i < end)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                i++;
                continue;
            }

            var t = new Token { Start = i, SpaceBefore = space, Lower = "" };
            space = false;
            if (char.IsAsciiDigit(c))
            {
                var j = i;
                long value = 0;
                var digits = 0;
                while (j < end && char.IsAsciiDigit(s[j]))
                {
                    if (digits < 18)
                    {
                        value = (value * 10) + (s[j] - '0');
                    }

                    digits++;
                    j++;
                }

                // 2021-10-05 and 05.10.2021 / 02.10.20 are single tokens: the dashes and dots belong to the date.
                if (digits == 4 && j + 5 <= end && s[j] == '-' && IsDigits(s, j + 1, 2, end) && j + 3 < end && s[j + 3] == '-' && IsDigits(s, j + 4, 2, end)
                    && (j + 6 >= end || !char.IsAsciiDigit(s[j + 6])))
                {
                    t.Kind = TokenKind.IsoDate;
                    t.End = j + 6;
                }
                else if (digits is 1 or 2 && j < end && s[j] == '.' && IsDigits(s, j + 1, 2, end) && j + 3 < end && s[j + 3] == '.'
                    && (IsDigits(s, j + 4, 4, end) || IsDigits(s, j + 4, 2, end)))
                {
                    var yearDigits = IsDigits(s, j + 4, 4, end) ? 4 : 2;
                    var after = j + 4 + yearDigits;
                    if (after >= end || !char.IsAsciiDigit(s[after]))
                    {
                        t.Kind = TokenKind.DottedDate;
                        t.End = after;
                    }
                }

                if (t.End == 0)
                {
                    // Thousands separators and decimals stay inside the number: "155,221" is not "155" and "221".
                    while (j + 1 < end && (s[j] == ',' || s[j] == '.') && char.IsAsciiDigit(s[j + 1]))
                    {
                        j++;
                        digits = 99;
                        while (j < end && char.IsAsciiDigit(s[j]))
                        {
                            j++;
                        }
                    }

                    t.Kind = TokenKind.Number;
                    t.End = j;
                    t.Digits = digits;
                    t.Value = value;
                }
            }
            else if (char.IsLetter(c))
            {
                var j = i + 1;
                while (j < end && (char.IsLetter(s[j]) || ((s[j] == '\'' || s[j] == '’') && j + 1 < end && char.IsLetter(s[j + 1]) && j + 2 <= end && !IsPossessive(s, j, end))))
                {
                    j++;
                }

                t.Kind = TokenKind.Word;
                t.End = j;
                t.Capitalized = char.IsUpper(c);
                if (j - i <= MaxWordLength)
                {
                    var word = Lower(s[i..j], workspace);
                    t.Lower = word.Lower;
                    t.Flags = word.Flags;
                }
            }
            else
            {
                t.Kind = TokenKind.Punct;
                t.End = i + 1;
                t.Value = c;
            }

            tokens.Add(t);
            i = t.End;
        }
    }

    private static bool IsPossessive(ReadOnlySpan<char> s, int j, int end) =>
        (s[j + 1] == 's' || s[j + 1] == 'S') && (j + 2 >= end || !char.IsLetter(s[j + 2]));

    /// <summary>Whether <paramref name="count"/> ASCII digits stand at <paramref name="start"/>, before <paramref name="end"/>.</summary>
    internal static bool IsDigits(ReadOnlySpan<char> s, int start, int count, int end)
    {
        if (start + count > end)
        {
            return false;
        }

        for (var k = start; k < start + count; k++)
        {
            if (!char.IsAsciiDigit(s[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The lower-cased word; common words come from a cache so most tokens allocate nothing.</summary>
    private static WordInfo Lower(ReadOnlySpan<char> word, ParseWorkspace? workspace)
    {
        Span<char> buffer = stackalloc char[word.Length];
        word.ToLowerInvariant(buffer);
        return workspace is null ? WordCache.Uncached(buffer) : workspace.Word(buffer);
    }
}
