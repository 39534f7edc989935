using NewsParsing.Model;

namespace NewsParsing.Quantities;

/// <summary>The quantity stage: numbers, money, percentages, measures and counted things.</summary>
internal sealed class QuantityStage : IArticleStage
{
    private readonly QuantityScanner _scanner = new();

    public QuantityStage(NewsPipelineOptions options)
    {
        Options = options;
    }

    public NewsPipelineOptions Options { get; }

    public NewsStages Stage => NewsStages.Quantities;

    public bool EnglishOnly => true;

    /// <summary>Extracts the quantities of every region into <see cref="ArticleContext.Quantities"/>, skipping text
    /// the temporal stage already took (<see cref="ArticleContext.Dates"/>).</summary>
    public void Run(ArticleContext context)
    {
        var workspace = context.Workspace;
        var found = workspace.Quantities; // scratch: only the result array is allocated per article
        var taken = workspace.TakenSpans;
        var dates = context.Dates;
        var dateIndex = 0;
        foreach (var region in context.Regions)
        {
            if (workspace.Budget.Check())
            {
                break; // past the time budget: the quantities found so far are kept (NP0019)
            }

            if (region.Kind is RegionKind.Dateline or RegionKind.Byline)
            {
                continue; // a dateline's numbers are its date; a byline's are names
            }

            // The dates inside this region, in text order (dates are sorted; one pointer walks them once per article).
            taken.Clear();
            while (dateIndex < dates.Length && dates[dateIndex].Span.End <= region.Span.Start)
            {
                dateIndex++;
            }

            for (var k = dateIndex; k < dates.Length && dates[k].Span.Start < region.Span.End; k++)
            {
                taken.Add(dates[k].Span);
            }

            if (_scanner.Scan(context.Text, region.Span, taken, workspace, found, Options.MaxItemsPerStage))
            {
                context.Diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitReached, DiagnosticSeverity.Warning,
                    $"More than {Options.MaxItemsPerStage} quantities; the rest were not extracted."));
                break;
            }
        }

        context.Quantities = [.. found];
    }
}
