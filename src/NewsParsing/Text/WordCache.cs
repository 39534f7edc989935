using System.Collections.Concurrent;
using NewsParsing.Temporal;

namespace NewsParsing.Text;

/// <summary>What the lexicons say about a word, worked out once per distinct word.</summary>
[Flags]
internal enum WordFlags : byte
{
    None = 0,

    /// <summary>The word can open a time expression (<see cref="TemporalLexicon.Starters"/>).</summary>
    TemporalStarter = 1,

    /// <summary>The temporal grammar knows the word in some role (a tense cue, a clause opener, …).</summary>
    TemporalWord = 2,
}

/// <summary>An interned lower-cased word and its lexicon flags (a value: no object per word beyond its string).</summary>
internal readonly record struct WordInfo(string Lower, WordFlags Flags);

/// <summary>
/// Interns lower-cased words so the tokenizer does not allocate a string per token and the lexicon questions asked of
/// every word are answered once per distinct word. One instance belongs to a pipeline and is shared by its parses:
/// a concurrent dictionary bounded by <see cref="NewsPipelineOptions.WordCacheCapacity"/> (past it, new words are
/// allocated and not kept; 0 turns the cache off). In front of it each <see cref="ParseWorkspace"/> keeps a small
/// direct-mapped array (<see cref="NewLocal"/>) that answers most tokens with one comparison and no lock.
/// </summary>
internal sealed class WordCache
{
    /// <summary>Entries of each workspace's direct-mapped array (a power of two).</summary>
    public const int LocalSize = 16_384;

    private readonly int _capacity;
    private readonly ConcurrentDictionary<string, WordInfo> _words;
#if NET9_0_OR_GREATER
    private readonly ConcurrentDictionary<string, WordInfo>.AlternateLookup<ReadOnlySpan<char>> _lookup;
#endif

    public WordCache(int capacity)
    {
        _capacity = capacity;
        // Presized: growing by doubling would leave the old bucket arrays behind as garbage while an archive's vocabulary fills it.
        _words = new ConcurrentDictionary<string, WordInfo>(Environment.ProcessorCount, capacity == 0 ? 1 : Math.Min(capacity, 32_768), StringComparer.Ordinal);
#if NET9_0_OR_GREATER
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
    }

    /// <summary>How many words the shared dictionary holds.</summary>
    public int Count => _words.Count;

    /// <summary>A workspace's direct-mapped array over this cache, or <see langword="null"/> when the cache is off.</summary>
    public WordInfo[]? NewLocal() => _capacity == 0 ? null : new WordInfo[LocalSize];

    /// <summary>The interned word for <paramref name="lower"/> (already lower-cased), looked up first in
    /// <paramref name="local"/> (the calling workspace's array, or <see langword="null"/>).</summary>
    public WordInfo Get(ReadOnlySpan<char> lower, WordInfo[]? local)
    {
        if (local is null)
        {
            return Uncached(lower);
        }

        ref var slot = ref local[NameTable.Hash(lower) & (LocalSize - 1)];
        var word = slot;
        if (word.Lower is not null && lower.SequenceEqual(word.Lower))
        {
            return word;
        }

        word = GetShared(lower);
        slot = word;
        return word;
    }

    private WordInfo GetShared(ReadOnlySpan<char> lower)
    {
#if NET9_0_OR_GREATER
        if (_lookup.TryGetValue(lower, out var found))
        {
            return found;
        }
#else
        var key = new string(lower);
        if (_words.TryGetValue(key, out var found))
        {
            return found;
        }
#endif
        var s = new string(lower);
        var word = new WordInfo(s, Classify(s));
        if (_words.Count < _capacity)
        {
            word = _words.GetOrAdd(s, word);
        }

        return word;
    }

    /// <summary>The word without interning: a new string and its flags.</summary>
    public static WordInfo Uncached(ReadOnlySpan<char> lower)
    {
        var s = new string(lower);
        return new WordInfo(s, Classify(s));
    }

    private static WordFlags Classify(string lower)
    {
        var lexicon = TemporalLexicon.Default;
        return (lexicon.Starters.Contains(lower) ? WordFlags.TemporalStarter : WordFlags.None)
            | (lexicon.Knows(lower) ? WordFlags.TemporalWord : WordFlags.None);
    }
}
