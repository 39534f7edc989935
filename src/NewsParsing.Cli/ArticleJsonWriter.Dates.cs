using System.Text.Json;
using NewsParsing.Temporal;

namespace NewsParsing.Cli;

internal static partial class ArticleJsonWriter
{
    /// <summary>Writes one entry of the <c>"dates"</c> array.</summary>
    private static void WriteTemporal(Utf8JsonWriter w, TemporalExpression t)
    {
        w.WriteStartObject();
        WriteSpan(w, t);
        w.WriteEndObject();
    }
}
