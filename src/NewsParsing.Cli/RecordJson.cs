using System.Text.Json;
using NewsParsing.Agencies;
using NewsParsing.Entities;
using NewsParsing.Model;
using NewsParsing.Quantities;
using NewsParsing.Temporal;

namespace NewsParsing.Cli;

/// <summary>
/// Writes the records (<see cref="ArticleRecord"/>, <see cref="ErrorRecord"/>) as the source-generated
/// <see cref="NewsparseJsonContext"/> would, property by property in declaration order, with pre-encoded names: the
/// context's metadata-based serialisation (its fast path is off because of the converters the records need) took three
/// to five times the time of these calls and 1,215 B per article against none (docs/performance.md). The types stay the one
/// description of the output: the schema is generated from them, and RecordJsonTests checks on a corpus that this
/// writes byte for byte what <c>JsonSerializer.Serialize</c> writes for the same records, so the two cannot drift.
/// </summary>
internal static class RecordJson
{
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText Published = JsonEncodedText.Encode("published");
    private static readonly JsonEncodedText PublishedAt = JsonEncodedText.Encode("publishedAt");
    private static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
    private static readonly JsonEncodedText Headline = JsonEncodedText.Encode("headline");
    private static readonly JsonEncodedText Agency = JsonEncodedText.Encode("agency");
    private static readonly JsonEncodedText AgencyEvidenceName = JsonEncodedText.Encode("agencyEvidence");
    private static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");
    private static readonly JsonEncodedText Authors = JsonEncodedText.Encode("authors");
    private static readonly JsonEncodedText Header = JsonEncodedText.Encode("header");
    private static readonly JsonEncodedText DatelineName = JsonEncodedText.Encode("dateline");
    private static readonly JsonEncodedText Body = JsonEncodedText.Encode("body");
    private static readonly JsonEncodedText TrailerName = JsonEncodedText.Encode("trailer");
    private static readonly JsonEncodedText Dates = JsonEncodedText.Encode("dates");
    private static readonly JsonEncodedText Quantities = JsonEncodedText.Encode("quantities");
    private static readonly JsonEncodedText Entities = JsonEncodedText.Encode("entities");
    private static readonly JsonEncodedText Sources = JsonEncodedText.Encode("sources");
    private static readonly JsonEncodedText Diagnostics = JsonEncodedText.Encode("diagnostics");
    private static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText Length = JsonEncodedText.Encode("length");
    private static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText Place = JsonEncodedText.Encode("place");
    private static readonly JsonEncodedText Region = JsonEncodedText.Encode("region");
    private static readonly JsonEncodedText Date = JsonEncodedText.Encode("date");
    private static readonly JsonEncodedText YearInferred = JsonEncodedText.Encode("yearInferred");
    private static readonly JsonEncodedText DateFromPublication = JsonEncodedText.Encode("dateFromPublication");
    private static readonly JsonEncodedText Paragraphs = JsonEncodedText.Encode("paragraphs");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText Range = JsonEncodedText.Encode("range");
    private static readonly JsonEncodedText End = JsonEncodedText.Encode("end");
    private static readonly JsonEncodedText Modifier = JsonEncodedText.Encode("modifier");
    private static readonly JsonEncodedText Min = JsonEncodedText.Encode("min");
    private static readonly JsonEncodedText Max = JsonEncodedText.Encode("max");
    private static readonly JsonEncodedText Tolerance = JsonEncodedText.Encode("tolerance");
    private static readonly JsonEncodedText IsVague = JsonEncodedText.Encode("isVague");
    private static readonly JsonEncodedText Unit = JsonEncodedText.Encode("unit");
    private static readonly JsonEncodedText Counted = JsonEncodedText.Encode("counted");
    private static readonly JsonEncodedText CountedHead = JsonEncodedText.Encode("countedHead");
    private static readonly JsonEncodedText Currency = JsonEncodedText.Encode("currency");
    private static readonly JsonEncodedText IsChange = JsonEncodedText.Encode("isChange");
    private static readonly JsonEncodedText Members = JsonEncodedText.Encode("members");
    private static readonly JsonEncodedText CountMatches = JsonEncodedText.Encode("countMatches");
    private static readonly JsonEncodedText Canonical = JsonEncodedText.Encode("canonical");
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText CountryCode = JsonEncodedText.Encode("countryCode");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Cue = JsonEncodedText.Encode("cue");
    private static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText Error = JsonEncodedText.Encode("error");

    public static void Write(Utf8JsonWriter w, ArticleRecord r)
    {
        w.WriteStartObject();
        if (r.Id is not null)
        {
            w.WriteString(Id, r.Id);
        }

        w.WriteString(Source, r.Source);
        WriteDate(w, Published, r.Published);
        if (r.PublishedAt is not null)
        {
            w.WriteString(PublishedAt, r.PublishedAt);
        }

        if (r.Url is not null)
        {
            w.WriteString(Url, r.Url);
        }

        WriteNullable(w, Headline, r.Headline);
        WriteNullable(w, Agency, r.Agency);
        w.WriteString(AgencyEvidenceName, EnumJson<AgencyEvidence>.Name(r.AgencyEvidence));
        WriteNullable(w, Language, r.Language);
        w.WriteStartArray(Authors);
        foreach (var author in r.Authors.Span)
        {
            w.WriteStringValue(author);
        }

        w.WriteEndArray();

        var header = r.Header;
        w.WriteStartObject(Header);
        w.WriteNumber(Start, header.Start);
        w.WriteNumber(Length, header.Length);
        WriteLongText(w, header.Text.Span);
        w.WriteEndObject();

        if (r.Dateline is { } d)
        {
            w.WriteStartObject(DatelineName);
            w.WriteNumber(Start, d.Start);
            w.WriteNumber(Length, d.Length);
            w.WriteString(Text, d.Text.Span);
            WriteNullable(w, Place, d.Place);
            WriteNullable(w, Region, d.Region);
            WriteDate(w, Date, d.Date);
            w.WriteBoolean(YearInferred, d.YearInferred);
            WriteIfPresent(w, DateFromPublication, d.DateFromPublication);

            WriteNullable(w, Agency, d.Agency);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull(DatelineName);
        }

        var body = r.Body;
        w.WriteStartObject(Body);
        w.WriteNumber(Start, body.Start);
        w.WriteNumber(Length, body.Length);
        WriteLongText(w, body.Text.Span);
        w.WriteStartArray(Paragraphs);
        foreach (var p in body.Paragraphs.Span)
        {
            w.WriteStartObject();
            w.WriteNumber(Start, p.Start);
            w.WriteNumber(Length, p.Length);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        if (r.Trailer is { } t)
        {
            w.WriteStartObject(TrailerName);
            w.WriteNumber(Start, t.Start);
            w.WriteNumber(Length, t.Length);
            WriteLongText(w, t.Text.Span);
            w.WriteString(Kind, EnumJson<TrailerKind>.Name(t.Kind));
            WriteNullable(w, Agency, t.Agency);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull(TrailerName);
        }

        w.WriteStartArray(Dates);
        foreach (ref readonly var date in r.Dates.Span)
        {
            WriteDate(w, date);
        }

        w.WriteEndArray();

        w.WriteStartArray(Quantities);
        foreach (ref readonly var q in r.Quantities.Span)
        {
            WriteQuantity(w, q);
        }

        w.WriteEndArray();

        w.WriteStartArray(Entities);
        foreach (ref readonly var e in r.Entities.Span)
        {
            WriteEntity(w, e);
        }

        w.WriteEndArray();

        w.WriteStartArray(Sources);
        foreach (ref readonly var s in r.Sources.Span)
        {
            w.WriteStartObject();
            w.WriteNumber(Start, s.Start);
            w.WriteNumber(Length, s.Length);
            w.WriteString(Text, s.Text.Span);
            w.WriteString(Name, s.Name);
            WriteNullable(w, Agency, s.Agency);
            w.WriteString(Cue, s.Cue);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray(Diagnostics);
        foreach (ref readonly var diagnostic in r.Diagnostics.Span)
        {
            w.WriteStartObject();
            w.WriteString(Code, diagnostic.Code);
            w.WriteString(Severity, EnumJson<DiagnosticSeverity>.Name(diagnostic.Severity));
            w.WriteString(Message, diagnostic.Message);
            WriteIfPresent(w, Start, diagnostic.Start);

            WriteIfPresent(w, Length, diagnostic.Length);

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, ErrorRecord r)
    {
        w.WriteStartObject();
        w.WriteString(Id, r.Id);
        w.WriteNumber(Line, r.Line);
        w.WriteString(Error, r.Error);
        w.WriteString(Code, EnumJson<ErrorCode>.Name(r.Code));
        w.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter w, in DateRecord t)
    {
        w.WriteStartObject();
        WriteTextSpan(w, t.Text.Span, t.Start, t.Length);
        w.WriteString(Type, EnumJson<TemporalType>.Name(t.Type));
        w.WriteString(Value, t.Value);
        if (t.Range is { } range)
        {
            w.WriteStartObject(Range);
            WriteDate(w, Start, range.Start);
            WriteDate(w, End, range.End);
            w.WriteEndObject();
        }

        if (t.Modifier is { } modifier)
        {
            w.WriteString(Modifier, EnumJson<TemporalModifier>.Name(modifier));
        }

        WriteIfPresent(w, YearInferred, t.YearInferred);

        w.WriteEndObject();
    }

    private static void WriteQuantity(Utf8JsonWriter w, in QuantityRecord q)
    {
        w.WriteStartObject();
        WriteTextSpan(w, q.Text.Span, q.Start, q.Length);
        w.WriteNumber(Value, q.Value);
        WriteIfPresent(w, Min, q.Min);

        WriteIfPresent(w, Max, q.Max);

        WriteIfPresent(w, Tolerance, q.Tolerance);

        WriteIfPresent(w, IsVague, q.IsVague);

        if (q.Modifier is { } modifier)
        {
            w.WriteString(Modifier, EnumJson<QuantityModifier>.Name(modifier));
        }
        else
        {
            w.WriteNull(Modifier);
        }

        WriteNullable(w, Unit, q.Unit);
        w.WriteString(Kind, EnumJson<QuantityKind>.Name(q.Kind));
        WriteNullable(w, Counted, q.Counted);
        WriteIfPresent(w, CountedHead, q.CountedHead);

        WriteIfPresent(w, Currency, q.Currency);

        WriteIfPresent(w, IsChange, q.IsChange);

        var members = q.Members;
        if (!members.Equals(default))
        {
            w.WriteStartArray(Members);
            foreach (ref readonly var m in members.Span)
            {
                w.WriteStartObject();
                WriteTextSpan(w, m.Text.Span, m.Start, m.Length);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        WriteIfPresent(w, CountMatches, q.CountMatches);

        w.WriteEndObject();
    }

    private static void WriteEntity(Utf8JsonWriter w, in EntityRecord e)
    {
        w.WriteStartObject();
        WriteTextSpan(w, e.Text.Span, e.Start, e.Length);
        w.WriteString(Type, EnumJson<EntityType>.Name(e.Type));
        w.WriteString(Canonical, e.Canonical);
        w.WriteNumber(Id, e.Id);
        WriteIfPresent(w, Title, e.Title);

        WriteIfPresent(w, CountryCode, e.CountryCode);

        w.WriteEndObject();
    }

    /// <summary>An optional field: written when it has a value, left out when not.</summary>
    private static void WriteIfPresent(Utf8JsonWriter w, JsonEncodedText name, bool? value)
    {
        if (value is { } v)
        {
            w.WriteBoolean(name, v);
        }
    }

    private static void WriteIfPresent(Utf8JsonWriter w, JsonEncodedText name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static void WriteIfPresent(Utf8JsonWriter w, JsonEncodedText name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static void WriteIfPresent(Utf8JsonWriter w, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>The <c>text</c>, <c>start</c>, <c>length</c> fields an extracted item opens with.</summary>
    private static void WriteTextSpan(Utf8JsonWriter w, ReadOnlySpan<char> text, int start, int length)
    {
        w.WriteString(Text, text);
        w.WriteNumber(Start, start);
        w.WriteNumber(Length, length);
    }

    private static void WriteNullable(Utf8JsonWriter w, JsonEncodedText name, string? value)
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

    /// <summary>A date as <see cref="IsoDateConverter"/> writes it, or null.</summary>
    private static void WriteDate(Utf8JsonWriter w, JsonEncodedText name, IsoDate? date)
    {
        if (date is { } d)
        {
            w.WritePropertyName(name);
            IsoDateConverter.WriteValue(w, d);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>An enum's values as <see cref="CamelCaseEnum{T}"/> writes them, encoded once.</summary>
    private static class EnumJson<T>
        where T : struct, Enum
    {
        private static readonly T[] Values = Enum.GetValues<T>();
        private static readonly JsonEncodedText[] Names = Array.ConvertAll(Values, v => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(v.ToString())));

        public static JsonEncodedText Name(T value)
        {
            var i = Array.IndexOf(Values, value);
            return i >= 0 ? Names[i] : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a named {typeof(T).Name}");
        }
    }

    /// <summary>
    /// Writes the <c>text</c> of a part that may be huge (header, body, trailer). <see cref="Utf8JsonWriter"/> escapes a
    /// value into a scratch buffer of six times its length before transcoding it, so a 100 M-character body asked for
    /// gigabytes at once; on .NET 10 a long value is written in segments of a few thousand characters (a surrogate pair
    /// is never split between two), which gives the same bytes.
    /// </summary>
    private static void WriteLongText(Utf8JsonWriter w, ReadOnlySpan<char> value)
    {
#if NET10_0_OR_GREATER
        const int Segment = 16 * 1024;
        if (value.Length > 4 * Segment)
        {
            w.WritePropertyName(Text);
            while (value.Length > Segment)
            {
                var n = char.IsHighSurrogate(value[Segment - 1]) ? Segment - 1 : Segment;
                w.WriteStringValueSegment(value[..n], isFinalSegment: false);
                value = value[n..];
            }

            w.WriteStringValueSegment(value, isFinalSegment: true);
            return;
        }
#endif
        w.WriteString(Text, value);
    }
}
