using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsParsing.Agencies;
using NewsParsing.Entities;
using NewsParsing.Model;
using NewsParsing.Quantities;
using NewsParsing.Temporal;
using NodaTime;

namespace NewsParsing.Cli;

// The records newsparse writes, as types: the source of docs/newsparse.schema.json (NewsparseSchema) and of the
// source-generated NewsparseJsonContext, which RecordJson's direct writer calls are tested against byte for byte. Property order is the field order of the output. Items are
// structs that wrap the parsed element and read it while being written, and arrays are slices of buffers each worker
// reuses, so a record costs no allocation per entity, date or quantity, and span texts are written from the article's
// text without a substring.

/// <summary>One parsed article: a line of <c>newsparse parse</c> output.</summary>
[Description("One parsed article: a line of `newsparse parse` output (JSON Lines). Offsets are zero-based, half-open UTF-16 offsets into the article's input text.")]
internal sealed class ArticleRecord
{
    [Description("The input line's id (--input-format jsonl), as a string: the input's, or the 1-based line number when the line has none.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; set; }

    [Description("The path as given (dir/file.txt for files found in a directory), '-' for standard input, or the id in jsonl mode.")]
    public string Source { get; set; } = "";

    [Description("Publication date YYYY-MM-DD.")]
    public IsoDate? Published { get; set; }

    [Description("HTML pages only: publication time with offset.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PublishedAt { get; set; }

    [Description("HTML pages only: the page address.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; set; }

    public string? Headline { get; set; }

    [Description("Canonical agency id (azertac, reuters, ...).")]
    public string? Agency { get; set; }

    [Description("Where the agency was found.")]
    public AgencyEvidence AgencyEvidence { get; set; }

    [Description("BCP 47 language of the body, null when undetermined.")]
    public string? Language { get; set; }

    public ReadOnlyMemory<string> Authors { get; set; }

    public SegmentRecord Header { get; set; }

    public DatelineRecord? Dateline { get; set; }

    public BodyRecord Body { get; set; }

    public TrailerRecord? Trailer { get; set; }

    public ReadOnlyMemory<DateRecord> Dates { get; set; }

    public ReadOnlyMemory<QuantityRecord> Quantities { get; set; }

    public ReadOnlyMemory<EntityRecord> Entities { get; set; }

    [Description("Cited outlets and agencies.")]
    public ReadOnlyMemory<SourceRecord> Sources { get; set; }

    public ReadOnlyMemory<DiagnosticRecord> Diagnostics { get; set; }
}

/// <summary>The error record of a JSON Lines input line that gave no article.</summary>
[Description("The error record of a JSON Lines input line that gave no article (--input-format jsonl).")]
internal sealed class ErrorRecord
{
    [Description("The input line's id, or its 1-based line number when it has none (or is not JSON).")]
    public string Id { get; set; } = "";

    [Description("The 1-based line number.")]
    public long Line { get; set; }

    [Description("What went wrong.")]
    public string Error { get; set; } = "";

    [Description("invalidJson, invalidRecord, lineTooLong or parseFailed.")]
    public ErrorCode Code { get; set; }
}

/// <summary>Why a JSON Lines input line gave no article.</summary>
internal enum ErrorCode
{
    /// <summary>The line is not JSON or not an object.</summary>
    InvalidJson,

    /// <summary>The object has neither text nor html, or a bad published date.</summary>
    InvalidRecord,

    /// <summary>The line is longer than the tool reads.</summary>
    LineTooLong,

    /// <summary>The library threw on the article.</summary>
    ParseFailed,
}

/// <summary>Text of the input: written from the element's span of the article text, never copied.</summary>
[JsonConverter(typeof(TextSliceConverter))]
internal readonly struct TextSlice(ArticleElement element)
{
    public ReadOnlySpan<char> Span => element.AsSpan();
}

/// <summary>A date written as ISO 8601 <c>YYYY-MM-DD</c>.</summary>
[JsonConverter(typeof(IsoDateConverter))]
internal readonly struct IsoDate(LocalDate value)
{
    public LocalDate Value => value;

    public static IsoDate? From(LocalDate? date) => date is { } d ? new IsoDate(d) : null;
}

/// <summary>A header: its span and text.</summary>
internal readonly struct SegmentRecord(ArticleElement e)
{
    public int Start => e.Span.Start;

    public int Length => e.Span.Length;

    public TextSlice Text => new(e);
}

internal readonly struct DatelineRecord(Dateline d)
{
    public int Start => d.Span.Start;

    public int Length => d.Span.Length;

    public TextSlice Text => new(d);

    public string? Place => d.Place;

    public string? Region => d.Region;

    public IsoDate? Date => IsoDate.From(d.Date);

    public bool YearInferred => d.YearInferred;

    [Description("Present (true) when the dateline writes no date and date is its HTML page's publication date.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? DateFromPublication => d.DateFromPublication ? true : null;

    public string? Agency => d.Agency?.Id;
}

internal readonly struct BodyRecord(ArticleBody b, ReadOnlyMemory<ParagraphRecord> paragraphs)
{
    public int Start => b.Span.Start;

    public int Length => b.Span.Length;

    public TextSlice Text => new(b);

    public ReadOnlyMemory<ParagraphRecord> Paragraphs => paragraphs;
}

internal readonly struct ParagraphRecord(TextSegment p)
{
    public int Start => p.Span.Start;

    public int Length => p.Span.Length;
}

internal readonly struct TrailerRecord(Trailer t)
{
    public int Start => t.Span.Start;

    public int Length => t.Span.Length;

    public TextSlice Text => new(t);

    public TrailerKind Kind => t.Kind;

    public string? Agency => t.Agency?.Id;
}

/// <summary>A date or time expression (see docs/dates.md).</summary>
internal readonly struct DateRecord(TemporalExpression t)
{
    public TextSlice Text => new(t);

    public int Start => t.Span.Start;

    public int Length => t.Span.Length;

    public TemporalType Type => t.Type;

    [Description("TIMEX3 value: 2021-10-05, 2021-W40, P3D, XXXX-03-09, ...")]
    public string Value => t.Value;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateRangeRecord? Range => t.IsRange && t.Range is { } r ? new DateRangeRecord(new IsoDate(r.Start), new IsoDate(r.End)) : null;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TemporalModifier? Modifier => t.Modifier == TemporalModifier.None ? null : t.Modifier;

    [Description("Present (true) when the year was inferred from the publication date.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? YearInferred => t.YearInferred ? true : null;
}

internal readonly record struct DateRangeRecord(IsoDate Start, IsoDate End);

/// <summary>A numeric fact (see docs/quantities.md).</summary>
internal readonly struct QuantityRecord(Quantity q, ReadOnlyMemory<MemberRecord> members)
{
    public TextSlice Text => new(q);

    public int Start => q.Span.Start;

    public int Length => q.Span.Length;

    [Description("The value in its unit, scales applied and the sign kept; a range's upper end (max), a vague amount's lower bound (min), a ratio's quotient.")]
    public decimal Value => q.Value;

    [Description("Lower end of a range, bound or tolerance; a vague amount's lower bound.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Min => q.Min;

    [Description("Upper end of a range, bound or tolerance.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Max => q.Max;

    [Description("The uncertainty of a value written with one (9.81 +/- 0.02): min and max are value -/+ tolerance.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Tolerance => q.Tolerance;

    [Description("Present (true) for a vague amount (hundreds of millions): value is its lower bound.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IsVague => q.IsVague ? true : null;

    public QuantityModifier? Modifier => q.Modifier == QuantityModifier.None ? null : q.Modifier;

    [Description("Canonical unit symbol (km, mg, m/s2, °C), ISO 4217 code for money, code/unit for a price per unit (USD/t).")]
    public string? Unit => q.Unit;

    public QuantityKind Kind => q.Kind;

    [Description("What is counted, as written.")]
    public string? Counted => q.Counted?.Text;

    [Description("The head noun of what is counted.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CountedHead => q.CountedHead;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Currency => q.Currency;

    [Description("Present (true) when the quantity is a change (rose by 5%), not a level.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IsChange => q.IsChange ? true : null;

    [Description("The members of the list the quantity counts.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ReadOnlyMemory<MemberRecord> Members => q.Members.IsEmpty ? default : members;

    [Description("Whether the count agrees with the list after it.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? CountMatches => q.CountMatches;
}

internal readonly struct MemberRecord(ArticleElement m)
{
    public TextSlice Text => new(m);

    public int Start => m.Span.Start;

    public int Length => m.Span.Length;
}

/// <summary>A named entity (see docs/entities.md).</summary>
internal readonly struct EntityRecord(Entity e)
{
    public TextSlice Text => new(e);

    public int Start => e.Span.Start;

    public int Length => e.Span.Length;

    public EntityType Type => e.Type;

    public string Canonical => e.Canonical;

    [Description("The entity's number in the article: mentions of one entity share it.")]
    public int Id => e.Id;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Title => e.Title;

    [Description("ISO 3166-1 alpha-2 code of a country or of a place's country.")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CountryCode => e.CountryCode;
}

internal readonly struct SourceRecord(Source s)
{
    public int Start => s.Span.Start;

    public int Length => s.Span.Length;

    [Description("The name as written.")]
    public TextSlice Text => new(s);

    public string Name => s.Name;

    [Description("Registered agency id, or null.")]
    public string? Agency => s.Agency?.Id;

    [Description("via, citing, according to, told, reported by, quoted by, reported, said, ...")]
    public string Cue => s.Cue;
}

internal readonly struct DiagnosticRecord(Diagnostic d)
{
    [Description("Stable code: NP00xx from the library, NP09xx from the tool (docs/diagnostics.md, docs/cli.md).")]
    public string Code => d.Code;

    public DiagnosticSeverity Severity => d.Severity;

    public string Message => d.Message;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Start => d.Span?.Start;

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Length => d.Span?.Length;
}

internal sealed class TextSliceConverter : JsonConverter<TextSlice>
{
    public override TextSlice Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

    public override void Write(Utf8JsonWriter writer, TextSlice value, JsonSerializerOptions options) => writer.WriteStringValue(value.Span);
}

internal sealed class IsoDateConverter : JsonConverter<IsoDate>
{
    public override IsoDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

    public override void Write(Utf8JsonWriter writer, IsoDate value, JsonSerializerOptions options) => WriteValue(writer, value);

    public static void WriteValue(Utf8JsonWriter writer, IsoDate value)
    {
        var d = value.Value;
        if (d.Year is >= 0 and <= 9999)
        {
            // Formatted on the stack: no string per date.
            Span<char> chars = stackalloc char[10];
            chars.TryWrite(System.Globalization.CultureInfo.InvariantCulture, $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2}", out var n);
            writer.WriteStringValue(chars[..n]);
        }
        else
        {
            writer.WriteStringValue(NodaTime.Text.LocalDatePattern.Iso.Format(d));
        }
    }
}

/// <summary>The source-generated serialisation of the records: camelCase names and enum values.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [
        typeof(CamelCaseEnum<AgencyEvidence>), typeof(CamelCaseEnum<TrailerKind>), typeof(CamelCaseEnum<TemporalType>),
        typeof(CamelCaseEnum<TemporalModifier>), typeof(CamelCaseEnum<QuantityModifier>), typeof(CamelCaseEnum<QuantityKind>),
        typeof(CamelCaseEnum<EntityType>), typeof(CamelCaseEnum<DiagnosticSeverity>), typeof(CamelCaseEnum<ErrorCode>)])]
[JsonSerializable(typeof(ArticleRecord))]
[JsonSerializable(typeof(ErrorRecord))]
internal sealed partial class NewsparseJsonContext : JsonSerializerContext;

/// <summary>Every enum as its camelCase name (<c>moreThan</c>, <c>selfCredit</c>): one rule for all.</summary>
internal sealed class CamelCaseEnum<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where T : struct, Enum;
