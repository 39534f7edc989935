using System.Collections.Immutable;
using NewsParsing.Model;

namespace NewsParsing.Temporal;

/// <summary>The temporal stage: finds and normalises time expressions in the article's text regions.</summary>
internal sealed class TemporalStage
{
    private readonly TemporalScanner _scanner = new();

    public TemporalStage(NewsParserOptions options)
    {
        Options = options;
    }

    public NewsParserOptions Options { get; }

    /// <summary>Extracts the time expressions of every region in <paramref name="context"/>.</summary>
    public ImmutableArray<TemporalExpression> Extract(ArticleContext context)
    {
        var found = new List<TemporalExpression>();
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

        return [.. found];
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
