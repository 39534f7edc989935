using System.Text.Json;
using NewsParsing.Quantities;

namespace NewsParsing.Tests.Cli.HandWritten;

internal static partial class HandWrittenJsonWriter
{
    /// <summary>Writes one entry of the <c>"quantities"</c> array.</summary>
    private static void WriteQuantity(Utf8JsonWriter w, Quantity q)
    {
        w.WriteStartObject();
        w.WriteString("text", q.AsSpan());
        w.WriteNumber("start", q.Span.Start);
        w.WriteNumber("length", q.Span.Length);
        w.WriteNumber("value", q.Value);
        if (q.Min is { } min)
        {
            w.WriteNumber("min", min);
        }

        if (q.Max is { } max)
        {
            w.WriteNumber("max", max);
        }

        if (q.Tolerance is { } tolerance)
        {
            w.WriteNumber("tolerance", tolerance);
        }

        if (q.IsVague)
        {
            w.WriteBoolean("isVague", true);
        }

        WriteNullableString(w, "modifier", q.Modifier == QuantityModifier.None ? null : EnumText<QuantityModifier>.Camel(q.Modifier));
        WriteNullableString(w, "unit", q.Unit);
        w.WriteString("kind", EnumText<QuantityKind>.Camel(q.Kind));
        WriteNullableString(w, "counted", q.Counted?.Text);
        if (q.CountedHead is not null)
        {
            w.WriteString("countedHead", q.CountedHead);
        }

        if (q.Currency is not null)
        {
            w.WriteString("currency", q.Currency);
        }

        if (q.IsChange)
        {
            w.WriteBoolean("isChange", true);
        }

        if (!q.Members.IsEmpty)
        {
            w.WriteStartArray("members");
            foreach (var m in q.Members)
            {
                w.WriteStartObject();
                w.WriteString("text", m.AsSpan());
                w.WriteNumber("start", m.Span.Start);
                w.WriteNumber("length", m.Span.Length);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (q.CountMatches is { } matches)
        {
            w.WriteBoolean("countMatches", matches);
        }

        w.WriteEndObject();
    }
}
