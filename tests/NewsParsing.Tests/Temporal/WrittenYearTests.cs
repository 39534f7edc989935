using NewsParsing.Temporal;
using NewsParsing.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NewsParsing.Tests.Temporal;

/// <summary>A year written in or right after a date is the year of its value, over Reuters and AzerNews.</summary>
public class WrittenYearTests(ITestOutputHelper output)
{
    /// <summary>A year written inside a date's span must be a year of its value, and a year written right after a date
    /// that writes none, closing the phrase (<c>February 25-26, 1992,</c>), the year of its last end: over Reuters and
    /// AzerNews.</summary>
    [EvalFact]
    public void A_written_year_is_the_year_of_the_value()
    {
        var wrong = new List<string>();
        var checkedDates = 0;
        foreach (var doc in DateCorpora.Reuters().Concat(DateCorpora.AzerNews()))
        {
            var article = DateCorpora.Parse(doc);
            foreach (var d in article.Dates)
            {
                if (d.Type is not (TemporalType.Date or TemporalType.Time))
                {
                    continue;
                }

                checkedDates++;
                if (WrittenYears.Disagreement(article.Text, d) is { } problem)
                {
                    wrong.Add($"{doc.Corpus}/{doc.Id}: {problem.ReplaceLineEndings(" ")}");
                }
            }
        }

        output.WriteLine($"{checkedDates} dates checked, {wrong.Count} whose written year differs from the value");
        wrong.Take(60).ToList().ForEach(output.WriteLine);
        wrong.Should().BeEmpty();
    }
}

/// <summary>The years written in and right after a date, against the years of its value.</summary>
public static class WrittenYears
{
    /// <summary>What disagrees, or <see langword="null"/>.</summary>
    public static string? Disagreement(string text, TemporalExpression d)
    {
        var ends = d.Value.Split('/');
        var years = new List<(int Low, int High)>();
        foreach (var end in ends)
        {
            if (end.Length >= 4 && char.IsAsciiDigit(end[0]) && char.IsAsciiDigit(end[1]) && char.IsAsciiDigit(end[2]))
            {
                if (char.IsAsciiDigit(end[3]))
                {
                    var y = int.Parse(end.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
                    years.Add((y, y));
                }
                else if (end[3] == 'X')
                {
                    var decade = int.Parse(end.AsSpan(0, 3), System.Globalization.CultureInfo.InvariantCulture) * 10;
                    years.Add((decade, decade + 9));
                }
            }
        }

        var context = $"'{d.Text}' {d.Value} (…{OneLine(text.AsSpan(d.Span.End, Math.Min(24, text.Length - d.Span.End)))}…)";
        var span = text.AsSpan(d.Span.Start, d.Span.Length);
        for (var i = 0; i < span.Length; i++)
        {
            if (YearAt(span, i) is { } inside)
            {
                if (!years.Exists(r => inside >= r.Low && inside <= r.High))
                {
                    return $"{context}: {inside} is written inside";
                }

                i += 3;
            }
        }

        // Right after, closing the phrase: ", 1992." or " 1992," — a year the date does not already write, followed by
        // punctuation or the end (not "1986 profit", "1986/87", "1987, 1988 and 1989").
        var written = false;
        for (var i = 0; i < span.Length && !written; i++)
        {
            written = YearAt(span, i) is not null;
        }

        var after = d.Span.End;
        if (after < text.Length && text[after] == ',')
        {
            after++;
        }

        while (after < text.Length && text[after] is ' ' or '\t')
        {
            after++;
        }

        if (!written && after > d.Span.End && YearAt(text.AsSpan(), after) is { } following && ClosesPhrase(text, after + 4))
        {
            var last = years.Count > 0 ? years[^1] : (Low: int.MinValue, High: int.MinValue);
            if (following < last.Low || following > last.High)
            {
                return $"{context}: {following} is written right after";
            }
        }

        return null;
    }

    private static bool ClosesPhrase(string text, int i)
    {
        var lineBreaks = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            lineBreaks += text[i] == '\n' ? 1 : 0;
            i++;
        }

        return i >= text.Length || lineBreaks > 1 || text[i] is '.' or ',' or ';' or ':' or ')' or '"' or '”';
    }

    private static string OneLine(ReadOnlySpan<char> s) => s.ToString().ReplaceLineEndings(" ");

    /// <summary>A year (1000–2199) as four digits at <paramref name="i"/>, not part of a longer number or word.</summary>
    private static int? YearAt(ReadOnlySpan<char> s, int i)
    {
        if (i + 4 > s.Length || (i > 0 && (char.IsAsciiDigit(s[i - 1]) || (s[i - 1] is ',' or '.' && i > 1 && char.IsAsciiDigit(s[i - 2])))))
        {
            return null;
        }

        for (var k = i; k < i + 4; k++)
        {
            if (!char.IsAsciiDigit(s[k]))
            {
                return null;
            }
        }

        if (i + 4 < s.Length && (char.IsLetterOrDigit(s[i + 4]) || (s[i + 4] is ',' or '.' && i + 5 < s.Length && char.IsAsciiDigit(s[i + 5]))))
        {
            return null;
        }

        var y = int.Parse(s.Slice(i, 4), System.Globalization.CultureInfo.InvariantCulture);
        return y is >= 1000 and <= 2199 ? y : null;
    }
}
