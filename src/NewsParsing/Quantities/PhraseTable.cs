using System.Collections.Frozen;
using NewsParsing.Temporal;

using NewsParsing.Text;

namespace NewsParsing.Quantities;

/// <summary>
/// Phrases keyed by their lower-cased text as tokens join it ("u.s. dollars", "more than"). Lookups first check the
/// token that would open the phrase against a set of first words, then build the key in a stack buffer and probe with
/// a span (no string per attempt on .NET 9+): phrase matching stays cheap even though it runs at every number.
/// </summary>
internal sealed class PhraseTable<T>
{
    private const int MaxKeyLength = 64;
    private readonly FrozenDictionary<string, T> _map;
    private readonly FrozenSet<string> _first;
#if NET9_0_OR_GREATER
    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;
#endif

    public PhraseTable(IEnumerable<KeyValuePair<string, T>> entries)
    {
        var dict = new Dictionary<string, T>(StringComparer.Ordinal);
        var first = new HashSet<string>(StringComparer.Ordinal);
        var max = 1;
        var tokens = new List<Token>();
        foreach (var (key, value) in entries)
        {
            dict[key] = value;
            Tokenizer.Tokenize(key, 0, key.Length, tokens, null);
            if (tokens.Count > 0)
            {
                first.Add(FirstKey(key, tokens[0]));
                max = Math.Max(max, tokens.Count);
            }
        }

        _map = dict.ToFrozenDictionary(StringComparer.Ordinal);
        _first = first.ToFrozenSet(StringComparer.Ordinal);
        MaxTokens = max;
#if NET9_0_OR_GREATER
        _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
    }

    public int MaxTokens { get; }

    public bool ContainsKey(string key) => _map.ContainsKey(key);

    public bool TryGetValue(string key, out T value) => _map.TryGetValue(key, out value!);

    public IEnumerable<string> Keys => _map.Keys;

    /// <summary>The longest phrase starting at token <paramref name="k"/>.</summary>
    public bool TryMatch(string text, List<Token> tokens, int k, out T value, out int after)
    {
        value = default!;
        after = k;
        if (k >= tokens.Count || !_first.Contains(FirstKey(text, tokens[k])))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[MaxKeyLength];
        for (var n = Math.Min(MaxTokens, tokens.Count - k); n >= 1; n--)
        {
            var last = tokens[k + n - 1];
            if (n > 1 && last.Kind == TokenKind.Punct && last.Value is ',' or ';')
            {
                continue;
            }

            var length = 0;
            var fits = true;
            for (var m = k; m < k + n && fits; m++)
            {
                var t = tokens[m];
                if (m > k && t.SpaceBefore)
                {
                    fits = length < MaxKeyLength;
                    if (fits)
                    {
                        buffer[length++] = ' ';
                    }
                }

                var part = text.AsSpan(t.Start, t.End - t.Start);
                if (length + part.Length > MaxKeyLength)
                {
                    fits = false;
                    break;
                }

                part.ToLowerInvariant(buffer.Slice(length, part.Length));
                length += part.Length;
            }

            if (!fits)
            {
                continue;
            }

#if NET9_0_OR_GREATER
            if (_lookup.TryGetValue(buffer[..length], out var found))
#else
            if (_map.TryGetValue(new string(buffer[..length]), out var found))
#endif
            {
                value = found;
                after = k + n;
                return true;
            }
        }

        return false;
    }

    private static string FirstKey(string text, in Token t) =>
        t.Kind == TokenKind.Word && t.Lower.Length > 0 ? t.Lower : text.Substring(t.Start, t.End - t.Start).ToLowerInvariant();
}
