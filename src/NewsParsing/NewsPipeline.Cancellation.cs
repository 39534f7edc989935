using NewsParsing.Html;
using NewsParsing.Model;
using NodaTime;

namespace NewsParsing;

public sealed partial class NewsPipeline
{
    /// <summary>Parses a news page; <paramref name="cancellationToken"/> can stop it (see
    /// <see cref="Parse(string, LocalDate?, CancellationToken)"/> for the time budget).</summary>
    /// <param name="html">The page's HTML.</param>
    /// <param name="url">The page address, if known.</param>
    /// <param name="publicationDate">The publication date to use when the page states none.</param>
    /// <param name="cancellationToken">Observed between stages and every few hundred tokens inside them.</param>
    /// <returns>The article; <see cref="NewsArticle.Html"/> maps its text back to the page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public NewsArticle ParseHtml(string html, string? url, LocalDate? publicationDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        cancellationToken.ThrowIfCancellationRequested();
        return ParseHtml(html, new HtmlReadOptions { Url = url, PublicationDate = publicationDate }, cancellationToken);
    }
}
