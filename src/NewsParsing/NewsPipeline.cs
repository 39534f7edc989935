using System.Collections.Immutable;
using NewsParsing.Agencies;
using NewsParsing.Entities;
using NewsParsing.Model;
using NewsParsing.Quantities;
using NewsParsing.Segmentation;
using NewsParsing.Temporal;
using NewsParsing.Text;
using NodaTime;

namespace NewsParsing;

/// <summary>
/// An immutable, thread-safe parser built once from <see cref="NewsPipelineOptions"/> (see <see cref="NewsPipelineBuilder"/>)
/// and reused for any number of articles, from any number of threads. Each parse rents a <see cref="ParseWorkspace"/>
/// from the pipeline's pool and returns it when the parse ends; the stages themselves hold no per-parse state.
/// </summary>
public sealed partial class NewsPipeline
{
    private readonly Segmenter _segmenter;
    private readonly IArticleStage[] _stages;
    private readonly WorkspacePool _workspaces;

    internal NewsPipeline(NewsPipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(); // options made with `with` or by a deserialiser get the same checks as the builder's
        Options = options;
        var words = new WordCache(options.WordCacheCapacity);
        _workspaces = new WorkspacePool(() => new ParseWorkspace(words, options.NameTableSize));
        WordCache = words;

        // Each stage loads its data (lexicons, gazetteers, the tagger's weights) when it is built, once per process. The
        // loads are independent, so they run in parallel: a fresh process — a newsparse run, a Hadoop mapper — reaches
        // its first article sooner (docs/performance.md). Stages the options leave out are not built.
        Segmenter? segmenter = null;
        var all = new IArticleStage?[4];
        Parallel.Invoke(
            () => segmenter = new Segmenter(options.Agencies),
            () => all[0] = Wanted(NewsStages.Dates) ? new TemporalStage(options) : null,
            () => all[1] = Wanted(NewsStages.Quantities) ? new QuantityStage(options) : null,
            () => all[2] = Wanted(NewsStages.Entities) ? new EntityStage(options) : null,
            () => all[3] = Wanted(NewsStages.Sources) ? new SourcesStage(options) : null,
            () => _ = Wanted(NewsStages.Language) ? LanguageDetector.Default : null);
        _segmenter = segmenter!;

        // In dependency order: the quantity stage skips the dates' spans.
        var stages = new List<IArticleStage>(all.Length);
        foreach (var stage in all)
        {
            if (stage is not null)
            {
                stages.Add(stage);
            }
        }

        _stages = [.. stages];
        bool Wanted(NewsStages stage) => (options.Stages & stage) != 0;
    }

    /// <summary>The options this pipeline was built with.</summary>
    public NewsPipelineOptions Options { get; }

    /// <summary>The pipeline's shared word cache (for tests and diagnostics).</summary>
    internal WordCache WordCache { get; }

    /// <summary>Parses a plain-text article.</summary>
    /// <param name="text">The article: the seed format (<c> date YYYY-MM-DD …</c>) or plain wire copy.</param>
    /// <param name="publicationDate">The publication date to use when the article does not state one; overrides
    /// <see cref="NewsPipelineOptions.ReferenceDate"/> for this call.</param>
    /// <returns>The parsed article; problems are reported in <see cref="NewsArticle.Diagnostics"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="NewsParseException">In strict mode, when a diagnostic is an error.</exception>
    public NewsArticle Parse(string text, LocalDate? publicationDate = null) => Parse(text, publicationDate, CancellationToken.None);

    /// <summary>Parses a plain-text article; <paramref name="cancellationToken"/> can stop it.</summary>
    /// <param name="text">The article.</param>
    /// <param name="cancellationToken">Observed between stages and every few hundred tokens inside them.</param>
    /// <returns>The parsed article.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public NewsArticle Parse(string text, CancellationToken cancellationToken) => Parse(text, null, cancellationToken);

    /// <summary>Parses a plain-text article published on <paramref name="publicationDate"/>; <paramref name="cancellationToken"/>
    /// can stop it. Past <see cref="NewsPipelineOptions.TimeBudget"/> the parse returns what it has found, with
    /// diagnostic <see cref="DiagnosticCodes.TimeBudgetExceeded"/>; a cancelled parse throws.</summary>
    /// <param name="text">The article.</param>
    /// <param name="publicationDate">The publication date to use when the article does not state one.</param>
    /// <param name="cancellationToken">Observed between stages and every few hundred tokens inside them.</param>
    /// <returns>The parsed article.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="NewsParseException">In strict mode, when a diagnostic is an error.</exception>
    public NewsArticle Parse(string text, LocalDate? publicationDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();
        var workspace = _workspaces.Rent();
        try
        {
            workspace.Budget.Start(Options.TimeBudget, Options.TimeProvider, cancellationToken);
            var article = ParseCore(text, publicationDate ?? Options.ReferenceDate, PublicationDateSource.Caller, workspace);
            return Finish(article, workspace.Diagnostics);
        }
        finally
        {
            _workspaces.Return(workspace);
        }
    }

    /// <summary>Segments <paramref name="text"/> and runs the extraction stages, with the scratch state of
    /// <paramref name="workspace"/>.</summary>
    /// <param name="text">The article text.</param>
    /// <param name="callerDate">The publication date the caller knows, used when the text states none.</param>
    /// <param name="callerSource">Where <paramref name="callerDate"/> comes from (the caller, or an HTML page).</param>
    /// <param name="workspace">The parse's workspace; its diagnostics receive the problems found.</param>
    /// <param name="known">The headline and byline an HTML page states, at the top of <paramref name="text"/>.</param>
    internal NewsArticle ParseCore(string text, LocalDate? callerDate, PublicationDateSource callerSource, ParseWorkspace workspace, KnownHeader? known = null)
    {
        var diagnostics = workspace.Diagnostics;
        var budget = workspace.Budget;
        budget.StartIfIdle(Options.TimeBudget, Options.TimeProvider); // the HTML path starts it here (or earlier, with its token)
        CheckInput(text, diagnostics);
        var seg = _segmenter.Segment(text, callerDate, callerSource, workspace, known);

        var bylineAuthors = seg.Header.Byline?.Authors ?? [];
        var datelineAuthors = seg.Dateline?.Authors ?? [];
        var authors = datelineAuthors.IsEmpty ? bylineAuthors : bylineAuthors.IsEmpty ? datelineAuthors : bylineAuthors.AddRange(datelineAuthors);

        var context = new ArticleContext(text, seg.PublicationDate, Options, workspace) { Dateline = seg.Dateline, Authors = authors };
        (context.Agency, context.AgencyEvidence) = seg.Dateline?.Agency is { } d ? (d, AgencyEvidence.Dateline)
            : seg.Header.Byline?.Agency is { } b ? (b, AgencyEvidence.Byline)
            : seg.Trailer?.Agency is { } t ? (t, AgencyEvidence.Trailer)
            : (null, AgencyEvidence.None);

        string? language = null;
        if (text.Length > Options.MaxInputLength)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InputTooLong, DiagnosticSeverity.Warning,
                $"The input has {text.Length} characters, more than the limit of {Options.MaxInputLength}; only segmentation ran."));
        }
        else
        {
            var english = true;
            if ((Options.Stages & NewsStages.Language) != 0)
            {
                language = DetectLanguage(text, seg);
                english = language is null or "en";
                if (!english)
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.NotEnglish, DiagnosticSeverity.Info,
                        $"The article is in '{language}', not English: dates, quantities, entities and sources were not extracted."));
                }
            }

            AddRegions(seg, workspace.Regions);
            foreach (var stage in _stages)
            {
                if (budget.Check())
                {
                    break; // the stages still to run are skipped; the ones that ran keep their results
                }

                if (english || !stage.EnglishOnly)
                {
                    stage.Run(context);
                }
            }
        }

        // A token cancelled while the last stage ran (or inside a pass that does not look at it) still cancels the parse.
        budget.Check();
        if (budget.Exceeded)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.TimeBudgetExceeded, DiagnosticSeverity.Warning,
                $"The parse took longer than its time budget of {Options.TimeBudget?.TotalMilliseconds:0.###} ms; it holds what was found by then."));
        }

        return new NewsArticle(text, seg.Header, seg.Body)
        {
            Dateline = seg.Dateline,
            Trailer = seg.Trailer,
            PublicationDate = seg.PublicationDate,
            PublicationDateSource = seg.PublicationDateSource,
            Agency = context.Agency,
            AgencyEvidence = context.AgencyEvidence,
            Sources = context.Sources,
            Language = language,
            Authors = authors,
            Dates = context.Dates,
            Quantities = context.Quantities,
            Entities = context.Entities,
            Diagnostics = diagnostics.Count == 0 ? [] : [.. diagnostics],
        };
    }

    internal NewsArticle Finish(NewsArticle article, List<Diagnostic> diagnostics)
    {
        // The article already carries the diagnostics of its parse; only later ones (the HTML path's) need a copy.
        var result = diagnostics.Count == article.Diagnostics.Length ? article : article.With(diagnostics: [.. diagnostics]);
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

    /// <summary>The body's language (BCP 47), or <see langword="null"/> when undetermined: the detector reads the body
    /// (or, without one, the whole text) and stops after a few hundred words.</summary>
    private static string? DetectLanguage(string text, Segmentation.Segmentation seg)
    {
        var span = seg.Body.Paragraphs.IsEmpty ? text.AsSpan() : text.AsSpan(seg.Body.Span.Start, seg.Body.Span.Length);
        return LanguageDetector.Default.Detect(span).Language;
    }

    /// <summary>The regions the extraction stages read: headline, byline, dateline and body paragraphs, in input order.</summary>
    private static void AddRegions(Segmentation.Segmentation seg, List<TextRegion> regions)
    {
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
