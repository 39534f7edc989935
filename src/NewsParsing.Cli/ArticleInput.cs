using System.IO.Compression;
using NewsParsing.Model;

namespace NewsParsing.Cli;

/// <summary>Reads one input and parses it with the library: the only place that knows the input formats.</summary>
internal static class ArticleInput
{
    /// <summary>Reads and parses <paramref name="input"/>: <c>.html</c>, <c>.htm</c> and <c>.html.gz</c> as pages, anything else as text.</summary>
    /// <exception cref="IOException">The input cannot be read.</exception>
    public static NewsArticle Parse(NewsPipeline pipeline, InputFile input, Stream stdin)
    {
        if (input.IsStdin)
        {
            return pipeline.Parse(new StreamReader(stdin).ReadToEnd());
        }

        var path = input.Path;
        if (path.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            return pipeline.ParseHtml(gzip);
        }

        if (path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            using var file = File.OpenRead(path);
            return pipeline.ParseHtml(file);
        }

        return pipeline.Parse(File.ReadAllText(path));
    }

    /// <summary>Parses an HTML page given as text (the <c>html</c> field of <c>--input-format jsonl</c>).</summary>
    public static NewsArticle ParseHtmlText(NewsPipeline pipeline, string html, string? url, NodaTime.LocalDate? published) =>
        pipeline.ParseHtml(html, url, published);
}
