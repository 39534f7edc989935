using System.Collections.Immutable;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsParsing.Html;
using NewsParsing.Model;
using NewsParsing.Segmentation;
using NodaTime;

namespace NewsParsing;

public sealed partial class NewsPipeline
{
    /// <summary>Parses a news page: metadata, headline, byline and main text, into the same model as plain text.</summary>
    /// <param name="html">The page's HTML.</param>
    /// <param name="url">The page address, if known (used for the agency and <see cref="NewsArticle.Url"/>).</param>
    /// <param name="publicationDate">The publication date to use when the page states none.</param>
    /// <returns>The article; <see cref="NewsArticle.Html"/> maps its text back to the page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> is <see langword="null"/>.</exception>
    public NewsArticle ParseHtml(string html, string? url = null, LocalDate? publicationDate = null) =>
        ParseHtml(html, new HtmlReadOptions { Url = url, PublicationDate = publicationDate });

    /// <summary>Parses a news page with explicit limits and a cancellation token (observed inside the page's walks and the
    /// stages; an over-budget page keeps its text so far, with diagnostic <c>NP0031</c>).</summary>
    /// <param name="html">The page's HTML.</param>
    /// <param name="options">The page's address, publication date and limits.</param>
    /// <param name="cancellationToken">Stops the parse: <see cref="OperationCanceledException"/>, as everywhere in .NET.</param>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public NewsArticle ParseHtml(string html, HtmlReadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(options);
        var workspace = _workspaces.Rent();
        try
        {
            // Two budgets: the page's (its walks, HtmlReadOptions) and the article's (the stages, NewsPipelineOptions).
            workspace.Budget.Start(Options.TimeBudget, Options.TimeProvider, cancellationToken);
            var budget = new Budget(options.MaxElements, options.TimeBudget, Options.TimeProvider, cancellationToken);
            return ParseHtmlCore(html, null, options, budget, workspace);
        }
        finally
        {
            _workspaces.Return(workspace);
        }
    }

    /// <summary>Parses a news page from bytes, its encoding found by AngleSharp's HTML5 sniffing (byte-order mark, then
    /// <c>&lt;meta charset&gt;</c>, then UTF-8; a page whose non-ASCII bytes are all invalid UTF-8 is read as Windows-1252).</summary>
    /// <param name="stream">The page's bytes; read to the end (at most 64 MiB; more is diagnostic <c>NP0030</c>).</param>
    /// <param name="url">The page address, if known.</param>
    /// <param name="publicationDate">The publication date to use when the page states none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    public NewsArticle ParseHtml(Stream stream, string? url = null, LocalDate? publicationDate = null) =>
        ParseHtml(stream, new HtmlReadOptions { Url = url, PublicationDate = publicationDate });

    /// <summary>Parses a news page from bytes with explicit options: a transport charset (<see cref="HtmlReadOptions.Charset"/>,
    /// which wins over the page's declaration), a byte limit, an element limit and a time budget.</summary>
    /// <param name="stream">The page's bytes.</param>
    /// <param name="options">The page's address, publication date, charset and limits.</param>
    /// <param name="cancellationToken">Stops the parse: <see cref="OperationCanceledException"/>, as everywhere in .NET.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public NewsArticle ParseHtml(Stream stream, HtmlReadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var workspace = _workspaces.Rent();
        try
        {
            // Two budgets: the page's (its walks, HtmlReadOptions) and the article's (the stages, NewsPipelineOptions).
            workspace.Budget.Start(Options.TimeBudget, Options.TimeProvider, cancellationToken);
            var budget = new Budget(options.MaxElements, options.TimeBudget, Options.TimeProvider, cancellationToken);
            var (bytes, length, truncated) = ReadBytes(stream, Math.Clamp(options.MaxBytes, 0, Array.MaxLength));
            var diagnostics = workspace.Diagnostics;
            if (truncated)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.HtmlTooLarge, DiagnosticSeverity.Warning,
                    $"The page is larger than {options.MaxBytes} bytes; only its first {length} bytes were read."));
                length = Utf8Boundary(bytes, length); // a cut inside a character is not a bad byte
            }

            return ParseHtmlCore(null, (bytes, length), options, budget, workspace);
        }
        finally
        {
            _workspaces.Return(workspace);
        }
    }

    private static (byte[] Bytes, int Length, bool Truncated) ReadBytes(Stream stream, long max)
    {
        var buffer = new byte[(int)Math.Min(max, 81920)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length >= max)
                {
                    // one byte more tells a page of exactly the limit from a longer one
                    var probe = new byte[1];
                    return (buffer, length, stream.Read(probe, 0, 1) > 0);
                }

                Array.Resize(ref buffer, (int)Math.Min(max, (long)buffer.Length * 2));
            }

            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read <= 0)
            {
                return (buffer, length, false);
            }

            length += read;
        }
    }

    /// <summary>The length without a UTF-8 sequence cut at the end (at most 3 bytes dropped).</summary>
    private static int Utf8Boundary(byte[] bytes, int length)
    {
        for (var back = 1; back <= 3 && length - back >= 0; back++)
        {
            var b = bytes[length - back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // a continuation byte: look further back for its lead
            }

            var need = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
            return need > back ? length - back : length;
        }

        return length;
    }

    private NewsArticle ParseHtmlCore(string? source, (byte[] Bytes, int Length)? raw, HtmlReadOptions options, Budget budget, ParseWorkspace workspace)
    {
        var diagnostics = workspace.Diagnostics;
        var url = options.Url;
        var publicationDate = options.PublicationDate;
        HtmlExtraction page;
        var created = 0;
        var overBudget = false;
        string? deepOrFlooded = null;
        var parser = new HtmlParser(new HtmlParserOptions
        {
            IsKeepingSourceReferences = true,
            MaximumDepth = HtmlExtractor.MaxTreeDepth,
            // Counts what the tree builder really creates (reconstructed formatting elements included, which no
            // pre-scan of the markup sees) and checks the clock; past either limit the build is abandoned.
            OnCreated = (element, position) =>
            {
                if (++created > options.MaxElements || ((created & 1023) == 0 && !budget.CheckClock()))
                {
                    overBudget = true;
                    throw new OperationCanceledException();
                }
            },
        });
        var html = source ?? "";
        IDocument? doc = null;
        try
        {
            // The pre-scan reads markup, which is ASCII in every encoding a page can have without a BOM, so for bytes
            // it runs on a one-to-one Latin-1 view before any tree is built: tree building is quadratic in the depth
            // of open elements and in the formatting elements it reconstructs, whatever limit the tree itself has.
            var markup = raw is { } b ? Encoding.Latin1.GetString(b.Bytes, 0, b.Length) : html;
            var depth = HtmlExtractor.ApproximateDepth(markup, out var reconstructed);
            if (depth > HtmlExtractor.MaxDepth || reconstructed > options.MaxElements)
            {
                deepOrFlooded = depth > HtmlExtractor.MaxDepth
                    ? $"The page nests elements deeper than {HtmlExtractor.MaxDepth}; it was read as plain text without metadata."
                    : $"The page would make the tree builder re-create about {reconstructed} formatting elements (more than {options.MaxElements}); it was read as plain text without metadata.";
                if (raw is { } r0)
                {
                    html = Encoding.UTF8.GetString(r0.Bytes, 0, r0.Length);
                }
            }
            else if (raw is { } r)
            {
                doc = HtmlDecoding.Parse(parser, r.Bytes, r.Length, options.Charset, diagnostics, out html);
            }
            else
            {
                doc = parser.ParseDocument(html);
            }
        }
        catch (OperationCanceledException) when (overBudget)
        {
            doc = null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or NotSupportedException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.HtmlUnreadable, DiagnosticSeverity.Error, "The page could not be read as HTML: " + e.Message));
            doc = null;
        }

        if (raw is not null && html.Length == 0 && doc is null)
        {
            html = Encoding.UTF8.GetString(raw.Value.Bytes, 0, raw.Value.Length);
        }

        if (doc is null)
        {
            // Too deep, too many elements or out of time while building the tree: read the page as text instead
            // (linear), keeping all its words.
            doc?.Dispose();
            doc = null;
            if (overBudget || budget.Exceeded)
            {
                AddBudgetDiagnostic(diagnostics, budget.Reached == BudgetLimit.None ? BudgetLimit.Elements : budget.Reached, options, treeAbandoned: true);
            }
            else if (deepOrFlooded is not null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitReached, DiagnosticSeverity.Warning, deepOrFlooded));
            }

            page = new HtmlExtraction { Url = url };
            foreach (var paragraph in HtmlExtractor.StripTags(html))
            {
                page.Paragraphs.Add((paragraph, 0, html.Length));
            }
        }
        else
        {
            using (doc)
            {
                page = HtmlExtractor.Extract(doc, url, budget);
            }

            if (budget.Exceeded)
            {
                AddBudgetDiagnostic(diagnostics, budget.Reached, options, treeAbandoned: false);
                page.Truncated = false;
            }
        }

        if (page.Truncated)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitReached, DiagnosticSeverity.Warning, "The page has too many elements; only the first part was read."));
        }

        if (page.Paragraphs.Count == 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.HtmlNoArticle, DiagnosticSeverity.Warning, "No article text was found in the page."));
        }

        // The article text: headline, byline, paragraphs, separated by blank lines; each piece remembers its element.
        var sb = new StringBuilder();
        var pieces = ImmutableArray.CreateBuilder<(int, int, int, int)>();
        void Add(string text, int htmlStart, int htmlEnd)
        {
            if (sb.Length > 0)
            {
                sb.Append("\n\n");
            }

            var start = sb.Length;
            sb.Append(text);
            pieces.Add((start, sb.Length, htmlStart, Math.Max(htmlStart, htmlEnd)));
        }

        // The header the page states is handed to the segmenter as it is: a headline that asks a question or a byline
        // whose names no text rule knows (新間) stays the header.
        int headlineStart = 0, headlineEnd = 0, bylineStart = 0, bylineEnd = 0, headerParagraphs = 0;
        var authorSpans = new List<(int, int)>();
        if (page.Headline is { Length: > 0 } headline)
        {
            Add(headline, page.HeadlineHtmlStart, page.HeadlineHtmlStart);
            (headlineStart, headlineEnd) = (sb.Length - headline.Length, sb.Length);
            headerParagraphs++;
        }

        // An agency in the byline ("Associated Press", "X, Reuters") is the article's agency, not a person.
        Agencies.Agency? bylineAgency = null;
        var people = new List<string>(page.Authors.Count);
        foreach (var name in page.Authors)
        {
            if (Options.Agencies.FindByAlias(name) is { } agency)
            {
                bylineAgency ??= agency;
            }
            else
            {
                people.Add(name);
            }
        }

        if (people.Count > 0)
        {
            var line = new StringBuilder("By ");
            var at = sb.Length + (sb.Length > 0 ? 2 : 0);
            for (var k = 0; k < people.Count; k++)
            {
                line.Append(k == 0 ? "" : ", ");
                authorSpans.Add((at + line.Length, at + line.Length + people[k].Length));
                line.Append(people[k]);
            }

            Add(line.ToString(), -1, -1);
            (bylineStart, bylineEnd) = (at, sb.Length);
            headerParagraphs++;
        }

        var known = headerParagraphs == 0 ? null
            : new KnownHeader { HeadlineStart = headlineStart, HeadlineEnd = headlineEnd, BylineStart = bylineStart, BylineEnd = bylineEnd, Paragraphs = headerParagraphs };
        known?.Authors.AddRange(authorSpans);

        foreach (var (text, start, end) in page.Paragraphs)
        {
            Add(text, start, end);
        }

        var articleText = sb.ToString();
        // The page's own date wins over the caller's, and says where it came from.
        var article = page.Published is { } fromPage
            ? ParseCore(articleText, fromPage.Date, PublicationDateSource.Html, workspace, known)
            : ParseCore(articleText, publicationDate ?? Options.ReferenceDate, PublicationDateSource.Caller, workspace, known);

        var pageAgency = article.Agency is not null ? null
            : bylineAgency ?? (page.Publisher is { } publisher ? Options.Agencies.FindByAlias(publisher) : null)
                ?? (Uri.TryCreate(page.Url, UriKind.Absolute, out var uri) ? Options.Agencies.FindByDomain(uri.Host) : null);
        var result = article.With(publishedAt: page.Published, url: page.Url, agency: pageAgency,
            agencyEvidence: pageAgency is null ? null : Agencies.AgencyEvidence.Page, html: new HtmlSource(html, pieces.ToImmutable()));
        return Finish(result, diagnostics);
    }

    private static void AddBudgetDiagnostic(List<Diagnostic> diagnostics, BudgetLimit limit, HtmlReadOptions options, bool treeAbandoned)
    {
        var what = treeAbandoned ? "the page was read as plain text without metadata" : "the text found so far was kept";
        diagnostics.Add(limit == BudgetLimit.Elements
            ? new Diagnostic(DiagnosticCodes.LimitReached, DiagnosticSeverity.Warning, $"The page has more than {options.MaxElements} elements; {what}.")
            : new Diagnostic(DiagnosticCodes.HtmlTimeBudget, DiagnosticSeverity.Warning,
                limit == BudgetLimit.Cancelled ? $"Reading the page was cancelled; {what}." : $"Reading the page took longer than {options.TimeBudget.TotalSeconds:0.###} s; {what}."));
    }
}
