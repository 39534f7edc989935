using NewsParsing.Model;

namespace NewsParsing;

public static partial class NewsParser
{
    /// <summary>Parses a news page with the default pipeline.</summary>
    /// <param name="html">The page's HTML.</param>
    /// <param name="url">The page address, if known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="html"/> is <see langword="null"/>.</exception>
    public static NewsArticle ParseHtml(string html, string? url = null) => Default.ParseHtml(html, url);

    /// <summary>Parses a news page from bytes (encoding detected) with the default pipeline.</summary>
    /// <param name="stream">The page's bytes.</param>
    /// <param name="url">The page address, if known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    public static NewsArticle ParseHtml(Stream stream, string? url = null) => Default.ParseHtml(stream, url);
}
