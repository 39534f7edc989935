using System.IO.Compression;
using System.Numerics;

namespace NewsParsing.Entities;

/// <summary>
/// Brown word clusters (<c>word-clusters.data.gz</c>, docs/entities.md "Word clusters"): each word of the unlabeled text
/// seen at least three times has a bit path from the root of the cluster tree, and a path prefix is a coarser cluster.
/// The tagger uses prefixes of 4, 6, 10 and 20 bits (Turian et al. 2010; Ratinov &amp; Roth 2009).
/// </summary>
/// <remarks>
/// Loaded once and frozen: a word maps to one of the 1,000 clusters, and each cluster holds the hashes of its four path
/// prefixes, so <see cref="NerFeatures.Prepare"/> copies four numbers per token. The words are found by the FNV hashes
/// <see cref="NerFeatures.Prepare"/> has already computed for the token (written and lower-cased), in two compact
/// open-addressing tables (<see cref="HashedWords"/>, 256 KB each): no key string, no second pass over the characters,
/// one cache line per lookup, on .NET 8 as on .NET 10. A <c>FrozenDictionary</c> with a span lookup, tried first, was
/// 10 % of all samples of the entity benchmark, and so was a table that confirmed hits by comparing the characters:
/// both missed the cache three or four times per token. A word not in the file is looked up again lower-cased, which
/// finds the most frequent written form of that word: an all-capitals headline's <c>JAPAN</c> gets the cluster of
/// <c>Japan</c>.
/// </remarks>
internal sealed class WordClusters
{
    /// <summary>The prefix lengths the features use.</summary>
    public static ReadOnlySpan<int> PrefixLengths => [4, 6, 10, 20];

    private static readonly Lazy<WordClusters> Instance = new(() =>
    {
        using var stream = EmbeddedData.Open("Entities.word-clusters.data.gz");
        return Load(stream);
    });

    private readonly HashedWords _written;
    private readonly HashedWords _lower;
    private readonly ClusterPrefixes[] _prefixes;

    private WordClusters(HashedWords written, HashedWords lower, ClusterPrefixes[] prefixes)
    {
        _written = written;
        _lower = lower;
        _prefixes = prefixes;
    }

    /// <summary>The clusters shipped in the package.</summary>
    public static WordClusters Default => Instance.Value;

    /// <summary>The number of words with a cluster.</summary>
    public int Count => _written.Count;

    /// <summary>The number of distinct clusters (bit paths).</summary>
    public int Clusters => _prefixes.Length - 1;

    /// <summary>The prefix hashes of a word not in the file: one shared "unknown" cluster.</summary>
    public static ClusterPrefixes Unknown { get; } = new(0x7A3F1C2Bu, 0x7A3F1C2Bu, 0x7A3F1C2Bu, 0x7A3F1C2Bu);

    /// <summary>The prefix hashes of a word's cluster, found by its <see cref="NerTokenHashes.Raw"/> and
    /// <see cref="NerTokenHashes.Lower"/> hashes: the word as written, else lower-cased, else <see cref="Unknown"/>.</summary>
    public ClusterPrefixes Find(uint raw, uint lower)
    {
        var cluster = _written.Find(raw);
        if (cluster < 0 && raw != lower)
        {
            cluster = _lower.Find(lower); // a lower-case word has raw == lower: nothing more to find
        }

        return cluster < 0 ? Unknown : _prefixes[cluster];
    }

    /// <summary>The prefix hashes of a word's cluster (tests and tools).</summary>
    public ClusterPrefixes Find(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        int upper = 0, lowerCount = 0;
        var h = NerFeatures.HashWord(word, ref upper, ref lowerCount);
        return Find(h.Raw, h.Lower);
    }

    /// <summary>Reads the file: <c>word TAB bitpath TAB count</c> lines after <c># </c> header lines.</summary>
    public static WordClusters Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var paths = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new List<(string Word, int Cluster)>();
        var lower = new Dictionary<string, (int Cluster, int Count)>(StringComparer.Ordinal);
        var prefixes = new List<ClusterPrefixes> { Unknown };
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal))
            {
                continue;
            }

            var tab1 = line.IndexOf('\t', StringComparison.Ordinal);
            var tab2 = line.IndexOf('\t', tab1 + 1);
            if (tab1 <= 0 || tab2 <= tab1 + 1)
            {
                throw new InvalidDataException($"A word-cluster line is not 'word TAB path TAB count': '{line}'.");
            }

            var word = line[..tab1];
            var path = line[(tab1 + 1)..tab2];
            var count = int.Parse(line.AsSpan(tab2 + 1), System.Globalization.CultureInfo.InvariantCulture);
            if (!paths.TryGetValue(path, out var cluster))
            {
                cluster = prefixes.Count;
                paths.Add(path, cluster);
                prefixes.Add(ClusterPrefixes.Of(path));
            }

            words.Add((word, cluster));
            var key = word.ToLowerInvariant();
            if (!lower.TryGetValue(key, out var seen) || count > seen.Count)
            {
                lower[key] = (cluster, count); // the most frequent written form; ties keep the first in ordinal order
            }
        }

        var lowerWords = new List<(string, int)>(lower.Count);
        foreach (var (key, value) in lower)
        {
            lowerWords.Add((key, value.Cluster));
        }

        return new WordClusters(new HashedWords(words, ignoreCase: false), new HashedWords(lowerWords, ignoreCase: true), [.. prefixes]);
    }

    /// <summary>
    /// An open-addressing table of words keyed by the tagger's 32-bit FNV hash of their characters (written or
    /// lower-cased): each slot is one <see cref="uint"/>, 22 bits of the hash above the cluster number, so a lookup reads
    /// one cache line and no string. A word outside the file takes a cluster only if its hash agrees with a word's in
    /// the slot's 16 index bits and 22 tag bits (about one unknown word in a million); it would be one feature more,
    /// never an entity.
    /// </summary>
    private sealed class HashedWords
    {
        private const int ClusterBits = 10;
        private readonly uint[] _slots; // hash tag << ClusterBits | cluster; 0 is an empty slot (cluster 0 is Unknown)
        private readonly int _shift;

        public HashedWords(List<(string Word, int Cluster)> words, bool ignoreCase)
        {
            var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, words.Count + (words.Count / 2)));
            _slots = new uint[size];
            _shift = 32 - BitOperations.Log2((uint)size);
            var mask = size - 1;
            var seen = new Dictionary<uint, string>();
            foreach (var (word, cluster) in words)
            {
                if (cluster is <= 0 or >= 1 << ClusterBits)
                {
                    throw new InvalidDataException($"Cluster {cluster} of '{word}' is outside 1..{(1 << ClusterBits) - 1}.");
                }

                int upper = 0, lower = 0;
                var h = NerFeatures.HashWord(word, ref upper, ref lower);
                var hash = ignoreCase ? h.Lower : h.Raw;
                if (!seen.TryAdd(hash, word))
                {
                    continue; // two words of the file share a hash: the first (ordinal order) keeps it
                }

                var at = Slot(hash);
                while (_slots[at] != 0)
                {
                    at = (at + 1) & mask;
                }

                _slots[at] = (Tag(hash) << ClusterBits) | (uint)cluster;
            }

            Count = seen.Count;
        }

        public int Count { get; }

        /// <summary>The cluster of the word with hash <paramref name="hash"/>, or -1.</summary>
        public int Find(uint hash)
        {
            var mask = _slots.Length - 1;
            var tag = Tag(hash);
            for (var at = Slot(hash); ; at = (at + 1) & mask)
            {
                var slot = _slots[at];
                if (slot == 0)
                {
                    return -1;
                }

                if (slot >> ClusterBits == tag)
                {
                    return (int)(slot & ((1u << ClusterBits) - 1));
                }
            }
        }

        private int Slot(uint hash) => (int)((hash * 0x9E3779B1u) >> _shift);

        private static uint Tag(uint hash) => hash & ((1u << (32 - ClusterBits)) - 1);
    }
}

/// <summary>The hashes of a cluster's bit-path prefixes of 4, 6, 10 and 20 bits (a shorter path is its own prefix).</summary>
internal readonly record struct ClusterPrefixes(uint P4, uint P6, uint P10, uint P20)
{
    /// <summary>Hashes the prefixes of a bit path such as <c>0010100111</c>.</summary>
    public static ClusterPrefixes Of(ReadOnlySpan<char> path)
    {
        var lengths = WordClusters.PrefixLengths;
        Span<uint> h = stackalloc uint[lengths.Length];
        for (var k = 0; k < lengths.Length; k++)
        {
            h[k] = NerFeatures.LowerHash(path[..Math.Min(lengths[k], path.Length)]);
        }

        return new ClusterPrefixes(h[0], h[1], h[2], h[3]);
    }
}
