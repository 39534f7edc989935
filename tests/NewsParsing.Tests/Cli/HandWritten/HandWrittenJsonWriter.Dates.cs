using System.Text.Json;
using NewsParsing.Temporal;
using NodaTime.Text;

namespace NewsParsing.Tests.Cli.HandWritten;

internal static partial class HandWrittenJsonWriter
{
    /// <summary>Writes one entry of the <c>"dates"</c> array: text, span, TIMEX3 type and value, range, modifier.</summary>
    private static void WriteTemporal(Utf8JsonWriter w, TemporalExpression t)
    {
        w.WriteStartObject();
        w.WriteString("text", t.AsSpan());
        w.WriteNumber("start", t.Span.Start);
        w.WriteNumber("length", t.Span.Length);
        w.WriteString("type", EnumText<TemporalType>.Camel(t.Type));
        w.WriteString("value", t.Value);
        if (t.IsRange && t.Range is { } range)
        {
            w.WritePropertyName("range");
            w.WriteStartObject();
            WriteDate(w, "start", range.Start);
            WriteDate(w, "end", range.End);
            w.WriteEndObject();
        }

        if (t.Modifier != TemporalModifier.None)
        {
            w.WriteString("modifier", EnumText<TemporalModifier>.Camel(t.Modifier));
        }

        if (t.YearInferred)
        {
            w.WriteBoolean("yearInferred", true);
        }

        w.WriteEndObject();
    }
}
