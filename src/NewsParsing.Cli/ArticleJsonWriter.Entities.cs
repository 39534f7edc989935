using System.Text.Json;
using NewsParsing.Entities;

namespace NewsParsing.Cli;

internal static partial class ArticleJsonWriter
{
    /// <summary>Writes one entry of the <c>"entities"</c> array.</summary>
    private static void WriteEntity(Utf8JsonWriter w, Entity e)
    {
        w.WriteStartObject();
        WriteSpan(w, e);
        w.WriteEndObject();
    }
}
