using System.Collections.Immutable;
using NewsParsing.Model;

namespace NewsParsing.Temporal;

/// <summary>The temporal stage: finds and normalises time expressions in the article's text regions.</summary>
internal sealed class TemporalStage
{
    [ThreadStatic]
    private static List<TemporalExpression>? t_found;

    private readonly TemporalScanner _scanner = new();

    public TemporalStage(NewsParserOptions options)
    {
        Options = options;
    }

    public NewsParserOptions Options { get; }

    /// <summary>Extracts the time expressions of every region in <paramref name="context"/>.</summary>
    public ImmutableArray<TemporalExpression> Extract(ArticleContext context)
    {
        var found = t_found ??= new List<TemporalExpression>(32); // reused: only the result array is allocated per article
        found.Clear();
        foreach (var region in context.Regions)
        {
            if (region.Kind == RegionKind.Byline)
            {
                continue;
            }

            if (_scanner.Scan(context.Text, region.Span, context.PublicationDate, found, Options.MaxItemsPerStage))
            {
                context.Diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitReached, DiagnosticSeverity.Warning,
                    $"More than {Options.MaxItemsPerStage} time expressions; the rest were not extracted."));
                break;
            }
        }

        ImmutableArray<TemporalExpression> result = [.. found];
        found.Clear(); // no article's expressions kept alive by the thread
        if (found.Capacity > 65_536)
        {
            t_found = null;
        }

        return result;
    }

    /// <summary>Scans a single span of text (used by the evaluations over TimeML documents).</summary>
    internal List<TemporalExpression> ScanText(string text, SourceSpan span, NodaTime.LocalDate? reference)
    {
        var found = new List<TemporalExpression>();
        try
        {
            _scanner.Scan(text, span, reference, found, Options.MaxItemsPerStage);
        }
        finally
        {
            RegionTokens.Release();
        }

        return found;
    }
}
