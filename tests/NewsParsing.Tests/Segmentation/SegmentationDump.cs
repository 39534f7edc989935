using System.Globalization;
using System.Text;
using NewsParsing.Model;
using NodaTime.Text;

namespace NewsParsing.Tests.Segmentation;

/// <summary>The canonical text dump of an article's segmentation, used by spec and golden files.</summary>
public static class SegmentationDump
{
    public static string Dump(NewsArticle a)
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

    private static string Head(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static string Quote(string s) => "\"" + s.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
}
