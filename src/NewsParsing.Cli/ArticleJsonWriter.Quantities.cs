using System.Text.Json;
using NewsParsing.Quantities;

namespace NewsParsing.Cli;

internal static partial class ArticleJsonWriter
{
    /// <summary>Writes one entry of the <c>"quantities"</c> array.</summary>
    private static void WriteQuantity(Utf8JsonWriter w, Quantity q)
    {
        w.WriteStartObject();
        WriteSpan(w, q);
        w.WriteEndObject();
    }
}
