namespace NewsParsing.Temporal;

/// <summary>
/// The tokens of the regions of the article being parsed on this thread, shared by the temporal and quantity stages
/// (both scan the same paragraphs with <see cref="TemporalTokenizer"/>), so each region is tokenized once per parse.
/// Token lists are pooled per thread; past <see cref="MaxCachedTokens"/> tokens in one article the rest are tokenized
/// into a scratch list instead, so a huge document does not hold every token at once; after the parse at most 256 lists
/// of up to 4,096 tokens stay pooled per thread.
/// </summary>
internal static class RegionTokens
{
    private const int MaxCachedTokens = 1 << 18;
    private const int MaxPooledCapacity = 1 << 12;
    private const int MaxPooledLists = 256;

    [ThreadStatic]
    private static Cache? t_cache;

    /// <summary>The tokens of <c>text[start..end)</c>; valid until the next call on this thread that misses or <see cref="Release"/>.</summary>
    public static List<Token> Get(string text, int start, int end)
    {
        var cache = t_cache ??= new Cache();
        if (!ReferenceEquals(cache.Text, text))
        {
            cache.Reset();
            cache.Text = text;
        }

        var regions = cache.Regions;
        int lo = 0, hi = regions.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var r = regions[mid];
            if (r.Start < start || (r.Start == start && r.End < end))
            {
                lo = mid + 1;
            }
            else if (r.Start > start || r.End > end)
            {
                hi = mid - 1;
            }
            else
            {
                return r.Tokens;
            }
        }

        if (cache.Total >= MaxCachedTokens)
        {
            TemporalTokenizer.Tokenize(text, start, end, cache.Scratch);
            return cache.Scratch;
        }

        var tokens = cache.Rent();
        TemporalTokenizer.Tokenize(text, start, end, tokens);
        cache.Total += tokens.Count;
        regions.Insert(lo, new Region(start, end, tokens));
        return tokens;
    }

    /// <summary>Forgets the article (called when a parse ends), keeping the pooled lists for the next one.</summary>
    public static void Release() => t_cache?.Reset();

    private readonly record struct Region(int Start, int End, List<Token> Tokens);

    private sealed class Cache
    {
        private readonly Stack<List<Token>> _pool = new();

        public string? Text { get; set; }

        public List<Region> Regions { get; } = [];

        public List<Token> Scratch { get; private set; } = new(256);

        public int Total { get; set; }

        public List<Token> Rent() => _pool.TryPop(out var list) ? list : new List<Token>(64);

        public void Reset()
        {
            foreach (var r in Regions)
            {
                r.Tokens.Clear();
                if (r.Tokens.Capacity <= MaxPooledCapacity && _pool.Count < MaxPooledLists)
                {
                    _pool.Push(r.Tokens);
                }
            }

            Regions.Clear();
            if (Regions.Capacity > MaxPooledCapacity)
            {
                Regions.Capacity = 0;
            }

            Scratch.Clear();
            if (Scratch.Capacity > MaxPooledCapacity)
            {
                Scratch = new List<Token>(256);
            }

            Text = null;
            Total = 0;
        }
    }
}
