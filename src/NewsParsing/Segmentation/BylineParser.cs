using NewsParsing.Agencies;
using NewsParsing.Text;

namespace NewsParsing.Segmentation;

/// <summary>
/// Splits a byline into authors and an agency: <c>By Vugar Khalilov</c>, <c>By Cal Mankowski, Reuters</c>,
/// <c>By John Smith and Jane Doe</c>, and the scraped glue <c>By AzernewsBy Vugar Khalilov</c>.
/// </summary>
internal sealed class BylineParser
{
    private readonly AgencyRegistry _agencies;

    public BylineParser(AgencyRegistry agencies)
    {
        _agencies = agencies;
    }

    /// <summary>Whether the line at <paramref name="start"/> opens with <c>By </c> (any case) followed by a capital.</summary>
    public static bool StartsWithBy(ReadOnlySpan<char> s, int start, int end)
    {
        var p = CharClasses.SkipInlineSpace(s[..end], start);
        return p + 3 < end && (s[p] == 'B' || s[p] == 'b') && (s[p + 1] == 'y' || s[p + 1] == 'Y')
            && CharClasses.IsInlineSpace(s[p + 2]) && char.IsUpper(s[CharClasses.SkipInlineSpace(s[..end], p + 2)]);
    }

    /// <summary>Parses the byline in <c>[start, end)</c> into author spans (absolute offsets) and an agency.</summary>
    public void Parse(ReadOnlySpan<char> s, int start, int end, List<(int Start, int End)> authors, out Agency? agency, out int agencyStart, out int agencyEnd)
    {
        agency = null;
        agencyStart = agencyEnd = -1;
        var p = CharClasses.SkipInlineSpace(s[..end], start);
        if (StartsWithBy(s, p, end))
        {
            p = CharClasses.SkipInlineSpace(s[..end], p + 2);
        }

        // Split into parts at ",", ";", "&", " and ", and at the glue "xBy " where a scraper ran two bylines together.
        var partStart = p;
        var i = p;
        while (i <= end)
        {
            var cut = 0;
            var skip = 0;
            if (i == end)
            {
                cut = 1;
            }
            else if (s[i] is ',' or ';' or '&' or '|')
            {
                cut = 1;
                skip = 1;
            }
            else if (i + 5 <= end && s[i] == ' ' && s.Slice(i + 1, 3).Equals("and", StringComparison.OrdinalIgnoreCase) && s[i + 4] == ' ')
            {
                cut = 1;
                skip = 5;
            }
            else if (i > p && i + 3 < end && s[i] == 'B' && s[i + 1] == 'y' && s[i + 2] == ' ' && char.IsLower(s[i - 1]) && char.IsUpper(s[i + 3]))
            {
                cut = 1;
                skip = 3; // "AzernewsBy Vugar": the lower-case letter before "By" marks glue, not a name like "ABBY"
            }

            if (cut != 0)
            {
                AddPart(s, partStart, i, authors, ref agency, ref agencyStart, ref agencyEnd);
                i += Math.Max(skip, 1);
                partStart = i;
                continue;
            }

            i++;
        }
    }

    private void AddPart(ReadOnlySpan<char> s, int start, int end, List<(int Start, int End)> authors, ref Agency? agency, ref int agencyStart, ref int agencyEnd)
    {
        while (start < end && (char.IsWhiteSpace(s[start]) || s[start] == '-'))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(s[end - 1]) || s[end - 1] is '.' or '-' or ':'))
        {
            // keep the period of a final initial ("John Q.") only when the part is an initial itself
            if (s[end - 1] == '.' && end - 2 >= start && char.IsUpper(s[end - 2]) && (end - 3 < start || s[end - 3] == ' '))
            {
                break;
            }

            end--;
        }

        if (end <= start)
        {
            return;
        }

        var part = s[start..end];
        if (StartsWithBy(s, start, end))
        {
            start = CharClasses.SkipInlineSpace(s[..end], start + 2);
            part = s[start..end];
        }

        var found = _agencies.FindByAlias(part);
        if (found is not null)
        {
            if (agency is null)
            {
                agency = found;
                agencyStart = start;
                agencyEnd = end;
            }

            return;
        }

        if (IsName(part))
        {
            authors.Add((start, end));
        }
    }

    private static bool IsName(ReadOnlySpan<char> part)
    {
        if (part.Length is < 2 or > 60 || !char.IsUpper(part[0]))
        {
            return false;
        }

        var words = 1;
        foreach (var c in part)
        {
            if (c == ' ')
            {
                words++;
            }
            else if (char.IsDigit(c) || c is '@' or '/' or ':' or '(' or ')')
            {
                return false;
            }
        }

        return words <= 5;
    }
}
