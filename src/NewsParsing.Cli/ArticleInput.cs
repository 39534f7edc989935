using NewsParsing.Model;

namespace NewsParsing.Cli;

/// <summary>Reads one input and parses it with the library: the only place that knows the input formats.</summary>
internal static class ArticleInput
{
    /// <summary>Reads and parses <paramref name="input"/>.</summary>
    /// <exception cref="IOException">The input cannot be read.</exception>
    public static NewsArticle Parse(NewsPipeline pipeline, InputFile input, Stream stdin)
    {
        var text = input.IsStdin ? new StreamReader(stdin).ReadToEnd() : File.ReadAllText(input.Path);
        return pipeline.Parse(text);
    }

    /// <summary>Parses an HTML page given as text (the <c>html</c> field of <c>--input-format jsonl</c>).</summary>
    /// <exception cref="NotSupportedException">HTML input is not available in this build.</exception>
    public static NewsArticle ParseHtmlText(NewsPipeline pipeline, string html, string? url, NodaTime.LocalDate? published)
    {
        _ = pipeline;
        _ = html;
        _ = url;
        _ = published;
        throw new NotSupportedException("HTML input is not supported yet.");
    }
}
