using System.Collections.Concurrent;

namespace NewsParsing.Temporal;

/// <summary>
/// Interns lower-cased words so the tokenizer does not allocate a string per token: after warm-up almost every word is
/// found in the cache. The cache is bounded; past its size new words are allocated and not kept.
/// </summary>
internal static class WordCache
{
    private const int MaxEntries = 200_000;
    private static readonly ConcurrentDictionary<string, string> Words = new(StringComparer.Ordinal);
#if NET9_0_OR_GREATER
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
#endif

    public static string Get(ReadOnlySpan<char> lower)
    {
#if NET9_0_OR_GREATER
        if (Lookup.TryGetValue(lower, out var found))
        {
            return found;
        }
#endif
        var s = new string(lower);
#if NET9_0_OR_GREATER
        if (Words.Count < MaxEntries)
        {
            Words.TryAdd(s, s);
        }
#else
        if (Words.TryGetValue(s, out var existing))
        {
            return existing;
        }

        if (Words.Count < MaxEntries)
        {
            Words.TryAdd(s, s);
        }
#endif
        return s;
    }
}
