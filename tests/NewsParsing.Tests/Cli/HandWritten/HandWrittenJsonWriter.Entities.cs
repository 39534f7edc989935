using System.Text.Json;
using NewsParsing.Entities;

namespace NewsParsing.Tests.Cli.HandWritten;

internal static partial class HandWrittenJsonWriter
{
    /// <summary>Writes one entry of the <c>"entities"</c> array.</summary>
    private static void WriteEntity(Utf8JsonWriter w, Entity e)
    {
        w.WriteStartObject();
        w.WriteString("text", e.AsSpan());
        w.WriteNumber("start", e.Span.Start);
        w.WriteNumber("length", e.Span.Length);
        w.WriteString("type", EnumText<EntityType>.Camel(e.Type));
        w.WriteString("canonical", e.Canonical);
        w.WriteNumber("id", e.Id);
        if (e.Title is not null)
        {
            w.WriteString("title", e.Title);
        }

        if (e.CountryCode is not null)
        {
            w.WriteString("countryCode", e.CountryCode);
        }

        w.WriteEndObject();
    }
}
