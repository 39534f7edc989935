using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace NewsParsing.Text;

/// <summary>The writing system of a language in <c>languages.data.json</c>.</summary>
internal enum LanguageScript
{
    /// <summary>Latin letters, with the Latin-1, Latin Extended and IPA blocks (Azerbaijani <c>ə</c> is U+0259).</summary>
    Latin,

    /// <summary>Cyrillic letters.</summary>
    Cyrillic,

    /// <summary>Arabic letters, with the Arabic Supplement, Extended and presentation-form blocks.</summary>
    Arabic,
}

/// <summary>The outcome of <see cref="LanguageDetector.Detect"/>.</summary>
/// <param name="Language">The BCP 47 code of the detected language, or <see langword="null"/> when the text gives too
/// little evidence or no clear winner.</param>
/// <param name="Confidence">From 0 to 1: the winner's lead over the runner-up on the votes they do not share (1 when the
/// runner-up has no vote of its own), times the share of the text's letters written in the winner's script, times how
/// much of that unshared evidence there was (saturating at <see cref="LanguageDetector.SaturatingEvidence"/> words). 0 when
/// undetermined.</param>
/// <param name="Evidence">The votes for the leading language: words of its function-word list plus words holding one of
/// its distinctive letter sequences. Given also when the result is undetermined for want of a clear winner; 0 when the
/// text has fewer than <see cref="LanguageDetector.MinWords"/> words or no language got a vote.</param>
internal readonly record struct LanguageGuess(string? Language, double Confidence, int Evidence)
{
    /// <summary>Whether a language was detected.</summary>
    public bool IsDetermined => Language is not null;
}

/// <summary>
/// A small, data-driven language detector for article bodies: function words, distinctive letter sequences and the
/// script of each language come from the embedded <c>languages.data.json</c> (English, German, French, Spanish, Turkish,
/// Azerbaijani, Russian and Arabic, with Portuguese, Italian, Dutch and Ukrainian so that their text is not taken for a
/// neighbour's). Immutable and thread-safe; <see cref="Default"/> is loaded once.
/// </summary>
/// <remarks>
/// <para>The scan reads words (letters and combining marks, with apostrophes inside a word) from the start of the text.
/// Each word is folded into a stack buffer (invariant lower case, <c>İ</c> and <c>I</c> to <c>i</c>, typographic
/// apostrophes to <c>'</c>, Arabic short vowels and tatweel dropped, hamza-carrying alefs to <c>ا</c>) and then:</para>
/// <list type="number">
/// <item>its letters count for its script (the script of its first letter);</item>
/// <item>it is looked up among the function words, each carrying a bit mask of the languages that use it (a word
/// shared by several languages votes for each of them once). A word with an apostrophe that is not a listed word
/// itself is looked up by its head (<c>l'</c>, <c>qu'</c>) and its tail (<c>'s</c>, <c>'de</c>); an all-caps Turkish
/// word is tried again with dotless <c>ı</c> for its <c>I</c>s;</item>
/// <item>it votes once for each language one of whose distinctive sequences it holds (<c>ə</c>, <c>ß</c>,
/// <c>ñ</c>, <c>sch</c>), at half the weight of a function word.</item>
/// </list>
/// <para>The script with the most letters picks the candidate languages; among them the highest score wins. Close
/// languages share much of their evidence (Turkish and Azerbaijani share <c>bu</c>, <c>bir</c> and the letters
/// <c>ı ş ç ğ ö ü</c>), so the lead is measured on the votes the winner and the runner-up do not share: the scan keeps
/// a tally of shared votes per pair of languages. The winner stands if it has at least <see cref="MinEvidence"/> votes,
/// <see cref="MinUnsharedEvidence"/> of them unshared, its unshared score exceeds the runner-up's by
/// <see cref="MinMargin"/> of it, and its function words cover <see cref="MinCoverage"/> of the words in its script.
/// The scan stops after <see cref="MaxWords"/> words or <see cref="MaxChars"/> characters, so the cost does not grow
/// with the document.</para>
/// </remarks>
internal sealed class LanguageDetector
{
    /// <summary>Words read at most; the votes of an article's first paragraphs settle it.</summary>
    public const int MaxWords = 400;

    /// <summary>Characters read at most, whatever they hold (a 50 MB input costs what its first 20,000 characters do).</summary>
    public const int MaxChars = 20_000;

    /// <summary>Fewer words than this give an undetermined result.</summary>
    public const int MinWords = 8;

    /// <summary>Fewer votes for the leader than this give an undetermined result.</summary>
    public const int MinEvidence = 3;

    /// <summary>The leader's votes that the runner-up did not also get, in function-word votes, must reach this.</summary>
    public const int MinUnsharedEvidence = 2;

    /// <summary>On the votes the two do not share, the leader's score must exceed the runner-up's by this share of its own.</summary>
    public const double MinMargin = 0.2;

    /// <summary>The leader's function words must make up this share of the words in its script: text in a language the
    /// data does not cover (Kazakh, Uzbek, Persian) shares a few function words with a covered one but far fewer than
    /// that language's own text does (news copy: 23–31 % in Turkish, 40–50 % in English).</summary>
    public const double MinCoverage = 0.12;

    /// <summary>The unshared evidence, in function-word votes, at which <see cref="LanguageGuess.Confidence"/> stops
    /// growing.</summary>
    public const int SaturatingEvidence = 10;

    // Scores are kept in half votes so that they stay integers: a function word weighs 2, a word holding a distinctive
    // sequence 1 (letters are weaker evidence: an English story names Şəhla Talıbova, a German one quotes Ankara).
    private const int WordWeight = 2;
    private const int MarkerWeight = 1;

    /// <summary>Longest word folded and looked up; longer words count for their script only. A <see cref="ulong"/>
    /// records the positions of capital <c>I</c>, so this stays at most 64.</summary>
    private const int MaxWordLength = 32;

    private const int MaxLanguages = 32;
    private const int ScriptCount = 3;

    // ASCII characters that never start or continue a word: the gaps between words are skipped with one vectorised
    // IndexOfAnyExcept instead of a char.IsLetter call per space, digit and punctuation mark.
    private static readonly SearchValues<char> AsciiNonLetters = SearchValues.Create(AsciiNonLetterChars());

    private static readonly Lazy<LanguageDetector> Instance = new(() =>
    {
        using var stream = EmbeddedData.Open("Text.languages.data.json");
        return Load(stream);
    });

    private readonly string[] _codes;
    private readonly IReadOnlyList<string> _languages;
    private readonly LanguageScript[] _scripts;
    private readonly FrozenDictionary<string, uint> _words;
#if NET9_0_OR_GREATER
    private readonly FrozenDictionary<string, uint>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
#endif
    private readonly int _longestWord;
    private readonly SearchValues<char> _markerStarts;
    private readonly FrozenDictionary<char, Marker[]> _markersByFirstChar;

    // The markers starting with an ASCII letter (th, sch, x, q) by that letter: these starts are frequent, so they are
    // found by indexing an array instead of probing the dictionary.
    private readonly Marker[]?[] _asciiMarkers = new Marker[]?[128];

    private LanguageDetector(string[] codes, LanguageScript[] scripts, Dictionary<string, uint> words, Dictionary<string, uint> markers)
    {
        _codes = codes;
        _languages = Array.AsReadOnly(codes);
        _scripts = scripts;
        _words = words.ToFrozenDictionary(StringComparer.Ordinal);
#if NET9_0_OR_GREATER
        _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        var longest = 0;
        foreach (var word in words.Keys)
        {
            longest = Math.Max(longest, word.Length);
        }

        _longestWord = longest;
        var byFirst = new Dictionary<char, List<Marker>>();
        foreach (var (text, mask) in markers)
        {
            if (!byFirst.TryGetValue(text[0], out var list))
            {
                byFirst[text[0]] = list = [];
            }

            list.Add(new Marker(text, mask));
        }

        _markersByFirstChar = byFirst.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
        _markerStarts = SearchValues.Create([.. byFirst.Keys]);
        foreach (var (first, list) in _markersByFirstChar)
        {
            if (first < 128)
            {
                _asciiMarkers[first] = list;
            }
        }
    }

    /// <summary>The detector over the embedded <c>languages.data.json</c>, loaded on first use.</summary>
    public static LanguageDetector Default => Instance.Value;

    /// <summary>The BCP 47 codes of the languages it knows, in data-file order.</summary>
    public IReadOnlyList<string> Languages => _languages;

    /// <summary>The script of language <paramref name="code"/>, or <see langword="null"/> when it is not known.</summary>
    public LanguageScript? ScriptOf(string code)
    {
        var i = Array.IndexOf(_codes, code);
        return i < 0 ? null : _scripts[i];
    }

    /// <summary>The languages whose function-word list holds <paramref name="word"/> after folding (for tests and tools).</summary>
    public IReadOnlyList<string> LanguagesOfWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        Span<char> buffer = stackalloc char[MaxWordLength];
        var list = new List<string>();
        var n = word.Length <= MaxWordLength ? Fold(word, buffer, out _) : 0;
        if (n > 0 && _words.TryGetValue(new string(buffer[..n]), out var mask))
        {
            for (; mask != 0; mask &= mask - 1)
            {
                list.Add(_codes[BitOperations.TrailingZeroCount(mask)]);
            }
        }

        return list;
    }

    /// <summary>
    /// Guesses the language of <paramref name="text"/> from its first <see cref="MaxWords"/> words (at most
    /// <see cref="MaxChars"/> characters). Never throws: empty text, digits, control characters and lone surrogates
    /// give an undetermined result.
    /// </summary>
    public LanguageGuess Detect(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxChars)
        {
            text = text[..MaxChars];
        }

        // Per-call tallies live on the stack: the detector holds no mutable state and allocates nothing per word.
        var n = _codes.Length;
        Span<int> wordVotes = stackalloc int[MaxLanguages];
        Span<int> markerVotes = stackalloc int[MaxLanguages];
        Span<int> shared = stackalloc int[n * n]; // [a * n + b], a < b: half votes that went to both a and b
        Span<int> scriptLetters = stackalloc int[ScriptCount + 1]; // the last slot is "no known script"
        Span<int> scriptWords = stackalloc int[ScriptCount + 1];
        Span<char> buffer = stackalloc char[MaxWordLength];
        wordVotes.Clear();
        markerVotes.Clear();
        shared.Clear();
        scriptLetters.Clear();
        scriptWords.Clear();

        var words = 0;
        var i = 0;
        while (i < text.Length && words < MaxWords)
        {
            var skip = text[i..].IndexOfAnyExcept(AsciiNonLetters);
            if (skip < 0)
            {
                break;
            }

            i += skip;
            if (!char.IsLetter(text[i]))
            {
                i++; // a non-ASCII mark, symbol, space or lone surrogate between words
                continue;
            }

            var start = i;
            i = WordEnd(text, i);
            var word = text[start..i];
            words++;
            var slot = ScriptOfLetter(word[0]) is { } script ? (int)script : ScriptCount;
            scriptLetters[slot] += word.Length;
            scriptWords[slot]++;
            if (word.Length > MaxWordLength)
            {
                continue;
            }

            var length = Fold(word, buffer, out var capitalI);
            if (length == 0)
            {
                continue;
            }

            Tally(markerVotes, shared, n, MarkerMask(buffer[..length]), MarkerWeight);
            Tally(wordVotes, shared, n, WordMask(buffer, length, capitalI), WordWeight);
        }

        return Decide(words, wordVotes, markerVotes, shared, scriptLetters, scriptWords);
    }

    private LanguageGuess Decide(int words, ReadOnlySpan<int> wordVotes, ReadOnlySpan<int> markerVotes, ReadOnlySpan<int> shared, ReadOnlySpan<int> scriptLetters, ReadOnlySpan<int> scriptWords)
    {
        if (words < MinWords)
        {
            return default;
        }

        // The script with the most letters picks the candidates ("no known script" never wins: Japanese or Greek text
        // has no language here).
        var dominant = 0;
        var allLetters = scriptLetters[ScriptCount];
        for (var s = 0; s < ScriptCount; s++)
        {
            allLetters += scriptLetters[s];
            if (scriptLetters[s] > scriptLetters[dominant])
            {
                dominant = s;
            }
        }

        if (scriptLetters[dominant] == 0 || scriptLetters[dominant] < scriptLetters[ScriptCount])
        {
            return default;
        }

        int best = -1, second = -1, bestScore = 0, secondScore = 0;
        for (var l = 0; l < _codes.Length; l++)
        {
            if ((int)_scripts[l] != dominant)
            {
                continue;
            }

            var score = (WordWeight * wordVotes[l]) + (MarkerWeight * markerVotes[l]);
            if (best < 0 || score > bestScore)
            {
                (second, secondScore) = (best, bestScore);
                (best, bestScore) = (l, score);
            }
            else if (second < 0 || score > secondScore)
            {
                (second, secondScore) = (l, score);
            }
        }

        if (best < 0 || bestScore == 0)
        {
            return default;
        }

        var both = second < 0 ? 0 : shared[(Math.Min(best, second) * _codes.Length) + Math.Max(best, second)];
        var own = bestScore - both;
        var rival = second < 0 ? 0 : secondScore - both;
        var evidence = wordVotes[best] + markerVotes[best];
        var margin = own == 0 ? 0 : (double)(own - rival) / own;
        var coverage = (double)wordVotes[best] / scriptWords[dominant];
        if (evidence < MinEvidence || own < WordWeight * MinUnsharedEvidence || margin < MinMargin || coverage < MinCoverage)
        {
            return new LanguageGuess(null, 0, evidence);
        }

        var scriptShare = (double)scriptLetters[dominant] / allLetters;
        var amount = Math.Min(1.0, (double)own / (WordWeight * SaturatingEvidence));
        return new LanguageGuess(_codes[best], margin * scriptShare * amount, evidence);
    }

    /// <summary>Counts a vote for each language in <paramref name="mask"/>, and its weight as shared for each pair of
    /// them.</summary>
    private static void Tally(Span<int> votes, Span<int> shared, int n, uint mask, int weight)
    {
        for (; mask != 0; mask &= mask - 1)
        {
            var a = BitOperations.TrailingZeroCount(mask);
            votes[a]++;
            for (var others = mask & (mask - 1); others != 0; others &= others - 1)
            {
                shared[(a * n) + BitOperations.TrailingZeroCount(others)] += weight;
            }
        }
    }

    /// <summary>The languages listing the folded word; for a word with an apostrophe, else its head and tail; for an
    /// all-caps Turkish word, else its spelling with dotless ı.</summary>
    private uint WordMask(Span<char> buffer, int length, ulong capitalI)
    {
        var word = buffer[..length];
        var mask = Lookup(word);
        if (mask != 0)
        {
            return mask;
        }

        var apostrophe = word.IndexOf('\'');
        if (apostrophe > 0)
        {
            mask = Lookup(word[..(apostrophe + 1)]) | Lookup(word[apostrophe..]);
            if (mask != 0)
            {
                return mask;
            }
        }

        if (capitalI != 0)
        {
            for (var bits = capitalI; bits != 0; bits &= bits - 1)
            {
                word[BitOperations.TrailingZeroCount(bits)] = 'ı';
            }

            mask = Lookup(word);
        }

        return mask;
    }

    private uint Lookup(ReadOnlySpan<char> key)
    {
        if (key.Length > _longestWord)
        {
            return 0;
        }

#if NET9_0_OR_GREATER
        return _wordLookup.TryGetValue(key, out var mask) ? mask : 0;
#else
        return _words.TryGetValue(key.ToString(), out var mask) ? mask : 0;
#endif
    }

    /// <summary>The languages one of whose distinctive sequences occurs in the folded word.</summary>
    private uint MarkerMask(ReadOnlySpan<char> word)
    {
        uint mask = 0;
        int at;
        while ((at = word.IndexOfAny(_markerStarts)) >= 0)
        {
            var rest = word[at..];
            var first = rest[0];
            foreach (var marker in first < 128 ? _asciiMarkers[first]! : _markersByFirstChar[first])
            {
                if (rest.StartsWith(marker.Text, StringComparison.Ordinal))
                {
                    mask |= marker.Languages;
                }
            }

            word = rest[1..];
        }

        return mask;
    }

    /// <summary>The end of the word starting with the letter at <paramref name="start"/>: letters and combining marks,
    /// and apostrophes that have a letter on both sides.</summary>
    private static int WordEnd(ReadOnlySpan<char> text, int start)
    {
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsWordChar(c))
            {
                i++;
            }
            else if (IsApostrophe(c) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static bool IsWordChar(char c)
    {
        if (c < 128)
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a';
        }

        return char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    /// <summary>Folds a word into <paramref name="buffer"/> for lookup and returns its length (culture-invariant, so the
    /// result is the same under tr-TR). <paramref name="capitalI"/> gets a bit for each position that held a capital
    /// <c>I</c>.</summary>
    private static int Fold(ReadOnlySpan<char> word, Span<char> buffer, out ulong capitalI)
    {
        capitalI = 0;
        var n = 0;
        foreach (var c in word)
        {
            if (n == buffer.Length)
            {
                break;
            }

            char f;
            if (c < 128)
            {
                if (c == 'I')
                {
                    capitalI |= 1UL << n;
                }

                f = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
            }
            else
            {
                switch (c)
                {
                    case '\u0130': // İ: the Turkish capital dotted I
                        f = 'i';
                        break;
                    case '\u2019' or '\u02BC':
                        f = '\'';
                        break;
                    case '\u0622' or '\u0623' or '\u0625' or '\u0671': // آ أ إ ٱ: alef with madda, hamza or wasla
                        f = '\u0627';
                        break;
                    case '\u0640': // tatweel (kashida), a stretch of the line
                        continue;
                    default:
                        if (char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
                        {
                            continue; // Arabic short vowels, the combining dot of a culture-lowered İ
                        }

                        f = char.ToLowerInvariant(c);
                        break;
                }
            }

            buffer[n++] = f;
        }

        return n;
    }

    /// <summary>The script of a letter, or <see langword="null"/> for one in no script a language here uses.</summary>
    private static LanguageScript? ScriptOfLetter(char c) => c switch
    {
        < '\u0250' => LanguageScript.Latin, // ASCII, Latin-1, Latin Extended-A and -B
        < '\u02B0' => LanguageScript.Latin, // IPA extensions: Azerbaijani ə
        >= '\u1E00' and < '\u1F00' => LanguageScript.Latin, // Latin Extended Additional
        >= '\u0400' and < '\u0530' => LanguageScript.Cyrillic,
        >= '\u1C80' and < '\u1C90' => LanguageScript.Cyrillic,
        >= '\u2DE0' and < '\u2E00' => LanguageScript.Cyrillic,
        >= '\uA640' and < '\uA6A0' => LanguageScript.Cyrillic,
        >= '\u0600' and < '\u0700' => LanguageScript.Arabic,
        >= '\u0750' and < '\u0780' => LanguageScript.Arabic,
        >= '\u0870' and < '\u0900' => LanguageScript.Arabic,
        >= '\uFB50' and < '\uFE00' => LanguageScript.Arabic,
        >= '\uFE70' and < '\uFF00' => LanguageScript.Arabic,
        _ => null,
    };

    private static string AsciiNonLetterChars()
    {
        var chars = new char[128 - 52];
        var n = 0;
        for (var c = '\0'; c < 128; c++)
        {
            if (!char.IsAsciiLetter(c))
            {
                chars[n++] = c;
            }
        }

        return new string(chars);
    }

    /// <summary>Reads a detector from a <c>languages.data.json</c> stream. Throws <see cref="InvalidDataException"/>
    /// when the data is malformed (an unknown script, a duplicate code, more than 32 languages, an empty word).</summary>
    internal static LanguageDetector Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json);
        var codes = new List<string>();
        var scripts = new List<LanguageScript>();
        var words = new Dictionary<string, uint>(StringComparer.Ordinal);
        var markers = new Dictionary<string, uint>(StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[MaxWordLength];
        foreach (var language in doc.RootElement.GetProperty("languages").EnumerateArray())
        {
            var code = language.GetProperty("code").GetString();
            if (string.IsNullOrEmpty(code) || codes.Contains(code))
            {
                throw new InvalidDataException($"languages.data.json: missing or duplicate language code '{code}'.");
            }

            if (codes.Count == MaxLanguages)
            {
                throw new InvalidDataException($"languages.data.json: more than {MaxLanguages} languages.");
            }

            if (!Enum.TryParse<LanguageScript>(language.GetProperty("script").GetString(), ignoreCase: false, out var script)
                || !Enum.IsDefined(script))
            {
                throw new InvalidDataException($"languages.data.json: '{code}' has an unknown script.");
            }

            var bit = 1u << codes.Count;
            codes.Add(code);
            scripts.Add(script);
            Add(words, language.GetProperty("words"), bit, code, buffer);
            Add(markers, language.GetProperty("markers"), bit, code, buffer);
        }

        return new LanguageDetector([.. codes], [.. scripts], words, markers);
    }

    // Entries go through the same folding as scanned words, so the data keeps each language's ordinary spelling.
    private static void Add(Dictionary<string, uint> table, JsonElement list, uint bit, string code, Span<char> buffer)
    {
        foreach (var item in list.EnumerateArray())
        {
            var text = item.GetString() ?? "";
            var n = text.Length <= MaxWordLength ? Fold(text, buffer, out _) : 0;
            if (n == 0)
            {
                throw new InvalidDataException($"languages.data.json: '{code}' has an empty or over-long entry '{text}'.");
            }

            var key = new string(buffer[..n]);
            table[key] = table.GetValueOrDefault(key) | bit;
        }
    }

    private readonly record struct Marker(string Text, uint Languages);
}
