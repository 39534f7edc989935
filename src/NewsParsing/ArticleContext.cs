using System.Collections.Immutable;
using NewsParsing.Agencies;
using NewsParsing.Entities;
using NewsParsing.Model;
using NewsParsing.Quantities;
using NewsParsing.Temporal;
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

/// <summary>
/// The contract of an extraction stage: it reads the article's regions from the <see cref="ArticleContext"/>, keeps its
/// scratch state in the context's <see cref="ParseWorkspace"/>, and sets its results on the context. A stage is built
/// once per pipeline from its options and is immutable, so one instance serves concurrent parses.
/// </summary>
internal interface IArticleStage
{
    /// <summary>The stage's flag in <see cref="NewsPipelineOptions.Stages"/>.</summary>
    NewsStages Stage { get; }

    /// <summary>Whether the stage reads English words, so that it does not run on text detected as another language.</summary>
    bool EnglishOnly { get; }

    /// <summary>Runs the stage over one article.</summary>
    void Run(ArticleContext context);
}

/// <summary>Per-article state handed to the extraction stages after segmentation, and their results.</summary>
internal sealed class ArticleContext
{
    public ArticleContext(string text, LocalDate? publicationDate, NewsPipelineOptions options, ParseWorkspace workspace)
    {
        Text = text;
        PublicationDate = publicationDate;
        Options = options;
        Workspace = workspace;
    }

    /// <summary>The whole input.</summary>
    public string Text { get; }

    /// <summary>Headline, dateline, byline and body paragraphs, in input order (not the metadata line or trailer).</summary>
    public List<TextRegion> Regions => Workspace.Regions;

    /// <summary>The reference date for relative and year-less expressions, if known.</summary>
    public LocalDate? PublicationDate { get; }

    public NewsPipelineOptions Options { get; }

    /// <summary>The parse's scratch state.</summary>
    public ParseWorkspace Workspace { get; }

    /// <summary>Stages add their diagnostics here.</summary>
    public List<Diagnostic> Diagnostics => Workspace.Diagnostics;

    /// <summary>The article's dateline, if it has one.</summary>
    public Dateline? Dateline { get; set; }

    /// <summary>The authors named in the byline and dateline.</summary>
    public ImmutableArray<Author> Authors { get; set; } = [];

    /// <summary>The temporal stage's result (empty until it runs).</summary>
    public ImmutableArray<TemporalExpression> Dates { get; set; } = [];

    /// <summary>The quantity stage's result.</summary>
    public ImmutableArray<Quantity> Quantities { get; set; } = [];

    /// <summary>The entity stage's result.</summary>
    public ImmutableArray<Entity> Entities { get; set; } = [];

    /// <summary>The sources stage's result: the outlets the story cites.</summary>
    public ImmutableArray<Source> Sources { get; set; } = [];

    /// <summary>The article's agency: from the dateline, byline or trailer before the stages run; the sources stage
    /// may set it from the story's self credit.</summary>
    public Agency? Agency { get; set; }

    /// <summary>Where <see cref="Agency"/> was found.</summary>
    public AgencyEvidence AgencyEvidence { get; set; }
}
