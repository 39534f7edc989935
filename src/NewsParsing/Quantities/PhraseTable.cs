using System.Collections.Frozen;
using NewsParsing.Text;

namespace NewsParsing.Quantities;

/// <summary>
/// Phrases keyed by their text as tokens join it ("u.s. dollars", "more than", "m/s", "°c"): tokens that white space
/// separates are joined by one space, glued ones by nothing. Case-insensitive tables key on the lower-cased text (names:
/// "Kilometres", "KILOMETRES"), case-sensitive ones on the text as written (symbols: "mW" is not "MW"). A lookup first
/// checks the token that would open the phrase against the set of first tokens, then builds each candidate key in a stack
/// buffer and probes with a span (no string per attempt on .NET 9+): matching stays cheap though it runs at every number.
/// </summary>
internal sealed class PhraseTable<T>
{
    private const int MaxKeyLength = 64;
    private readonly FrozenDictionary<string, T> _map;
    private readonly FrozenDictionary<string, int> _first; // first token → the most tokens a phrase starting with it spans
    private readonly bool _caseSensitive;
#if NET9_0_OR_GREATER
    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _firstLookup;
#endif

    public PhraseTable(IEnumerable<KeyValuePair<string, T>> entries, bool caseSensitive = false)
    {
        _caseSensitive = caseSensitive;
        var dict = new Dictionary<string, T>(StringComparer.Ordinal);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var max = 1;
        var tokens = new List<Token>();
        foreach (var (raw, value) in entries)
        {
            Tokenizer.Tokenize(raw, 0, raw.Length, tokens, null);
            if (tokens.Count == 0)
            {
                continue;
            }

            var key = Key(raw, tokens, caseSensitive);
            dict.TryAdd(key, value); // the first entry of a key wins: data files list the preferred meaning first
            var t = tokens[0];
            var firstText = raw.Substring(t.Start, t.End - t.Start);
            var firstKey = caseSensitive ? firstText : firstText.ToLowerInvariant();
            first[firstKey] = Math.Max(first.GetValueOrDefault(firstKey), tokens.Count);
            max = Math.Max(max, tokens.Count);
        }

        _map = dict.ToFrozenDictionary(StringComparer.Ordinal);
        _first = first.ToFrozenDictionary(StringComparer.Ordinal);
        MaxTokens = max;
#if NET9_0_OR_GREATER
        _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstLookup = _first.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
    }

    /// <summary>The most tokens a phrase spans.</summary>
    public int MaxTokens { get; }

    /// <summary>The first tokens of the phrases (lower-cased unless the table is case-sensitive).</summary>
    public IEnumerable<string> FirstTokens => _first.Keys;

    /// <summary>The keys, as tokens join them.</summary>
    public IEnumerable<string> Keys => _map.Keys;

    /// <summary>The value of a key written as tokens join it.</summary>
    public bool TryGetValue(string key, out T value) => _map.TryGetValue(key, out value!);

    /// <summary>Whether some phrase starts with token <paramref name="k"/>.</summary>
    public bool StartsAt(string text, List<Token> tokens, int k) => MaxTokensAt(text, tokens, k) > 0;

    /// <summary>The most tokens a phrase starting with token <paramref name="k"/> spans (0 when none starts there).</summary>
    private int MaxTokensAt(string text, List<Token> tokens, int k)
    {
        if (k >= tokens.Count)
        {
            return 0;
        }

        var t = tokens[k];
        if (!_caseSensitive && t.Kind == TokenKind.Word && t.Lower.Length > 0)
        {
            return _first.GetValueOrDefault(t.Lower);
        }

        var part = text.AsSpan(t.Start, t.End - t.Start);
        if (part.Length > MaxKeyLength)
        {
            return 0;
        }

        Span<char> buffer = stackalloc char[part.Length];
        if (_caseSensitive)
        {
            part.CopyTo(buffer);
        }
        else
        {
            part.ToLowerInvariant(buffer);
        }

#if NET9_0_OR_GREATER
        return _firstLookup.TryGetValue(buffer, out var n) ? n : 0;
#else
        return _first.GetValueOrDefault(new string(buffer));
#endif
    }

    /// <summary>The longest phrase starting at token <paramref name="k"/>.</summary>
    public bool TryMatch(string text, List<Token> tokens, int k, out T value, out int after) => TryMatch(text, tokens, k, tokens.Count, out value, out after);

    /// <summary>The longest phrase starting at token <paramref name="k"/> and ending before token <paramref name="limit"/>.
    /// The candidate text is built once, token by token, into a stack buffer; each shorter candidate is a prefix of it.</summary>
    public bool TryMatch(string text, List<Token> tokens, int k, int limit, out T value, out int after)
    {
        value = default!;
        after = k;
        var max = k < limit ? MaxTokensAt(text, tokens, k) : 0;
        if (max == 0)
        {
            return false;
        }

        max = Math.Min(max, limit - k);
        Span<char> buffer = stackalloc char[MaxKeyLength];
        Span<int> ends = stackalloc int[max];
        var length = 0;
        var n = 0;
        for (; n < max; n++)
        {
            var t = tokens[k + n];
            var space = n > 0 && t.SpaceBefore ? 1 : 0;
            var part = text.AsSpan(t.Start, t.End - t.Start);
            if (length + space + part.Length > MaxKeyLength)
            {
                break;
            }

            if (space == 1)
            {
                buffer[length++] = ' ';
            }

            if (_caseSensitive)
            {
                part.CopyTo(buffer.Slice(length, part.Length));
            }
            else
            {
                part.ToLowerInvariant(buffer.Slice(length, part.Length));
            }

            length += part.Length;
            ends[n] = length;
        }

        for (; n >= 1; n--)
        {
            var last = tokens[k + n - 1];
            if (n > 1 && last.Kind == TokenKind.Punct && last.Value is ',' or ';')
            {
                continue;
            }

#if NET9_0_OR_GREATER
            if (_lookup.TryGetValue(buffer[..ends[n - 1]], out var found))
#else
            if (_map.TryGetValue(new string(buffer[..ends[n - 1]]), out var found))
#endif
            {
                value = found;
                after = k + n;
                return true;
            }
        }

        return false;
    }

    /// <summary>The key of a phrase as tokens join it.</summary>
    private static string Key(string raw, List<Token> tokens, bool caseSensitive)
    {
        var sb = new System.Text.StringBuilder(raw.Length);
        for (var m = 0; m < tokens.Count; m++)
        {
            if (m > 0 && tokens[m].SpaceBefore)
            {
                sb.Append(' ');
            }

            sb.Append(raw, tokens[m].Start, tokens[m].End - tokens[m].Start);
        }

        var key = sb.ToString();
        return caseSensitive ? key : key.ToLowerInvariant();
    }
}
