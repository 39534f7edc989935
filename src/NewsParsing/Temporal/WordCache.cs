using System.Collections.Concurrent;

namespace NewsParsing.Temporal;

/// <summary>What the lexicons say about a word, worked out once per distinct word.</summary>
[Flags]
internal enum WordFlags : byte
{
    None = 0,

    /// <summary>The word can open a time expression (<see cref="TemporalLexicon.Starters"/>).</summary>
    TemporalStarter = 1,
}

/// <summary>An interned lower-cased word and its lexicon flags (a value: no object per word beyond its string).</summary>
internal readonly record struct WordInfo(string Lower, WordFlags Flags);

/// <summary>
/// Interns lower-cased words so the tokenizer does not allocate a string per token and the lexicon questions asked of
/// every word are answered once per distinct word. A small direct-mapped cache per thread answers most tokens with one
/// comparison; behind it a shared dictionary, bounded (past its size new words are allocated and not kept).
/// </summary>
internal static class WordCache
{
    private const int MaxEntries = 200_000;
    private const int LocalSize = 16_384;
    // Presized: growing by doubling would leave the old bucket arrays behind as garbage while an archive's vocabulary fills it.
    private static readonly ConcurrentDictionary<string, WordInfo> Words = new(Environment.ProcessorCount, 32_768, StringComparer.Ordinal);
#if NET9_0_OR_GREATER
    private static readonly ConcurrentDictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
#endif

    [ThreadStatic]
    private static WordInfo[]? t_local;

    /// <summary>The interned word for <paramref name="lower"/> (already lower-cased).</summary>
    public static WordInfo Get(ReadOnlySpan<char> lower)
    {
        var local = t_local ??= new WordInfo[LocalSize];
        ref var slot = ref local[Text.NameTable.Hash(lower) & (LocalSize - 1)];
        var word = slot;
        if (word.Lower is not null && lower.SequenceEqual(word.Lower))
        {
            return word;
        }

        word = GetShared(lower);
        slot = word;
        return word;
    }

    private static WordInfo GetShared(ReadOnlySpan<char> lower)
    {
#if NET9_0_OR_GREATER
        if (Lookup.TryGetValue(lower, out var found))
        {
            return found;
        }
#else
        var key = new string(lower);
        if (Words.TryGetValue(key, out var found))
        {
            return found;
        }
#endif
        var s = new string(lower);
        var word = new WordInfo(s, Classify(s));
        if (Words.Count < MaxEntries)
        {
            word = Words.GetOrAdd(s, word);
        }

        return word;
    }

    private static WordFlags Classify(string lower) =>
        TemporalLexicon.Default.Starters.Contains(lower) ? WordFlags.TemporalStarter : WordFlags.None;
}
