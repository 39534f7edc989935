using System.Text.Json;
using NewsParsing.Model;

namespace NewsParsing.Tests.Cli.HandWritten;

/// <summary>
/// The hand-written JSON writer the CLI used until the typed records (ArticleRecord) replaced it, kept as the oracle
/// they are compared with (RecordEquivalenceTests) and as the serialisation benchmark's baseline. It writes a
/// <see cref="NewsArticle"/> as one JSON object in the CLI's contract (camelCase, stable field names; see
/// <c>docs/cli.md</c>). The per-stage arrays are written by the partial files next to this one.
/// </summary>
internal static partial class HandWrittenJsonWriter
{
    public static void Write(Utf8JsonWriter w, string source, NewsArticle a, string? id = null, List<Diagnostic>? damage = null)
    {
        w.WriteStartObject();
        if (id is not null)
        {
            w.WriteString("id", id);
        }

        w.WriteString("source", source);
        WriteDate(w, "published", a.PublicationDate);
        if (a.PublishedAt is { } at)
        {
            w.WriteString("publishedAt", NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Format(at));
        }

        if (a.Url is not null)
        {
            w.WriteString("url", a.Url);
        }

        WriteNullableString(w, "headline", a.Headline);
        WriteNullableString(w, "agency", a.Agency?.Id);
        w.WriteString("agencyEvidence", EnumText<NewsParsing.Agencies.AgencyEvidence>.Camel(a.AgencyEvidence));
        WriteNullableString(w, "language", a.Language);
        w.WriteStartArray("authors");
        foreach (var author in a.Authors)
        {
            w.WriteStringValue(author.Name);
        }

        w.WriteEndArray();

        w.WritePropertyName("header");
        w.WriteStartObject();
        WriteSpan(w, a.Header);
        w.WriteEndObject();

        w.WritePropertyName("dateline");
        if (a.Dateline is { } d)
        {
            w.WriteStartObject();
            WriteSpan(w, d);
            WriteNullableString(w, "place", d.Place);
            WriteNullableString(w, "region", d.Region);
            WriteDate(w, "date", d.Date);
            w.WriteBoolean("yearInferred", d.YearInferred);
            if (d.DateFromPublication)
            {
                w.WriteBoolean("dateFromPublication", true); // added with issue 18: HTML datelines dated by their page
            }
            WriteNullableString(w, "agency", d.Agency?.Id);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WritePropertyName("body");
        w.WriteStartObject();
        WriteSpan(w, a.Body);
        w.WriteStartArray("paragraphs");
        foreach (var p in a.Body.Paragraphs)
        {
            w.WriteStartObject();
            w.WriteNumber("start", p.Span.Start);
            w.WriteNumber("length", p.Span.Length);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WritePropertyName("trailer");
        if (a.Trailer is { } t)
        {
            w.WriteStartObject();
            WriteSpan(w, t);
            w.WriteString("kind", EnumText<TrailerKind>.Camel(t.Kind));
            WriteNullableString(w, "agency", t.Agency?.Id);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteStartArray("dates");
        foreach (var date in a.Dates)
        {
            WriteTemporal(w, date);
        }

        w.WriteEndArray();

        w.WriteStartArray("quantities");
        foreach (var q in a.Quantities)
        {
            WriteQuantity(w, q);
        }

        w.WriteEndArray();

        w.WriteStartArray("entities");
        foreach (var e in a.Entities)
        {
            WriteEntity(w, e);
        }

        w.WriteEndArray();

        w.WriteStartArray("sources");
        foreach (var s in a.Sources)
        {
            w.WriteStartObject();
            WriteSpan(w, s);
            w.WriteString("name", s.Name);
            WriteNullableString(w, "agency", s.Agency?.Id);
            w.WriteString("cue", s.Cue);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("diagnostics");
        foreach (var diagnostic in a.Diagnostics)
        {
            WriteDiagnostic(w, diagnostic);
        }

        if (damage is not null)
        {
            foreach (var diagnostic in damage)
            {
                WriteDiagnostic(w, diagnostic);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes the error record of a JSON Lines input line: <c>{"id","line","error","code"}</c>.</summary>
    public static void WriteError(Utf8JsonWriter w, string id, long line, string message, string code)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteNumber("line", line);
        w.WriteString("error", message);
        w.WriteString("code", code);
        w.WriteEndObject();
    }

    private static void WriteDiagnostic(Utf8JsonWriter w, Diagnostic diagnostic)
    {
        {
            w.WriteStartObject();
            w.WriteString("code", diagnostic.Code);
            w.WriteString("severity", EnumText<DiagnosticSeverity>.Camel(diagnostic.Severity));
            w.WriteString("message", diagnostic.Message);
            if (diagnostic.Span is { } span)
            {
                w.WriteNumber("start", span.Start);
                w.WriteNumber("length", span.Length);
            }

            w.WriteEndObject();
        }
    }

    /// <summary>Writes <c>"start"</c>, <c>"length"</c> and <c>"text"</c> of an element.</summary>
    internal static void WriteSpan(Utf8JsonWriter w, ArticleElement e)
    {
        w.WriteNumber("start", e.Span.Start);
        w.WriteNumber("length", e.Span.Length);
        w.WriteString("text", e.AsSpan());
    }

    internal static void WriteNullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    internal static void WriteDate(Utf8JsonWriter w, string name, NodaTime.LocalDate? date)
    {
        if (date is { } d)
        {
            if (d.Year is >= 0 and <= 9999)
            {
                // Formatted on the stack: no string per date.
                Span<char> chars = stackalloc char[10];
                chars.TryWrite(System.Globalization.CultureInfo.InvariantCulture, $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2}", out var n);
                w.WriteString(name, chars[..n]);
            }
            else
            {
                w.WriteString(name, NodaTime.Text.LocalDatePattern.Iso.Format(d));
            }
        }
        else
        {
            w.WriteNull(name);
        }
    }

    internal static string ToCamel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The JSON spelling of an enum's values, made once: camelCase, like the field names.</summary>
    private static class EnumText<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<T, string> CamelNames = Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => ToCamel(v.ToString()));

        public static string Camel(T value) => CamelNames.TryGetValue(value, out var s) ? s : ToCamel(value.ToString());

    }
}
