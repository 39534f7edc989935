using NodaTime;

namespace NewsParsing.Temporal;

/// <summary>The one "nearest year" inference of the library, used by the dateline and by year-less dates without a
/// tense cue.</summary>
internal static class YearInference
{
    /// <summary>The first year of NodaTime's ISO calendar.</summary>
    public const int MinYear = -9998;

    /// <summary>The last year of NodaTime's ISO calendar.</summary>
    public const int MaxYear = 9999;

    /// <summary>
    /// Picks the year (the reference's, the one before or the one after) that puts <paramref name="monthDay"/> nearest
    /// to <paramref name="reference"/>, ties to the past: a "Dec 30" dateline on a January 3 article is in the previous
    /// year, a "Jan 2" dateline on a December 31 article in the next.
    /// </summary>
    public static LocalDate Nearest(AnnualDate monthDay, LocalDate reference)
    {
        var best = monthDay.InYear(reference.Year);
        var bestDistance = Distance(best, reference);
        foreach (var year in (ReadOnlySpan<int>)[reference.Year - 1, reference.Year + 1])
        {
            if (year < MinYear || year > MaxYear)
            {
                continue; // at the calendar's ends (-9998, 9999) the year beyond is no candidate
            }

            var candidate = monthDay.InYear(year);
            var distance = Distance(candidate, reference);
            if (distance < bestDistance || (distance == bestDistance && candidate < best))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int Distance(LocalDate a, LocalDate b) => Math.Abs(Period.DaysBetween(a, b)); // no Period allocation
}
