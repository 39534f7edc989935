using NewsParsing.Model;

namespace NewsParsing.Temporal;

/// <summary>The temporal stage: finds and normalises time expressions in the article's text regions.</summary>
internal sealed class TemporalStage : IArticleStage
{
    private readonly TemporalScanner _scanner = new();

    public TemporalStage(NewsPipelineOptions options)
    {
        Options = options;
    }

    public NewsPipelineOptions Options { get; }

    public NewsStages Stage => NewsStages.Dates;

    public bool EnglishOnly => true;

    /// <summary>Extracts the time expressions of every region of the article into <see cref="ArticleContext.Dates"/>.</summary>
    public void Run(ArticleContext context)
    {
        var found = context.Workspace.Dates; // scratch: only the result array is allocated per article
        foreach (var region in context.Regions)
        {
            if (context.Workspace.Budget.Check())
            {
                break; // past the time budget: the dates found so far are kept (NP0019)
            }

            if (region.Kind == RegionKind.Byline)
            {
                continue;
            }

            if (_scanner.Scan(context.Text, region.Span, context.PublicationDate, context.Workspace, found, Options.MaxItemsPerStage))
            {
                context.Diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitReached, DiagnosticSeverity.Warning,
                    $"More than {Options.MaxItemsPerStage} time expressions; the rest were not extracted."));
                break;
            }
        }

        context.Dates = [.. found];
    }

    /// <summary>Scans a single span of text (used by the evaluations over TimeML documents).</summary>
    internal List<TemporalExpression> ScanText(string text, SourceSpan span, NodaTime.LocalDate? reference, ParseWorkspace workspace)
    {
        var found = new List<TemporalExpression>();
        _scanner.Scan(text, span, reference, workspace, found, Options.MaxItemsPerStage);
        return found;
    }
}
