using System.Text.Json;
using NewsParsing.Temporal;
using NodaTime.Text;

namespace NewsParsing.Cli;

internal static partial class ArticleJsonWriter
{
    /// <summary>Writes one entry of the <c>"dates"</c> array: text, span, TIMEX3 type and value, range, modifier.</summary>
    private static void WriteTemporal(Utf8JsonWriter w, TemporalExpression t)
    {
        w.WriteStartObject();
        w.WriteString("text", t.Text);
        w.WriteNumber("start", t.Span.Start);
        w.WriteNumber("length", t.Span.Length);
        w.WriteString("type", t.Type.ToString().ToUpperInvariant());
        w.WriteString("value", t.Value);
        if (t.IsRange && t.Range is { } range)
        {
            w.WritePropertyName("range");
            w.WriteStartObject();
            w.WriteString("start", LocalDatePattern.Iso.Format(range.Start));
            w.WriteString("end", LocalDatePattern.Iso.Format(range.End));
            w.WriteEndObject();
        }

        if (t.Modifier != TemporalModifier.None)
        {
            w.WriteString("modifier", t.Modifier.ToString().ToUpperInvariant());
        }

        if (t.YearInferred)
        {
            w.WriteBoolean("yearInferred", true);
        }

        w.WriteEndObject();
    }
}
