using System.Collections.Immutable;
using NewsParsing.Entities;
using NewsParsing.Model;
using NewsParsing.Quantities;
using NewsParsing.Segmentation;
using NewsParsing.Temporal;
using NodaTime;

namespace NewsParsing;

/// <summary>
/// An immutable, thread-safe parser built once from <see cref="NewsParserOptions"/> (see <see cref="NewsParserBuilder"/>)
/// and reused for any number of articles, from any number of threads.
/// </summary>
public sealed partial class NewsPipeline
{
    [ThreadStatic]
    private static List<TextRegion>? t_regions;

    [ThreadStatic]
    private static List<Diagnostic>? t_diagnostics;

    private readonly Segmenter _segmenter;
    private readonly TemporalStage _temporal;
    private readonly QuantityStage _quantities;
    private readonly EntityStage _entities;

    internal NewsPipeline(NewsParserOptions options)
    {
        Options = options;
        _segmenter = new Segmenter(options.Agencies);
        _temporal = new TemporalStage(options);
        _quantities = new QuantityStage(options);
        _entities = new EntityStage(options);
    }

    /// <summary>The options this pipeline was built with.</summary>
    public NewsParserOptions Options { get; }

    /// <summary>Parses a plain-text article.</summary>
    /// <param name="text">The article: the seed format (<c> date YYYY-MM-DD …</c>) or plain wire copy.</param>
    /// <param name="publicationDate">The publication date to use when the article does not state one; overrides
    /// <see cref="NewsParserOptions.ReferenceDate"/> for this call.</param>
    /// <returns>The parsed article; problems are reported in <see cref="NewsArticle.Diagnostics"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="NewsParseException">In strict mode, when a diagnostic is an error.</exception>
    public NewsArticle Parse(string text, LocalDate? publicationDate = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = t_diagnostics ??= new List<Diagnostic>(4); // per thread: the article keeps an immutable copy
        diagnostics.Clear();
        try
        {
            var article = ParseCore(text, publicationDate ?? Options.ReferenceDate, diagnostics, null);
            return Finish(article, diagnostics);
        }
        finally
        {
            diagnostics.Clear();
            if (diagnostics.Capacity > 1024)
            {
                t_diagnostics = null;
            }
        }
    }

    internal NewsArticle ParseCore(string text, LocalDate? callerDate, List<Diagnostic> diagnostics, Action<Segmentation.Segmentation>? adjust)
    {
        CheckInput(text, diagnostics);
        var seg = _segmenter.Segment(text, callerDate, diagnostics);
        adjust?.Invoke(seg);

        var bylineAuthors = seg.Header.Byline?.Authors ?? [];
        var datelineAuthors = seg.Dateline?.Authors ?? [];
        var authors = datelineAuthors.IsEmpty ? bylineAuthors : bylineAuthors.IsEmpty ? datelineAuthors : bylineAuthors.AddRange(datelineAuthors);

        var agency = seg.Dateline?.Agency ?? seg.Header.Byline?.Agency ?? seg.Trailer?.Agency;

        var dates = ImmutableArray<TemporalExpression>.Empty;
        var quantities = ImmutableArray<Quantity>.Empty;
        var entities = ImmutableArray<Entity>.Empty;
        if (text.Length > Options.MaxInputLength)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InputTooLong, DiagnosticSeverity.Warning,
                $"The input has {text.Length} characters, more than the limit of {Options.MaxInputLength}; only segmentation ran."));
        }
        else
        {
            var context = new ArticleContext(text, Regions(seg), seg.PublicationDate, Options, diagnostics);
            try
            {
                if (Options.ExtractDates)
                {
                    dates = _temporal.Extract(context);
                }

                if (Options.ExtractQuantities)
                {
                    quantities = _quantities.Extract(context, dates);
                }
            }
            finally
            {
                RegionTokens.Release(); // the regions' tokens, shared by the two stages, are not kept past the parse
            }

            if (Options.ExtractEntities)
            {
                entities = _entities.Extract(context);
            }
        }

        return new NewsArticle(text, seg.Header, seg.Body)
        {
            Dateline = seg.Dateline,
            Trailer = seg.Trailer,
            PublicationDate = seg.PublicationDate,
            PublicationDateSource = seg.PublicationDateSource,
            Agency = agency,
            Authors = authors,
            Dates = dates,
            Quantities = quantities,
            Entities = entities,
            Diagnostics = diagnostics.Count == 0 ? [] : [.. diagnostics],
        };
    }

    internal NewsArticle Finish(NewsArticle article, List<Diagnostic> diagnostics)
    {
        // The article already carries the diagnostics of its parse; only later ones (the HTML path's) need a copy.
        var result = diagnostics.Count == article.Diagnostics.Length ? article : WithDiagnostics(article, [.. diagnostics]);
        if (Options.Strict)
        {
            foreach (var d in result.Diagnostics)
            {
                if (d.Severity == DiagnosticSeverity.Error)
                {
                    throw new NewsParseException(result.Diagnostics);
                }
            }
        }

        return result;
    }

    private static NewsArticle WithDiagnostics(NewsArticle a, ImmutableArray<Diagnostic> diagnostics) => a.With(diagnostics: diagnostics);

    /// <summary>The regions the extraction stages read, in a per-thread list reused by every parse (they are only read
    /// while the article is parsed).</summary>
    private static List<TextRegion> Regions(Segmentation.Segmentation seg)
    {
        var regions = t_regions ??= new List<TextRegion>(64);
        regions.Clear();
        if (regions.Capacity > 65_536)
        {
            regions.Capacity = 64;
        }

        if (seg.Header.Headline is { } headline)
        {
            regions.Add(new TextRegion(headline.Span, RegionKind.Headline));
        }

        if (seg.Header.Byline is { } byline)
        {
            regions.Add(new TextRegion(byline.Span, RegionKind.Byline));
        }

        if (seg.Dateline is { } dateline)
        {
            regions.Add(new TextRegion(dateline.Span, RegionKind.Dateline));
        }

        foreach (var p in seg.Body.Paragraphs)
        {
            regions.Add(new TextRegion(p.Span, RegionKind.Paragraph));
        }

        // Input order: in the seed format the dateline sits in the header before the headline-less body.
        regions.Sort(static (a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return regions;
    }

    private static void CheckInput(string text, List<Diagnostic> diagnostics)
    {
        var s = text.AsSpan();
        if (s.IsWhiteSpace())
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.EmptyInput, DiagnosticSeverity.Error, "The input is empty or only white space."));
            return;
        }

        var control = 0;
        var nul = false;
        var loneSurrogate = false;
        for (var i = 0; i < s.Length; i++)
        {
            // Printable ASCII is skipped a vector at a time; only other characters are looked at one by one.
            var skip = s[i..].IndexOfAnyExceptInRange(' ', '~');
            if (skip < 0)
            {
                break;
            }

            i += skip;
            var c = s[i];
            if (c < ' ' && c is not ('\n' or '\r' or '\t' or '\f' or '\v'))
            {
                control++;
                nul |= c == '\0';
            }
            else if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    i++;
                }
                else
                {
                    loneSurrogate = true;
                }
            }
        }

        if (nul || control > s.Length / 10)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.BinaryInput, DiagnosticSeverity.Error,
                "The input looks binary (NUL bytes or many control characters); the result is likely meaningless."));
        }
        else if (control > 0 || loneSurrogate)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.ControlCharacters, DiagnosticSeverity.Info,
                "The input contains control characters or lone surrogates; they were kept as they are."));
        }
    }
}
