namespace NewsParsing.Temporal;

/// <summary>
/// The temporal stage's per-parse state, part of the <see cref="ParseWorkspace"/>: what the grammar knows of each token
/// of the region being scanned (looked up once per token, on demand), and the year the article last wrote with where
/// it was written — the anchor of a later year-less date (<c>in 2020 … on September 27</c>) or year anaphor
/// (<c>in 1923 … on April 28 of the same year</c>).
/// </summary>
internal sealed class TemporalScratch
{
    private const int RecentSize = 64; // a power of two

    private TemporalWord?[] _words = new TemporalWord?[256];

    // The words looked up lately, by the interned string of a token (the word cache gives one string per distinct word):
    // "the", "in", "said" recur in every paragraph, and a reference comparison is cheaper than a frozen-dictionary probe.
    private readonly string?[] _recentKeys = new string?[RecentSize];
    private readonly TemporalWord?[] _recentWords = new TemporalWord?[RecentSize];
    private int _quarterYear;
    private int _quarterNumber;
    private int _quarterSentence;

    /// <summary>The sentence being scanned, counted from the start of the article (every region starts a new one).</summary>
    public int Sentence { get; set; }

    /// <summary>Whether the scan stands at the start of a sentence (after a full stop, or at the start of the article).</summary>
    public bool AtSentenceStart { get; set; } = true;

    /// <summary>The region being scanned, counted from the start of the article.</summary>
    public int Region { get; set; }

    /// <summary>The last year the article wrote (<c>in 2020</c>, <c>July 26, 2021</c>), or 0.</summary>
    public int AnchorYear { get; private set; }

    /// <summary>The sentence <see cref="AnchorYear"/> was written in.</summary>
    public int AnchorSentence { get; private set; } = int.MinValue / 2;

    /// <summary>The region and token after which <see cref="AnchorYear"/> was written.</summary>
    public int AnchorRegion { get; private set; } = -1;

    /// <inheritdoc cref="AnchorRegion"/>
    public int AnchorToken { get; private set; }

    /// <summary>The year an anaphor of the current sentence refers to ("the same year", "a year later"): the last one
    /// written in this sentence or the one before, else 0.</summary>
    public int SentenceAnchor => AnchorYear != 0 && Sentence - AnchorSentence <= 1 ? AnchorYear : 0;

    /// <summary>Records a year the article wrote in the current sentence, ending before token <paramref name="token"/>.</summary>
    public void Write(int year, int token)
    {
        AnchorYear = year;
        AnchorSentence = Sentence;
        AnchorRegion = Region;
        AnchorToken = token;
    }

    /// <summary>The quarter the text named last ("third-quarter", "the quarter") if in this sentence or the one before:
    /// what "a year earlier" compares with in financial copy.</summary>
    public (int Year, int Number) Quarter => _quarterYear != 0 && Sentence - _quarterSentence <= 1 ? (_quarterYear, _quarterNumber) : default;

    /// <summary>Records a quarter the text named.</summary>
    public void NameQuarter(int year, int number)
    {
        (_quarterYear, _quarterNumber, _quarterSentence) = (year, number, Sentence);
    }

    /// <summary>What <paramref name="lexicon"/> knows of <paramref name="lower"/>, through a small cache of the words
    /// looked up lately in this parse.</summary>
    public TemporalWord Lookup(TemporalLexicon lexicon, string lower)
    {
        var slot = ((lower.Length * 31) + lower[0] + (lower[^1] * 7)) & (RecentSize - 1);
        if (ReferenceEquals(_recentKeys[slot], lower))
        {
            return _recentWords[slot]!;
        }

        var word = lexicon.Word(lower);
        _recentKeys[slot] = lower;
        _recentWords[slot] = word;
        return word;
    }

    /// <summary>The per-token word cache for a region of <paramref name="count"/> tokens, cleared.</summary>
    public TemporalWord?[] Words(int count)
    {
        if (_words.Length < count)
        {
            _words = new TemporalWord?[Math.Max(count, _words.Length * 2)];
        }
        else
        {
            Array.Clear(_words, 0, count);
        }

        return _words;
    }

    /// <summary>Forgets the parse (the workspace's reset).</summary>
    public void Reset()
    {
        ParseWorkspace.Retain(ref _words);
        Array.Clear(_recentKeys); // nothing of the input stays reachable
        Sentence = 0;
        AtSentenceStart = true;
        Region = 0;
        AnchorYear = 0;
        AnchorSentence = int.MinValue / 2;
        AnchorRegion = -1;
        _quarterYear = 0;
    }
}
