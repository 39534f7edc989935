using NewsParsing.Temporal;
using NewsParsing.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NewsParsing.Tests.Temporal;

/// <summary>
/// Every value the temporal stage writes is well-formed TIMEX3 (<see cref="Timex3"/>), over the real corpora of
/// <c>../shared/eval</c> and (in <see cref="Robustness.FuzzTests"/>) over the fuzz inputs.
/// </summary>
public class Timex3Tests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("DATE", "2021")]
    [InlineData("DATE", "2021-07")]
    [InlineData("DATE", "2021-07-26")]
    [InlineData("DATE", "2020-02-29")]
    [InlineData("DATE", "2021-W39")]
    [InlineData("DATE", "2021-W39-WE")]
    [InlineData("DATE", "2021-Q1")]
    [InlineData("DATE", "2021-H2")]
    [InlineData("DATE", "2021-SP")]
    [InlineData("DATE", "2021-WI")]
    [InlineData("DATE", "199X")]
    [InlineData("DATE", "19XX")]
    [InlineData("DATE", "199")]
    [InlineData("DATE", "19")]
    [InlineData("DATE", "XXXX-03-09")]
    [InlineData("DATE", "XXXX-XX")]
    [InlineData("DATE", "1998-XX-XX")]
    [InlineData("DATE", "PRESENT_REF")]
    [InlineData("DATE", "PAST_REF")]
    [InlineData("DATE", "FUTURE_REF")]
    [InlineData("DATE", "2021-07-26/2021-08-06")]
    [InlineData("DATE", "2018/2020")]
    [InlineData("TIME", "2025-07-18TEV")]
    [InlineData("TIME", "1987-03-05TMO")]
    [InlineData("TIME", "1998-08-07T10:35")]
    [InlineData("TIME", "1998-08-07T10:35:12")]
    [InlineData("TIME", "1998-08-07T10")]
    [InlineData("TIME", "XXXX-XX-XXT14:00")]
    [InlineData("TIME", "XXXX-WXX-1TNI")]
    [InlineData("DURATION", "P44D")]
    [InlineData("DURATION", "P2DE")]
    [InlineData("DURATION", "P1CE")]
    [InlineData("DURATION", "PXY")]
    [InlineData("DURATION", "P1Y6M")]
    [InlineData("DURATION", "PT5H30M")]
    [InlineData("DURATION", "P1DT2H")]
    [InlineData("DURATION", "P1.5Y")]
    [InlineData("DURATION", "P2WE")]
    [InlineData("DURATION", "P3Q")]
    [InlineData("SET", "P1W")]
    [InlineData("SET", "XXXX-WXX-1")]
    public void The_grammar_accepts(string type, string value)
    {
        Timex3.IsValid(type, value).Should().BeTrue($"{type} {value} is TIMEX3");
    }

    [Theory]
    [InlineData("TIME", "2025-07-18TTEV")] // the part of day written after a second T
    [InlineData("TIME", "1999-10-24TTNI")]
    [InlineData("TIME", "2025-07-18")] // a TIME needs a time of day
    [InlineData("DATE", "2021-02-29")] // no such day
    [InlineData("DATE", "2021-13")]
    [InlineData("DATE", "2021-00-10")]
    [InlineData("DATE", "2021-W54")]
    [InlineData("DATE", "2021-W9")]
    [InlineData("DATE", "2021-Q5")]
    [InlineData("DATE", "2021-H3")]
    [InlineData("DATE", "2021-XM")]
    [InlineData("DATE", "1X9X")]
    [InlineData("DATE", "2")]
    [InlineData("DATE", "20211")]
    [InlineData("DATE", "P1Y")] // a duration is not a DATE
    [InlineData("DATE", "2021-08-06/2021-07-26")] // an interval backwards
    [InlineData("DATE", "")]
    [InlineData("DURATION", "P")]
    [InlineData("DURATION", "PT")]
    [InlineData("DURATION", "P1E")]
    [InlineData("DURATION", "P1L")]
    [InlineData("DURATION", "P1H")] // hours belong after T
    [InlineData("DURATION", "PT1D")]
    [InlineData("DURATION", "P1Y1Y")]
    [InlineData("DURATION", "P-1Y")]
    [InlineData("DURATION", "2021")]
    [InlineData("TIME", "2021-07-26T25:00")]
    [InlineData("TIME", "2021-07-26T10:61")]
    [InlineData("TIME", "2021-07-26TXX")]
    [InlineData("SET", "every year")]
    public void The_grammar_refuses(string type, string value)
    {
        Timex3.IsValid(type, value).Should().BeFalse($"{type} {value} is not TIMEX3");
    }

    /// <summary>The checker is held against the gold of TimeBank and AQUAINT: it must accept what annotators wrote,
    /// except the few values outside the grammar (TimeBank's one-letter decade, century and millennium units, one-digit
    /// weeks). The gold's type–value mismatches (a DATE "Friday night" with a time of day, a DURATION "the fourth quarter"
    /// with a date) are counted apart.</summary>
    [EvalFact]
    public void The_grammar_accepts_the_TempEval_gold_but_its_non_standard_values()
    {
        var refused = new List<string>();
        var mismatched = new List<string>();
        var total = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Paths.Eval, "tempeval3", "TBAQ-cleaned"), "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var t in TimeMl.Read(file).Timexes)
            {
                total++;
                if (!Timex3.IsValid(t.Value))
                {
                    refused.Add($"{t.Type} {t.Value} '{t.Text}' ({Path.GetFileName(file)})");
                }
                else if (!Timex3.IsValid(t.Type, t.Value))
                {
                    mismatched.Add($"{t.Type} {t.Value} '{t.Text}' ({Path.GetFileName(file)})");
                }
            }
        }

        output.WriteLine($"{total} gold values, {refused.Count} outside the value grammar:");
        refused.ForEach(output.WriteLine);
        output.WriteLine($"{mismatched.Count} well-formed values of another type than the gold's:");
        mismatched.ForEach(output.WriteLine);
        refused.Count.Should().BeLessThan(total / 100);
    }

    [EvalFact]
    public void Every_value_over_the_corpora_is_well_formed_TIMEX3()
    {
        var malformed = new List<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in DateCorpora.All())
        {
            foreach (var d in DateCorpora.Parse(doc).Dates)
            {
                counts[doc.Corpus] = counts.GetValueOrDefault(doc.Corpus) + 1;
                if (!Timex3.IsValid(d.Type.ToString(), d.Value))
                {
                    malformed.Add($"{doc.Corpus}/{doc.Id}: '{d.Text.ReplaceLineEndings(" ")}' {d.Type} {d.Value}");
                }
            }
        }

        output.WriteLine(string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value} values")));
        output.WriteLine($"{malformed.Count} malformed; by shape: " + string.Join(", ", malformed
            .Select(m => System.Text.RegularExpressions.Regex.Replace(m[(m.LastIndexOf(' ') + 1)..], "[0-9]", "9"))
            .GroupBy(x => x).OrderByDescending(g => g.Count()).Select(g => $"{g.Key}×{g.Count()}")));
        malformed.Take(50).ToList().ForEach(output.WriteLine);
        malformed.Should().BeEmpty();
    }
}
