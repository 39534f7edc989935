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
}
