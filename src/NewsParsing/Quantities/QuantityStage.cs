using System.Collections.Immutable;
using NewsParsing.Model;
using NewsParsing.Temporal;

namespace NewsParsing.Quantities;

/// <summary>The quantity stage: numbers, money, percentages, measures and counted things.</summary>
internal sealed class QuantityStage
{
    [ThreadStatic]
    private static List<Quantity>? t_found;

    [ThreadStatic]
    private static List<SourceSpan>? t_taken;

    private readonly QuantityScanner _scanner = new();

    public QuantityStage(NewsParserOptions options)
    {
        Options = options;
    }

    public NewsParserOptions Options { get; }

    /// <summary>Extracts the quantities of every region, skipping text already taken by <paramref name="dates"/>.</summary>
    public ImmutableArray<Quantity> Extract(ArticleContext context, ImmutableArray<TemporalExpression> dates)
    {
        var found = t_found ??= new List<Quantity>(32); // reused: only the result array is allocated per article
        found.Clear();
        var dateIndex = 0;
        var taken = t_taken ??= new List<SourceSpan>(16);
        foreach (var region in context.Regions)
        {
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

            if (_scanner.Scan(context.Text, region.Span, taken, found, context.Diagnostics, Options.MaxItemsPerStage))
            {
                context.Diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitReached, DiagnosticSeverity.Warning,
                    $"More than {Options.MaxItemsPerStage} quantities; the rest were not extracted."));
                break;
            }
        }

        ImmutableArray<Quantity> result = [.. found];
        found.Clear(); // no article's quantities kept alive by the thread
        taken.Clear();
        if (found.Capacity > 65_536 || taken.Capacity > 65_536)
        {
            t_found = null;
            t_taken = null;
        }

        return result;
    }
}
