using System.Collections.Immutable;
using NewsParsing.Model;
using NodaTime;

namespace NewsParsing;

/// <summary>What part of the article a <see cref="TextRegion"/> is.</summary>
internal enum RegionKind
{
    Headline,
    Dateline,
    Byline,
    Paragraph,
}

/// <summary>A run of article text that the extraction stages analyse.</summary>
internal readonly record struct TextRegion(SourceSpan Span, RegionKind Kind);

/// <summary>Per-article state handed to the extraction stages after segmentation.</summary>
internal sealed class ArticleContext
{
    public ArticleContext(string text, List<TextRegion> regions, LocalDate? publicationDate, NewsParserOptions options, List<Diagnostic> diagnostics)
    {
        Text = text;
        Regions = regions;
        PublicationDate = publicationDate;
        Options = options;
        Diagnostics = diagnostics;
    }

    /// <summary>The whole input.</summary>
    public string Text { get; }

    /// <summary>Headline, dateline, byline and body paragraphs, in input order (not the metadata line or trailer).</summary>
    public List<TextRegion> Regions { get; }

    /// <summary>The reference date for relative and year-less expressions, if known.</summary>
    public LocalDate? PublicationDate { get; }

    public NewsParserOptions Options { get; }

    /// <summary>Stages add their diagnostics here.</summary>
    public List<Diagnostic> Diagnostics { get; }
}
