using System.Runtime.CompilerServices;
using NewsParsing.Model;
using NewsParsing.Text;
using NodaTime;

namespace NewsParsing.Temporal;

/// <summary>
/// Finds time expressions in one region and resolves them against the reference date. A token-level scanner tries, at
/// each token, the patterns declared in <c>temporal.data.json</c> that may start with it (in the order of
/// <see cref="TemporalPattern"/>); matching compares the roles the data gives to words, with no regular expressions and
/// no backtracking beyond a few tokens, so the cost is linear in the text. Calendar dates are read by the one
/// <see cref="DateReader"/> the dateline parser uses too.
/// </summary>
internal sealed partial class TemporalScanner
{
    private readonly TemporalLexicon _lex = TemporalLexicon.Default;

    /// <summary>Scans <paramref name="region"/> and appends what it finds to <paramref name="output"/>. Regions of one
    /// article are scanned in order with the same <paramref name="workspace"/>: a year written in one anchors year-less
    /// dates of the next sentence.</summary>
    /// <returns>Whether <paramref name="max"/> was reached.</returns>
    public bool Scan(string text, SourceSpan region, LocalDate? reference, ParseWorkspace workspace, List<TemporalExpression> output, int max)
    {
        var tokens = workspace.Tokens.Get(text, region, workspace);
        var scratch = workspace.Temporal;
        // A region starts a sentence (a headline, a dateline, a paragraph) unless the last one ended with a full stop.
        scratch.Region++;
        if (!scratch.AtSentenceStart)
        {
            scratch.Sentence++;
            scratch.AtSentenceStart = true;
        }

        var c = new Ctx(text, tokens, region.End, reference, workspace.Names, scratch, scratch.Words(tokens.Count), _lex);
        var budget = workspace.Budget;
        var i = 0;
        while (i < tokens.Count)
        {
            if (output.Count >= max)
            {
                return true;
            }

            if (budget.Tick())
            {
                return false; // past the time budget (a counter per token; the clock every ParseBudget.Stride tokens)
            }

            bool matched;
            TemporalExpression found;
            int next;
            try
            {
                matched = TryMatch(c, i, out found, out next);
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
            {
                // A reference date at the edge of the calendar (years -9998 and 9999) can push a relative expression out
                // of range ("next week" on 9999-12-30): NodaTime throws, and that expression is skipped with a
                // diagnostic rather than failing the article. The try costs nothing while nothing is thrown.
                matched = false;
                found = null!;
                next = i + 1;
                OutOfRange(workspace.Diagnostics, DiagnosticCodes.DateOutOfRange, tokens[i].Start, tokens[i].End,
                    "A date expression falls outside the calendar (years -9998 to 9999); it was skipped.");
            }

            if (!matched)
            {
                next = i + 1;
            }
            else
            {
                output.Add(found);
            }

            for (var k = i; k < next; k++)
            {
                var end = IsSentenceEnd(c, k);
                scratch.Sentence += end ? 1 : 0;
                scratch.AtSentenceStart = end;
            }

            i = next;
        }

        return false;
    }

    /// <summary>Adds an out-of-range diagnostic at [<paramref name="start"/>, <paramref name="end"/>), once per article
    /// and code (a rare path: the scan of the list happens only when something overflowed).</summary>
    internal static void OutOfRange(List<Diagnostic> diagnostics, string code, int start, int end, string message)
    {
        foreach (var d in diagnostics)
        {
            if (d.Code == code)
            {
                return;
            }
        }

        diagnostics.Add(new Diagnostic(code, DiagnosticSeverity.Warning, message, SourceSpan.FromBounds(start, end)));
    }

    private bool TryMatch(in Ctx c, int i, out TemporalExpression found, out int next)
    {
        found = null!;
        next = i;
        var t = c.T[i];
        var patterns = t.Kind switch
        {
            // Most words cannot open a time expression: a flag worked out once per distinct word rejects them.
            TokenKind.Word => (t.Flags & WordFlags.TemporalStarter) == 0 ? PatternSet.None : c.W(i).Patterns,
            TokenKind.Number => _lex.DigitPatterns,
            TokenKind.IsoDate => _lex.IsoDatePatterns,
            TokenKind.DottedDate => _lex.DottedDatePatterns,
            _ => PatternSet.None,
        };
        if (patterns == PatternSet.None || (t.Kind == TokenKind.Word && !StandsAlone(c, i) && !MayContinue(c, i + 1)))
        {
            return false;
        }

        for (var p = TemporalPattern.List; p <= TemporalPattern.Reference; p++)
        {
            if (!TemporalLexicon.Contains(patterns, p))
            {
                continue;
            }

            var ok = p switch
            {
                TemporalPattern.List => TryList(c, i, out found, out next),
                TemporalPattern.Range => TryRange(c, i, out found, out next),
                TemporalPattern.Fuzzy => TryFuzzy(c, i, out found, out next),
                TemporalPattern.Anaphor => TryAnaphor(c, i, out found, out next),
                TemporalPattern.Explicit => TryExplicit(c, i, out found, out next),
                TemporalPattern.Time => TryTime(c, i, out found, out next),
                TemporalPattern.Relative => TryRelative(c, i, out found, out next),
                TemporalPattern.Duration => TryDuration(c, i, out found, out next),
                TemporalPattern.Set => TrySet(c, i, out found, out next),
                _ => TryReference(c, i, out found, out next),
            };
            if (ok)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the word at <paramref name="i"/> can be a whole expression: "today", "daily", "now", "tonight",
    /// "noon", a weekday or a month name.</summary>
    private static bool StandsAlone(in Ctx c, int i)
    {
        var w = c.W(i);
        return w.Has(Role.Days) || w.Has(Role.Set) || w.Has(Role.Reference) || w.Has(Role.DayPartWord) || w.Has(Role.ClockWord)
            || w.Has(Role.Weekday) || TemporalLexicon.Contains(w.Patterns, TemporalPattern.Explicit);
    }

    /// <summary>Whether token <paramref name="k"/> can carry on an expression that a word started: a number, a dash or a
    /// word the grammar knows. Most starters ("the", "a", "in") are followed by none ("the company"): one test spares
    /// every pattern.</summary>
    private static bool MayContinue(in Ctx c, int k) =>
        k < c.T.Count && (c.T[k].Kind is TokenKind.Number or TokenKind.IsoDate or TokenKind.DottedDate || IsDash(c, k)
            || (c.T[k].Kind == TokenKind.Word && (c.T[k].Flags & WordFlags.TemporalWord) != 0));

    // ---------------------------------------------------------------- points (explicit dates before resolution)

    /// <summary>A date as written: year 0 when not written; tokens [First, Next).</summary>
    private struct Point
    {
        public int Year;
        public int Month;
        public int Day;
        public DateGrain Grain;
        public int First;
        public int Next;
    }

    /// <summary>Reads an explicit date starting at token <paramref name="i"/> (no resolution): a calendar date through
    /// the <see cref="DateReader"/>, or in context a month alone (<c>in June</c>), a decade (<c>the 1990s</c>) or a year.</summary>
    private static bool TryPoint(in Ctx c, int i, out Point p, bool allowBareMonth, bool allowBareYear)
    {
        p = default;
        p.First = i;
        if (i >= c.T.Count)
        {
            return false;
        }

        var t = c.T[i];
        var readable = t.Kind switch
        {
            TokenKind.IsoDate or TokenKind.DottedDate => true,
            // A day number opens a date only before a month, "of" or an ordinal suffix ("26 July", "1st of March"):
            // checking the next token spares the reader for every other number of financial copy.
            TokenKind.Number => t.Digits is 1 or 2 && i + 1 < c.T.Count && c.T[i + 1].Kind == TokenKind.Word
                && (c.T[i + 1].Capitalized || c.W(i + 1).Has(Role.Of) || c.W(i + 1).Has(Role.OrdinalSuffix)),
            TokenKind.Word => t.Capitalized && TemporalLexicon.Contains(c.W(i).Patterns, TemporalPattern.Explicit),
            _ => false,
        };
        if (readable && DateReader.TryRead(c.Text, t.Start, c.End, DateStyle.Prose, out var d) && TokenAt(c, i, d.End, out var next))
        {
            (p.Year, p.Month, p.Day, p.Grain, p.Next) = (d.Year, d.Month, d.Day, d.Grain, next);
            return true;
        }

        if (allowBareMonth && MonthAt(c, i) is > 0 and var month && (MonthAloneIsDate(c, i, month) || MonthInList(c, i)))
        {
            (p.Month, p.Grain, p.Next) = (month, DateGrain.Month, i + 1);
            return true;
        }

        // "the 1990s", "1990s"
        if (t.Kind == TokenKind.Number && t.Digits == 4 && t.Value is >= DateReader.MinYear and <= 2090 && t.Value % 10 == 0
            && i + 1 < c.T.Count && c.T[i + 1].Kind == TokenKind.Word && !c.T[i + 1].SpaceBefore && c.W(i + 1).Has(Role.DecadeSuffix))
        {
            (p.Year, p.Grain, p.Next) = ((int)t.Value, DateGrain.Decade, i + 2);
            return true;
        }

        if (allowBareYear && IsYearLike(c, i) && !YearBelongsToName(c, i))
        {
            (p.Year, p.Grain, p.Next) = ((int)t.Value, DateGrain.Year, i + 1);
            return true;
        }

        return false;
    }

    /// <summary>The index of the token that starts at or after <paramref name="end"/> (a character offset that must end
    /// a token at or after <paramref name="i"/>).</summary>
    private static bool TokenAt(in Ctx c, int i, int end, out int next)
    {
        next = i;
        while (next < c.T.Count && c.T[next].End <= end)
        {
            next++;
        }

        return next > i && c.T[next - 1].End == end;
    }

    // ---------------------------------------------------------------- helpers over tokens

    /// <summary>The scan of one region: its text and tokens, the reference date, and the parse's scratch state.</summary>
    private readonly struct Ctx(string text, List<Token> tokens, int end, LocalDate? reference, NameTable names, TemporalScratch scratch,
        TemporalWord?[] words, TemporalLexicon lexicon)
    {
        public readonly string Text = text;
        public readonly List<Token> T = tokens;
        public readonly int End = end;
        public readonly LocalDate? Ref = reference;
        public readonly NameTable Names = names;
        public readonly TemporalScratch Scratch = scratch;
        private readonly TemporalWord?[] _words = words;
        private readonly TemporalLexicon _lexicon = lexicon;

        /// <summary>What the grammar knows of token <paramref name="k"/> (looked up once per token; nothing for
        /// numbers, punctuation, or a position outside the region).</summary>
        public TemporalWord W(int k)
        {
            if ((uint)k >= (uint)T.Count)
            {
                return TemporalWord.None;
            }

            // Words the grammar does not know carry no flag from the word cache: no lookup for them.
            return _words[k] ??= T[k].Kind == TokenKind.Word && (T[k].Flags & WordFlags.TemporalWord) != 0 ? Scratch.Lookup(_lexicon, T[k].Lower) : TemporalWord.None;
        }
    }

    /// <summary>Whether token <paramref name="k"/> is a word of <paramref name="role"/>.</summary>
    private static bool Is(in Ctx c, int k, Role role) => c.W(k).Has(role);

    private static bool IsPunct(in Ctx c, int i, char ch) => i >= 0 && i < c.T.Count && c.T[i].Kind == TokenKind.Punct && c.T[i].Value == ch;

    private static bool IsDash(in Ctx c, int i) => TokenQueries.IsDash(c.T, i);

    /// <summary>A dash glued to the words on both sides: "mid-2021", "third-quarter", "year-earlier".</summary>
    private static bool IsGluedDash(in Ctx c, int i) => IsDash(c, i) && !c.T[i].SpaceBefore && i + 1 < c.T.Count && !c.T[i + 1].SpaceBefore;

    private static bool IsDayNumber(in Ctx c, int i) =>
        i < c.T.Count && c.T[i].Kind == TokenKind.Number && c.T[i].Digits is 1 or 2 && c.T[i].Value is >= 1 and <= 31;

    private static bool IsOrdinalSuffix(in Ctx c, int i) =>
        i < c.T.Count && c.T[i].Kind == TokenKind.Word && !c.T[i].SpaceBefore && c.W(i).Has(Role.OrdinalSuffix);

    private static bool IsYearLike(in Ctx c, int i) =>
        i < c.T.Count && c.T[i].Kind == TokenKind.Number && c.T[i].Digits == 4 && c.T[i].Value is >= DateReader.MinYear and <= DateReader.MaxYear
        && !(i + 1 < c.T.Count && c.T[i + 1].Kind == TokenKind.Word && !c.T[i + 1].SpaceBefore);

    /// <summary>The month a word names, if it is written as a month name (capitalised, or any case in all-caps text).</summary>
    private static int MonthAt(in Ctx c, int i)
    {
        if (i >= c.T.Count || c.T[i].Kind != TokenKind.Word || !c.T[i].Capitalized)
        {
            return 0;
        }

        var t = c.T[i];
        return t.End - t.Start is >= 3 and <= 9 ? Months.Match(c.Text.AsSpan(t.Start, t.End - t.Start)) : 0;
    }

    /// <summary>A month name on its own is a date only after a temporal preposition ("in June", "since March").</summary>
    private static bool MonthAloneIsDate(in Ctx c, int i, int month)
    {
        if (i == 0 || !Is(c, i - 1, Role.MonthPreposition))
        {
            return false;
        }

        // "May" is also a verb: only after a preposition and not followed by a verb-like lower-case word.
        return month != 5 || c.T[i].End - c.T[i].Start != 3
            || !(i + 1 < c.T.Count && c.T[i + 1].Kind == TokenKind.Word && !c.T[i + 1].Capitalized && Is(c, i + 1, Role.MayVerbFollower));
    }

    /// <summary>A month after a comma that follows another month: "in May, June and September".</summary>
    private static bool MonthInList(in Ctx c, int i) => IsPunct(c, i - 1, ',') && MonthAt(c, i - 2) > 0;

    /// <summary>Years that are part of a name: "Eternity-2021", "Agile Spirit - 2021", "Baku 2015 European Games".</summary>
    private static bool YearBelongsToName(in Ctx c, int i)
    {
        var t = c.T[i];
        if (i >= 1 && IsDash(c, i - 1))
        {
            var dash = c.T[i - 1];
            if (i >= 2 && c.T[i - 2].Kind == TokenKind.Word && c.T[i - 2].Capitalized && MonthAt(c, i - 2) == 0)
            {
                // "Eternity-2021" (glued) or "Agile Spirit - 2021" (a capitalised name before a spaced dash)
                if (!t.SpaceBefore && !dash.SpaceBefore)
                {
                    return true;
                }

                if (t.SpaceBefore && dash.SpaceBefore)
                {
                    return true;
                }
            }
        }

        if (i >= 1 && i + 1 < c.T.Count)
        {
            var prev = c.T[i - 1];
            var next = c.T[i + 1];
            if (prev.Kind == TokenKind.Word && prev.Capitalized && MonthAt(c, i - 1) == 0 && next.Kind == TokenKind.Word && next.Capitalized
                && MonthAt(c, i + 1) == 0 && !IsSentenceStart(c, i - 1))
            {
                return true; // "Baku 2015 European Games"
            }
        }

        if (i >= 1)
        {
            var prev = c.T[i - 1];
            if (prev.Kind == TokenKind.Number || (prev.Kind == TokenKind.Punct && prev.Value is '+' or '#' or '/' or ':' or '№')
                || Is(c, i - 1, Role.NameYearPreceder))
            {
                return true;
            }
        }

        if (i + 1 < c.T.Count && c.T[i + 1].Kind == TokenKind.Number)
        {
            return true; // part of a longer number such as a phone number
        }

        return false;
    }

    private static bool IsSentenceStart(in Ctx c, int i) => i == 0 || (c.T[i - 1].Kind == TokenKind.Punct && c.T[i - 1].Value is '.' or '!' or '?' or '"' or '“');

    private static string Four(in Ctx c, int year) => Timex(c.Names, $"{year:D4}");

    /// <summary>A TIMEX value formatted invariantly into a pooled buffer and atomised (<see cref="NameTable"/>): the
    /// same values recur across articles.</summary>
    private static string Timex(NameTable names, [InterpolatedStringHandlerArgument(nameof(names))] ref TimexHandler value) => value.ToStringAndClear();
}
