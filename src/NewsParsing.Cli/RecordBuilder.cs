using System.Text.Json;
using NewsParsing.Model;

namespace NewsParsing.Cli;

/// <summary>
/// Turns a parsed article into its <see cref="ArticleRecord"/> and writes it (<see cref="RecordJson"/>). One
/// per worker: the record and the arrays its lists slice are reused for every article, so a record allocates nothing
/// per item (the items are structs that read the article while being written).
/// </summary>
internal sealed class RecordBuilder
{
    private readonly ArticleRecord _record = new();
    private readonly ErrorRecord _error = new();
    private string[] _authors = new string[4];
    private ParagraphRecord[] _paragraphs = new ParagraphRecord[32];
    private DateRecord[] _dates = new DateRecord[32];
    private QuantityRecord[] _quantities = new QuantityRecord[32];
    private MemberRecord[] _members = new MemberRecord[32];
    private EntityRecord[] _entities = new EntityRecord[64];
    private SourceRecord[] _sources = new SourceRecord[8];
    private DiagnosticRecord[] _diagnostics = new DiagnosticRecord[8];
    private int _memberCount;

    public void Write(Utf8JsonWriter w, string source, NewsArticle a, string? id, List<Diagnostic>? damage) =>
        Write(w, source, a, id, damage, static (w, r) => RecordJson.Write(w, r));

    /// <summary>Fills the record for <paramref name="a"/>, hands it to <paramref name="write"/> and clears it.</summary>
    internal void Write(Utf8JsonWriter w, string source, NewsArticle a, string? id, List<Diagnostic>? damage, Action<Utf8JsonWriter, ArticleRecord> write)
    {
        var r = _record;
        r.Id = id;
        r.Source = source;
        r.Published = IsoDate.From(a.PublicationDate);
        r.PublishedAt = a.PublishedAt is { } at ? NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Format(at) : null;
        r.Url = a.Url;
        r.Headline = a.Headline;
        r.Agency = a.Agency?.Id;
        r.AgencyEvidence = a.AgencyEvidence;
        r.Language = a.Language;

        var n = 0;
        Grow(ref _authors, a.Authors.Length);
        foreach (var author in a.Authors)
        {
            _authors[n++] = author.Name;
        }

        r.Authors = _authors.AsMemory(0, n);
        r.Header = new SegmentRecord(a.Header);
        r.Dateline = a.Dateline is { } d ? new DatelineRecord(d) : null;

        n = 0;
        Grow(ref _paragraphs, a.Body.Paragraphs.Length);
        foreach (var p in a.Body.Paragraphs)
        {
            _paragraphs[n++] = new ParagraphRecord(p);
        }

        r.Body = new BodyRecord(a.Body, _paragraphs.AsMemory(0, n));
        r.Trailer = a.Trailer is { } t ? new TrailerRecord(t) : null;

        n = 0;
        Grow(ref _dates, a.Dates.Length);
        foreach (var date in a.Dates)
        {
            _dates[n++] = new DateRecord(date);
        }

        r.Dates = _dates.AsMemory(0, n);

        n = 0;
        var memberCount = 0;
        foreach (var q in a.Quantities)
        {
            memberCount += q.Members.Length;
        }

        Grow(ref _quantities, a.Quantities.Length);
        Grow(ref _members, memberCount);
        var m = 0;
        foreach (var q in a.Quantities)
        {
            var first = m;
            foreach (var member in q.Members)
            {
                _members[m++] = new MemberRecord(member);
            }

            _quantities[n++] = new QuantityRecord(q, _members.AsMemory(first, m - first));
        }

        _memberCount = m;

        r.Quantities = _quantities.AsMemory(0, n);

        n = 0;
        Grow(ref _entities, a.Entities.Length);
        foreach (var e in a.Entities)
        {
            _entities[n++] = new EntityRecord(e);
        }

        r.Entities = _entities.AsMemory(0, n);

        n = 0;
        Grow(ref _sources, a.Sources.Length);
        foreach (var s in a.Sources)
        {
            _sources[n++] = new SourceRecord(s);
        }

        r.Sources = _sources.AsMemory(0, n);

        n = 0;
        Grow(ref _diagnostics, a.Diagnostics.Length + (damage?.Count ?? 0));
        foreach (var diagnostic in a.Diagnostics)
        {
            _diagnostics[n++] = new DiagnosticRecord(diagnostic);
        }

        if (damage is not null)
        {
            foreach (var diagnostic in damage)
            {
                _diagnostics[n++] = new DiagnosticRecord(diagnostic);
            }
        }

        r.Diagnostics = _diagnostics.AsMemory(0, n);
        try
        {
            write(w, r);
        }
        finally
        {
            Clear();
        }
    }

    public void WriteError(Utf8JsonWriter w, string id, long line, string message, ErrorCode code) =>
        WriteError(w, id, line, message, code, static (w, r) => RecordJson.Write(w, r));

    internal void WriteError(Utf8JsonWriter w, string id, long line, string message, ErrorCode code, Action<Utf8JsonWriter, ErrorRecord> write)
    {
        _error.Id = id;
        _error.Line = line;
        _error.Error = message;
        _error.Code = code;
        write(w, _error);
    }

    /// <summary>Nothing of an article stays reachable from the worker after its record is written.</summary>
    private void Clear()
    {
        var r = _record;
        Array.Clear(_authors, 0, r.Authors.Length);
        Array.Clear(_paragraphs, 0, r.Body.Paragraphs.Length);
        Array.Clear(_dates, 0, r.Dates.Length);
        Array.Clear(_quantities, 0, r.Quantities.Length);
        Array.Clear(_members, 0, _memberCount);
        Array.Clear(_entities, 0, r.Entities.Length);
        Array.Clear(_sources, 0, r.Sources.Length);
        Array.Clear(_diagnostics, 0, r.Diagnostics.Length);
        r.Header = default;
        r.Dateline = null;
        r.Body = default;
        r.Trailer = null;
        r.Authors = default;
        r.Dates = default;
        r.Quantities = default;
        r.Entities = default;
        r.Sources = default;
        r.Diagnostics = default;
    }

    private static void Grow<T>(ref T[] array, int count)
    {
        if (array.Length < count)
        {
            array = new T[Math.Max(count, array.Length * 2)];
        }
    }
}
