using System.Collections.Immutable;
using System.Text;
using NewsParsing.Html;
using NewsParsing.Model;
using NodaTime;

namespace NewsParsing;

public sealed partial class NewsPipeline
{
    private const int MaxHtmlBytes = 64 * 1024 * 1024;

    /// <summary>Parses a news page: metadata, headline, byline and main text, into the same model as plain text.</summary>
    /// <param name="html">The page's HTML.</param>
    /// <param name="url">The page address, if known (used for the agency and <see cref="NewsArticle.Url"/>).</param>
    /// <param name="publicationDate">The publication date to use when the page states none.</param>
    /// <returns>The article; <see cref="NewsArticle.Html"/> maps its text back to the page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> is <see langword="null"/>.</exception>
    public NewsArticle ParseHtml(string html, string? url = null, LocalDate? publicationDate = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var workspace = _workspaces.Rent();
        try
        {
            return ParseHtmlCore(html, url, publicationDate, workspace);
        }
        finally
        {
            _workspaces.Return(workspace);
        }
    }

    private NewsArticle ParseHtmlCore(string html, string? url, LocalDate? publicationDate, ParseWorkspace workspace)
    {
        var diagnostics = workspace.Diagnostics;
        HtmlExtraction page;
        if (HtmlExtractor.ApproximateDepth(html) > HtmlExtractor.MaxDepth)
        {
            // Building a DOM for tens of thousands of nested elements is quadratic; read such a page as text instead.
            diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitReached, DiagnosticSeverity.Warning,
                $"The page nests elements deeper than {HtmlExtractor.MaxDepth}; it was read as plain text without metadata."));
            page = new HtmlExtraction { Url = url };
            var text = HtmlExtractor.StripTags(html);
            if (text.Length > 0)
            {
                page.Paragraphs.Add((text, 0, html.Length));
            }
        }
        else
        {
            try
            {
                page = HtmlExtractor.Extract(html, url);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or NotSupportedException)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.HtmlUnreadable, DiagnosticSeverity.Error, "The page could not be read as HTML: " + e.Message));
                page = new HtmlExtraction { Url = url };
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

        if (page.Headline is { Length: > 0 } headline)
        {
            Add(headline, page.HeadlineHtmlStart, page.HeadlineHtmlStart);
        }

        if (page.Authors.Count > 0)
        {
            Add("By " + string.Join(", ", page.Authors), -1, -1);
        }

        foreach (var (text, start, end) in page.Paragraphs)
        {
            Add(text, start, end);
        }

        var articleText = sb.ToString();
        // The page's own date wins over the caller's, and says where it came from.
        var article = page.Published is { } fromPage
            ? ParseCore(articleText, fromPage.Date, PublicationDateSource.Html, workspace)
            : ParseCore(articleText, publicationDate ?? Options.ReferenceDate, PublicationDateSource.Caller, workspace);

        var pageAgency = article.Agency is not null ? null
            : (page.Publisher is { } publisher ? Options.Agencies.FindByAlias(publisher) : null)
                ?? (Uri.TryCreate(page.Url, UriKind.Absolute, out var uri) ? Options.Agencies.FindByDomain(uri.Host) : null);
        var result = article.With(publishedAt: page.Published, url: page.Url, agency: pageAgency,
            agencyEvidence: pageAgency is null ? null : Agencies.AgencyEvidence.Page, html: new HtmlSource(html, pieces.ToImmutable()));
        return Finish(result, diagnostics);
    }

    /// <summary>Parses a news page from bytes, detecting its encoding (byte-order mark, then <c>&lt;meta charset&gt;</c>, then UTF-8 with a Windows-1252 fallback).</summary>
    /// <param name="stream">The page's bytes; read to the end (at most 64 MB).</param>
    /// <param name="url">The page address, if known.</param>
    /// <param name="publicationDate">The publication date to use when the page states none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    public NewsArticle ParseHtml(Stream stream, string? url = null, LocalDate? publicationDate = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0 && buffer.Length < MaxHtmlBytes)
        {
            buffer.Write(chunk, 0, read);
        }

        return ParseHtml(HtmlDecoding.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), url, publicationDate);
    }
}
