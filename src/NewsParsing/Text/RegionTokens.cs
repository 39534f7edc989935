using NewsParsing.Model;

namespace NewsParsing.Text;

/// <summary>
/// The tokens of the regions of the article being parsed, shared by the temporal and quantity stages (both scan the
/// same paragraphs with <see cref="Tokenizer"/>), so each region is tokenized once per parse. Part of a
/// <see cref="ParseWorkspace"/>: token lists come from a small pool and go back to it when the workspace is reset.
/// Past <see cref="MaxCachedTokens"/> tokens in one article the rest are tokenized into a scratch list instead, so a
/// huge document does not hold every token at once.
/// </summary>
internal sealed class RegionTokens
{
    private const int MaxCachedTokens = 1 << 18;
    private const int MaxPooledLists = 256;

    private readonly Stack<List<Token>> _pool = new();
    private readonly List<Region> _regions = [];
    private readonly List<Token> _scratch = new(256);
    private int _total;

    /// <summary>The tokens of <paramref name="span"/>; valid until the next call that misses, or the workspace's reset.</summary>
    public List<Token> Get(string text, SourceSpan span, ParseWorkspace workspace)
    {
        int start = span.Start, end = span.End;
        int lo = 0, hi = _regions.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var r = _regions[mid];
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

        if (_total >= MaxCachedTokens)
        {
            Tokenizer.Tokenize(text, start, end, _scratch, workspace);
            return _scratch;
        }

        var tokens = _pool.TryPop(out var list) ? list : new List<Token>(64);
        Tokenizer.Tokenize(text, start, end, tokens, workspace);
        _total += tokens.Count;
        _regions.Insert(lo, new Region(start, end, tokens));
        return tokens;
    }

    /// <summary>Forgets the article, keeping pooled lists within the workspace's retention limit.</summary>
    public void Reset()
    {
        foreach (var r in _regions)
        {
            ParseWorkspace.Retain(r.Tokens);
            if (_pool.Count < MaxPooledLists)
            {
                _pool.Push(r.Tokens);
            }
        }

        ParseWorkspace.Retain(_regions);
        ParseWorkspace.Retain(_scratch);

        _total = 0;
    }

    private readonly record struct Region(int Start, int End, List<Token> Tokens);
}
