using NewsParsing.Agencies;
using NewsParsing.Entities;
using NewsParsing.Model;
using NewsParsing.Quantities;
using NewsParsing.Segmentation;
using NewsParsing.Temporal;
using NewsParsing.Text;

namespace NewsParsing;

/// <summary>
/// All the scratch state of one parse, in one object (Markdig's <c>BlockProcessor</c> is the model): the segmenter's
/// lines and paragraphs, the regions the stages read, their shared tokens, each stage's found lists and buffers, and
/// the diagnostics. A <see cref="NewsPipeline"/> rents a workspace from its <see cref="WorkspacePool"/> for each
/// parse, hands it to every stage through the <see cref="ArticleContext"/>, and returns it when the parse ends, which
/// resets it under one retention policy (<see cref="Retain{T}(List{T})"/>). Stages keep no state of their own
/// between parses: no <c>[ThreadStatic]</c> fields, no static mutable state.
/// </summary>
internal sealed class ParseWorkspace
{
    /// <summary>The retention policy: a list or array keeps its storage between parses only up to this many elements;
    /// a bigger one (a huge article) is trimmed when the parse ends, so one outlier does not stay in memory.</summary>
    public const int RetainLimit = 16_384;

    private readonly WordCache _words;
    private readonly WordInfo[]? _localWords;

    public ParseWorkspace(WordCache words, int nameTableSize)
    {
        _words = words;
        _localWords = words.NewLocal();
        Names = new NameTable(nameTableSize);
    }

    /// <summary>Problems found during the parse; the article keeps an immutable copy.</summary>
    public List<Diagnostic> Diagnostics { get; } = new(8);

    /// <summary>The segmenter's lines.</summary>
    public List<Segmenter.Line> Lines { get; } = new(64);

    /// <summary>The segmenter's paragraphs (ranges of lines).</summary>
    public List<Segmenter.Para> Paragraphs { get; } = new(32);

    /// <summary>The regions the extraction stages analyse, in input order.</summary>
    public List<TextRegion> Regions { get; } = new(64);

    /// <summary>The regions' tokens, shared by the temporal and quantity stages.</summary>
    public RegionTokens Tokens { get; } = new();

    /// <summary>The temporal stage's finds, before they become the article's array.</summary>
    public List<TemporalExpression> Dates { get; } = new(32);

    /// <summary>The temporal stage's scratch state: word lookups per token and the year anchor.</summary>
    public TemporalScratch Temporal { get; } = new();

    /// <summary>The quantity stage's finds.</summary>
    public List<Quantity> Quantities { get; } = new(32);

    /// <summary>The spans the quantity stage must skip (dates) in the region it scans.</summary>
    public List<SourceSpan> TakenSpans { get; } = new(16);

    /// <summary>The entity stage's buffers.</summary>
    public EntityStage.Buffers Entities { get; } = new();

    /// <summary>The sources stage's citations.</summary>
    public List<Source> Sources { get; } = new(8);

    /// <summary>The sources stage's self credits.</summary>
    public List<Credit> Credits { get; } = new(4);

    /// <summary>Tokens of a name looked up in the gazetteer.</summary>
    public List<NerToken> NameTokens { get; } = new(16);

    /// <summary>The parse's time budget and cancellation token.</summary>
    public ParseBudget Budget { get; } = new();

    /// <summary>Atomised result strings (names, places, TIMEX values).</summary>
    public NameTable Names { get; }

    /// <summary>The interned lower-cased word and its lexicon flags.</summary>
    public WordInfo Word(ReadOnlySpan<char> lower) => _words.Get(lower, _localWords);

    /// <summary>Forgets the parse: every list is cleared (so no input, span or result stays reachable from the
    /// workspace) and trimmed when it grew past <see cref="RetainLimit"/>.</summary>
    public void Reset()
    {
        Retain(Diagnostics);
        Retain(Lines);
        Retain(Paragraphs);
        Retain(Regions);
        Tokens.Reset();
        Retain(Dates);
        Temporal.Reset();
        Retain(Quantities);
        Retain(TakenSpans);
        Entities.Reset();
        Retain(Sources);
        Retain(Credits);
        Retain(NameTokens);
        Budget.Reset();
    }

    /// <summary>Clears <paramref name="list"/> and trims it when it holds more than <see cref="RetainLimit"/> elements'
    /// worth of storage: the one retention rule of every scratch list.</summary>
    public static void Retain<T>(List<T> list)
    {
        list.Clear();
        if (list.Capacity > RetainLimit)
        {
            list.Capacity = 0;
        }
    }

    /// <summary>Clears <paramref name="array"/> (if it can hold references) and replaces it with an empty one when it
    /// is longer than <see cref="RetainLimit"/>: the same rule for arrays.</summary>
    public static void Retain<T>(ref T[] array)
    {
        if (array.Length > RetainLimit)
        {
            array = [];
        }
        else if (System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(array);
        }
    }
}

/// <summary>
/// The workspaces of one pipeline: a parse rents one and returns it (reset) when it ends. Lock-free and bounded: at most
/// <see cref="Capacity"/> idle workspaces are kept (twice the processor count), more concurrent parses make new ones
/// that are dropped on return.
/// </summary>
internal sealed class WorkspacePool
{
    private readonly ParseWorkspace?[] _items;
    private readonly Func<ParseWorkspace> _create;
    private ParseWorkspace? _first; // the common single-threaded case: one exchange, no scan

    public WorkspacePool(Func<ParseWorkspace> create)
    {
        _create = create;
        _items = new ParseWorkspace?[Capacity - 1];
    }

    /// <summary>The most idle workspaces kept.</summary>
    public static int Capacity { get; } = Math.Max(2, 2 * Environment.ProcessorCount);

    public ParseWorkspace Rent()
    {
        var w = Interlocked.Exchange(ref _first, null);
        if (w is not null)
        {
            return w;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            w = Interlocked.Exchange(ref _items[i], null);
            if (w is not null)
            {
                return w;
            }
        }

        return _create();
    }

    /// <summary>Resets <paramref name="workspace"/> and keeps it for the next parse, if there is room.</summary>
    public void Return(ParseWorkspace workspace)
    {
        workspace.Reset();
        if (Interlocked.CompareExchange(ref _first, workspace, null) is null)
        {
            return;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _items[i], workspace, null) is null)
            {
                return;
            }
        }
    }
}
