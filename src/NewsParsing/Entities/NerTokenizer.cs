namespace NewsParsing.Entities;

/// <summary>A token for the entity tagger: offsets into the text.</summary>
internal readonly record struct NerToken(int Start, int End);

/// <summary>
/// Splits text into CoNLL-style tokens: words (with inner hyphens, apostrophes and abbreviation periods: <c>U.S.</c>,
/// <c>Eternity-2021</c>, <c>al-Assad</c>), numbers with separators, a possessive <c>’s</c> on its own, and single
/// punctuation marks.
/// </summary>
internal static class NerTokenizer
{
    public static void Tokenize(string text, int start, int end, List<NerToken> tokens)
    {
        var s = text.AsSpan();
        var i = start;
        while (i < end)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var j = i + 1;
                while (j < end)
                {
                    var d = s[j];
                    if (char.IsLetterOrDigit(d))
                    {
                        j++;
                    }
                    else if ((d == '-' || d == '.' || d == ',' || d == '&') && j + 1 < end && char.IsLetterOrDigit(s[j + 1])
                        && (d != ',' || (char.IsDigit(s[j - 1]) && char.IsDigit(s[j + 1]))))
                    {
                        j++;
                    }
                    else if ((d == '\'' || d == '’') && j + 1 < end && char.IsLetter(s[j + 1]) && !IsPossessive(s, j, end))
                    {
                        j++; // O'Neill, don't
                    }
                    else
                    {
                        break;
                    }
                }

                // Abbreviations keep their final period: "U.S.", "Z.", "Corp." when the word has an inner period or is one capital.
                if (j < end && s[j] == '.' && (s[i..j].Contains('.') || (j - i == 1 && char.IsUpper(c))))
                {
                    j++;
                }

                tokens.Add(new NerToken(i, j));
                i = j;
                continue;
            }

            if ((c == '\'' || c == '’') && IsPossessive(s, i, end))
            {
                tokens.Add(new NerToken(i, i + 2));
                i += 2;
                continue;
            }

            tokens.Add(new NerToken(i, i + 1));
            i++;
        }
    }

    private static bool IsPossessive(ReadOnlySpan<char> s, int j, int end) =>
        j + 1 < end && (s[j + 1] == 's' || s[j + 1] == 'S') && (j + 2 >= end || !char.IsLetterOrDigit(s[j + 2]));
}
