using System.Globalization;
using System.Text;
using NewsParsing.Entities;
using NewsParsing.Model;
using NewsParsing.Quantities;
using NewsParsing.Temporal;
using NodaTime.Text;

namespace NewsParsing.TestKit;

/// <summary>The canonical text dumps of an article, one per spec folder: what the <c>```expected</c> blocks hold.</summary>
public static class Dumps
{
    /// <summary>Segmentation: publication date, agency, authors, headline, dateline, body, trailer, diagnostics.</summary>
    public static string Segmentation(NewsArticle a)
    {
        var sb = new StringBuilder();
        sb.Append("published: ").Append(a.PublicationDate is { } p ? LocalDatePattern.Iso.Format(p) + " (" + a.PublicationDateSource.ToString().ToLowerInvariant() + ")" : "—").Append('\n');
        sb.Append("agency: ").Append(a.Agency?.Id ?? "—").Append('\n');
        sb.Append("authors: ").Append(a.Authors.IsEmpty ? "—" : string.Join(" | ", a.Authors.Select(x => x.Name))).Append('\n');
        sb.Append("headline: ").Append(a.Headline is { } h ? Quote(h) : "—").Append('\n');
        if (a.Dateline is { } d)
        {
            sb.Append("dateline: ").Append(Quote(d.Text)).Append('\n');
            sb.Append("  place: ").Append(d.Place ?? "—").Append('\n');
            sb.Append("  region: ").Append(d.Region ?? "—").Append('\n');
            sb.Append("  date: ");
            if (d.Date is { } date)
            {
                sb.Append(LocalDatePattern.Iso.Format(date)).Append(d.YearInferred ? " (year inferred)" : "");
            }
            else if (d.MonthDay is { } md)
            {
                sb.Append("--").Append(md.Month.ToString("00", CultureInfo.InvariantCulture)).Append('-').Append(md.Day.ToString("00", CultureInfo.InvariantCulture)).Append(" (no year)");
            }
            else
            {
                sb.Append('—');
            }

            sb.Append('\n');
            sb.Append("  agency: ").Append(d.Agency?.Id ?? "—").Append('\n');
        }
        else
        {
            sb.Append("dateline: —\n");
        }

        sb.Append("body: ").Append(a.Body.Paragraphs.Length.ToString(CultureInfo.InvariantCulture))
            .Append(a.Body.Paragraphs.Length == 1 ? " paragraph" : " paragraphs");
        if (a.Body.Paragraphs.Length > 0)
        {
            sb.Append(", starts ").Append(Quote(Head(a.Body.Paragraphs[0].Text)));
        }

        sb.Append('\n');
        sb.Append("trailer: ").Append(a.Trailer is { } t ? t.Kind.ToString() + " " + Quote(t.Text) : "—");
        var codes = a.Diagnostics.Where(x => x.Code != DiagnosticCodes.NoPublicationDate).Select(x => x.Code).ToList();
        if (codes.Count > 0)
        {
            sb.Append('\n').Append("diagnostics: ").Append(string.Join(' ', codes));
        }

        return sb.ToString();
    }

    /// <summary>Dates: <c>"text" TYPE value [range a..b] [mod=…] [(year inferred)]</c>, one a line.</summary>
    public static string Dates(NewsArticle article)
    {
        if (article.Dates.IsEmpty)
        {
            return "(no dates)";
        }

        var sb = new StringBuilder();
        foreach (var d in article.Dates)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append('"').Append(d.Text).Append("\" ").Append(d.Type.ToString().ToUpperInvariant()).Append(' ').Append(d.Value);
            if (d.IsRange && d.Range is { } r)
            {
                sb.Append(" range ").Append(LocalDatePattern.Iso.Format(r.Start)).Append("..").Append(LocalDatePattern.Iso.Format(r.End));
            }

            if (d.Modifier != TemporalModifier.None)
            {
                sb.Append(" mod=").Append(d.Modifier.ToString().ToUpperInvariant());
            }

            if (d.YearInferred)
            {
                sb.Append(" (year inferred)");
            }
        }

        return sb.ToString();
    }

    /// <summary>Quantities: <c>"text" kind value [min= max=] [tol=] [unit=] [currency=] [mod=] [vague] [counted="…" head=…] [change] [members=[…] countMatches=…]</c>
    /// (currency only where it differs from the unit: a price per unit).</summary>
    public static string Quantities(NewsArticle article)
    {
        if (article.Quantities.IsEmpty)
        {
            return "(no quantities)";
        }

        var sb = new StringBuilder();
        foreach (var q in article.Quantities)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append('"').Append(q.Text).Append("\" ").Append(q.Kind.ToString().ToLowerInvariant()).Append(' ').Append(q.Value.ToString(CultureInfo.InvariantCulture));
            if (q.Min is { } min)
            {
                sb.Append(" min=").Append(min.ToString(CultureInfo.InvariantCulture));
            }

            if (q.Max is { } max)
            {
                sb.Append(" max=").Append(max.ToString(CultureInfo.InvariantCulture));
            }

            if (q.Tolerance is { } tolerance)
            {
                sb.Append(" tol=").Append(tolerance.ToString(CultureInfo.InvariantCulture));
            }

            if (q.Unit is not null)
            {
                sb.Append(" unit=").Append(q.Unit);
            }

            if (q.Currency is not null && q.Currency != q.Unit)
            {
                sb.Append(" currency=").Append(q.Currency);
            }

            if (q.Modifier != QuantityModifier.None)
            {
                sb.Append(" mod=").Append(q.Modifier);
            }

            if (q.IsVague)
            {
                sb.Append(" vague");
            }

            if (q.Counted is not null)
            {
                sb.Append(" counted=\"").Append(q.Counted.Text).Append("\" head=").Append(q.CountedHead);
            }

            if (q.IsChange)
            {
                sb.Append(" change");
            }

            if (!q.Members.IsEmpty)
            {
                sb.Append(" members=[").Append(string.Join(" | ", q.Members.Select(m => m.Text))).Append("] countMatches=").Append(q.CountMatches);
            }
        }

        return sb.ToString();
    }

    /// <summary>Agency and sources: <c>agency: id (evidence)</c>, then <c>source: "text" cue="…" name="…" [agency=id]</c>
    /// lines, then the language when it is not English and the agency diagnostics when there are any.</summary>
    public static string Agencies(NewsArticle a)
    {
        var sb = new StringBuilder();
        sb.Append("agency: ").Append(a.Agency is { } agency ? agency.Id + " (" + a.AgencyEvidence.ToString() + ")" : "—");
        foreach (var s in a.Sources)
        {
            sb.Append("\nsource: ").Append(Quote(s.Text)).Append(" cue=\"").Append(s.Cue).Append("\" name=\"").Append(s.Name).Append('"');
            if (s.Agency is { } sa)
            {
                sb.Append(" agency=").Append(sa.Id);
            }
        }

        if (a.Language is { } language && language != "en")
        {
            sb.Append("\nlanguage: ").Append(language);
        }

        var codes = a.Diagnostics.Where(x => x.Code is DiagnosticCodes.AgencyConflict or DiagnosticCodes.NotEnglish).Select(x => x.Code).ToList();
        if (codes.Count > 0)
        {
            sb.Append("\ndiagnostics: ").Append(string.Join(' ', codes));
        }

        return sb.ToString();
    }

    /// <summary>Entities: <c>"text" Type #id canonical="…" [title="…"] [country=ISO]</c>.</summary>
    public static string Entities(NewsArticle article)
    {
        if (article.Entities.IsEmpty)
        {
            return "(no entities)";
        }

        var sb = new StringBuilder();
        foreach (var e in article.Entities)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append('"').Append(e.Text).Append("\" ").Append(e.Type).Append(" #").Append(e.Id).Append(" canonical=\"").Append(e.Canonical).Append('"');
            if (e.Title is not null)
            {
                sb.Append(" title=\"").Append(e.Title).Append('"');
            }

            if (e.CountryCode is not null)
            {
                sb.Append(" country=").Append(e.CountryCode);
            }
        }

        return sb.ToString();
    }

    private static string Head(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static string Quote(string s) => "\"" + s.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
}
