using System.Collections.Frozen;
using System.Text.Json;

namespace NewsParsing.Text;

/// <summary>
/// English month names and abbreviations from the embedded <c>months.data.json</c>, matched without allocating.
/// </summary>
internal static class Months
{
    private static readonly (string Name, string[] Abbreviations)[] Table = Load();

    // Every name and abbreviation, case-insensitive; the first month in table order wins a shared spelling.
    private static readonly FrozenDictionary<string, int> Words = BuildWords();
#if NET9_0_OR_GREATER
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WordLookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
#endif

    /// <summary>Every month name and abbreviation of the data, as written there.</summary>
    public static IEnumerable<string> AllSpellings => Table.SelectMany(m => m.Abbreviations.Prepend(m.Name));

    /// <summary>The full English name of month <paramref name="month"/> (1–12).</summary>
    public static string Name(int month) => Table[month - 1].Name;

    /// <summary>
    /// Matches a word that names a month: a full name or an agency abbreviation, case-insensitively
    /// (<c>March</c>, <c>MARCH</c>, <c>Sept</c>, <c>feb</c>). Returns the month number or 0.
    /// </summary>
    /// <param name="word">The letters of one word, without a trailing period.</param>
    public static int Match(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || word.Length > 9)
        {
            return 0;
        }

#if NET9_0_OR_GREATER
        return WordLookup.TryGetValue(word, out var month) ? month : 0;
#else
        return Words.TryGetValue(word.ToString(), out var month) ? month : 0;
#endif
    }

    /// <summary>
    /// Like <see cref="Match"/>, but also accepts the typing errors of 1980s wire copy where a day number follows
    /// (<c>Narch</c>, <c>Mach</c>, <c>Marc</c>, <c>MArch</c>): a prefix of at least three letters of a month name,
    /// or a word of four or more letters one edit away from one.
    /// </summary>
    /// <param name="word">The letters of one word.</param>
    public static int MatchNoisy(ReadOnlySpan<char> word)
    {
        var exact = Match(word);
        if (exact != 0 || word.Length < 3 || word.Length > 10)
        {
            return exact;
        }

        var found = 0;
        for (var i = 0; i < Table.Length; i++)
        {
            var name = Table[i].Name.AsSpan();
            var isPrefix = word.Length < name.Length && name.StartsWith(word, StringComparison.OrdinalIgnoreCase);
            if (isPrefix || (word.Length >= 4 && WithinOneEdit(word, name)))
            {
                if (found != 0 && found != i + 1)
                {
                    return 0; // ambiguous (for example "Ju")
                }

                found = i + 1;
            }
        }

        return found;
    }

    private static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (char.ToUpperInvariant(a[i]) == char.ToUpperInvariant(b[j]))
            {
                i++;
                j++;
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            if (a.Length > b.Length)
            {
                i++;
            }
            else if (a.Length < b.Length)
            {
                j++;
            }
            else
            {
                i++;
                j++;
            }
        }

        edits += (a.Length - i) + (b.Length - j);
        return edits <= 1;
    }

    private static FrozenDictionary<string, int> BuildWords()
    {
        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Table.Length; i++)
        {
            words.TryAdd(Table[i].Name, i + 1);
            foreach (var abbreviation in Table[i].Abbreviations)
            {
                words.TryAdd(abbreviation, i + 1);
            }
        }

        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static (string, string[])[] Load()
    {
        using var stream = EmbeddedData.Open("Text.months.data.json");
        using var doc = JsonDocument.Parse(stream);
        var result = new (string, string[])[12];
        foreach (var m in doc.RootElement.GetProperty("months").EnumerateArray())
        {
            var n = m.GetProperty("number").GetInt32();
            var abbreviations = new List<string>();
            foreach (var a in m.GetProperty("abbreviations").EnumerateArray())
            {
                abbreviations.Add(a.GetString()!);
            }

            result[n - 1] = (m.GetProperty("name").GetString()!, abbreviations.ToArray());
        }

        return result;
    }
}
