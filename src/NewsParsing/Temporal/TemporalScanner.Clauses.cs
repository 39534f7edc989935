using NewsParsing.Text;

namespace NewsParsing.Temporal;

internal sealed partial class TemporalScanner
{
    /// <summary>How far (in tokens) the tense of a date is looked for on each side: a clause is rarely longer, and a wire
    /// table without full stops must not make the search quadratic.</summary>
    private const int ClauseWindow = 24;

    /// <summary>A reporting verb this close before a date (in tokens) governs it: "said on March 9", "told reporters on
    /// Monday".</summary>
    private const int ReportingReach = 3;

    private enum TenseKind : byte
    {
        /// <summary>No tense cue governs the expression: the nearest occurrence wins (ties go to the past).</summary>
        None,
        Past,
        Future,

        /// <summary>A present-tense auxiliary ("is calling", "has"): the clause's tense is known and says nothing of
        /// the date's year, so the search stops and the nearest occurrence wins (<see cref="None"/> to callers).</summary>
        Present,
    }

    /// <summary>What a word says about the tense of its clause.</summary>
    private enum Cue : byte
    {
        None,
        Past,
        Future,
        Present,

        /// <summary>A reporting verb in the past ("said", "told", "according to"): the tense of the report, which
        /// governs a date only when nothing else in its clause does ("said on March 9").</summary>
        PastReporting,

        /// <summary>A reporting verb in the present ("says").</summary>
        PresentReporting,
    }

    /// <summary>
    /// The tense that governs the expression at tokens [first, next): the tense, modal or cue of the clause the date
    /// belongs to ("will meet … on March 5", "was injured … on September 27", "are expected to be announced by August 2"),
    /// not a reporting verb of the sentence ("…, the press service said"). In order:
    /// <list type="number">
    /// <item>the nearest cue in the expression's own clause, left of it first (English puts the verb before its
    /// adverbials), then right of it; a participle after <c>be</c>/<c>been</c> leaves the tense to its auxiliary, and
    /// an <c>-ed</c> word after a determiner is an adjective; a reporting verb right before the date governs it
    /// ("said on March 9", "told reporters on Monday");</item>
    /// <item>else a reporting verb of that clause;</item>
    /// <item>the nearest main clause of the sentence, right then left, skipping subordinate clauses ("which …") and
    /// reporting clauses ("…, the ministry said").</item>
    /// </list>
    /// </summary>
    private TenseKind Tense(in Ctx c, int first, int next)
    {
        var reporting = Cue.None;
        var left = ScanClause(c, first - 1, -1, ref reporting, out var leftBoundary);
        if (left != TenseKind.None)
        {
            return left == TenseKind.Present ? TenseKind.None : left;
        }

        var right = ScanClause(c, next, 1, ref reporting, out var rightBoundary);
        if (right != TenseKind.None)
        {
            return right == TenseKind.Present ? TenseKind.None : right;
        }

        if (reporting != Cue.None)
        {
            return reporting == Cue.PastReporting ? TenseKind.Past : TenseKind.None;
        }

        var after = OtherClauses(c, rightBoundary, 1);
        return after != TenseKind.None ? after : OtherClauses(c, leftBoundary, -1);
    }

    /// <summary>The first tense cue from <paramref name="k"/> in direction <paramref name="step"/> up to the end of the
    /// clause (<paramref name="boundary"/>: the boundary token, or the first token out of reach).</summary>
    private TenseKind ScanClause(in Ctx c, int k, int step, ref Cue reporting, out int boundary)
    {
        for (var n = 0; k >= 0 && k < c.T.Count && n < ClauseWindow; k += step, n++)
        {
            if (IsClauseBoundary(c, k, step))
            {
                break;
            }

            switch (CueAt(c, k))
            {
                case Cue.Past:
                    boundary = k;
                    return TenseKind.Past;
                case Cue.Future:
                    boundary = k;
                    return TenseKind.Future;
                case Cue.Present:
                    boundary = k;
                    return TenseKind.Present;
                case Cue.PastReporting or Cue.PresentReporting when reporting == Cue.None:
                    reporting = CueAt(c, k);
                    if (step < 0 && n < ReportingReach)
                    {
                        // "said on March 9", "told reporters on Monday": the date belongs to the report itself.
                        boundary = k;
                        return reporting == Cue.PastReporting ? TenseKind.Past : TenseKind.None;
                    }

                    break;
            }
        }

        boundary = k;
        return TenseKind.None;
    }

    /// <summary>The tense of the nearest main clause past <paramref name="boundary"/> in direction
    /// <paramref name="step"/>, within the sentence: subordinate clauses (opened by "which", "who", "that", …) and
    /// reporting clauses are skipped.</summary>
    private TenseKind OtherClauses(in Ctx c, int boundary, int step)
    {
        var k = boundary;
        for (var n = 0; n < 2 * ClauseWindow && k >= 0 && k < c.T.Count && !IsSentenceBoundary(c, k); n++)
        {
            // One clause: from the token after the boundary to the next boundary.
            var start = k + step;
            var clauseTense = TenseKind.None;
            var reported = false;
            var end = start;
            for (; end >= 0 && end < c.T.Count && Math.Abs(end - boundary) < 2 * ClauseWindow; end += step)
            {
                if (end != start && IsClauseBoundary(c, end, step))
                {
                    break;
                }

                var cue = CueAt(c, end);
                reported |= cue is Cue.PastReporting or Cue.PresentReporting;
                if (clauseTense == TenseKind.None && cue is Cue.Past or Cue.Future)
                {
                    clauseTense = cue == Cue.Past ? TenseKind.Past : TenseKind.Future;
                }
            }

            // A clause is subordinate when it opens with a clause opener: its first token going right, its last going left.
            var opener = step > 0 ? start : end - step;
            var subordinate = Is(c, opener, Role.ClauseOpener);
            if (!reported && !subordinate && clauseTense != TenseKind.None)
            {
                return clauseTense;
            }

            if (end < 0 || end >= c.T.Count || IsSentenceBoundary(c, end))
            {
                break;
            }

            k = end;
        }

        return TenseKind.None;
    }

    /// <summary>What token <paramref name="k"/> says about the tense of its clause.</summary>
    private Cue CueAt(in Ctx c, int k)
    {
        var t = c.T[k];
        if (t.Kind != TokenKind.Word || t.Lower.Length == 0)
        {
            return Cue.None;
        }

        var w = c.W(k);
        if (w.Has(Role.FutureCue))
        {
            // "had been due to expire", "was scheduled for": an expectation in the past
            var before = Is(c, k - 1, Role.PassiveAuxiliary) ? k - 2 : k - 1;
            return before >= 0 && Is(c, before, Role.PastCue) && !Is(c, k, Role.PastCue) ? Cue.Past : Cue.Future;
        }

        if (w.Has(Role.PastReporting))
        {
            return Cue.PastReporting;
        }

        if (w.Has(Role.PresentReporting))
        {
            return Cue.PresentReporting;
        }

        var regularPast = !t.Capitalized && t.Lower.Length >= _lex.PastSuffixMinLength && t.Lower.EndsWith(_lex.PastSuffix, StringComparison.Ordinal)
            && !t.Lower.StartsWith(_lex.AdjectivePrefix, StringComparison.Ordinal); // "unspecified", "unexpected": adjectives
        if (!w.Has(Role.PastCue) && !regularPast)
        {
            return w.Has(Role.PresentCue) ? Cue.Present : Cue.None;
        }

        // "will be held", "is expected to be announced": a participle after a form of "be" leaves the tense to the
        // auxiliary before it; "the proposed date": an -ed word after a determiner is an adjective.
        if (k > 0 && (Is(c, k - 1, Role.PassiveAuxiliary) || (!w.Has(Role.PastCue) && Is(c, k - 1, Role.Determiner))))
        {
            return Cue.None;
        }

        return Cue.Past;
    }

    /// <summary>Whether token <paramref name="k"/> ends the clause when scanning in direction <paramref name="step"/>:
    /// a sentence end, clause punctuation, a spaced dash, or (going left, it opens the clause; going right, it opens
    /// the next) a clause opener.</summary>
    private static bool IsClauseBoundary(in Ctx c, int k, int step)
    {
        var t = c.T[k];
        if (t.Kind == TokenKind.Punct)
        {
            return t.Value is ',' or ';' or ':' or '(' or ')' or '"' or '“' or '”' or '«' or '»' or '!' or '?'
                || (t.Value == '.' && IsSentenceEnd(c, k))
                || (IsDash(c, k) && t.SpaceBefore && k + 1 < c.T.Count && c.T[k + 1].SpaceBefore);
        }

        return step != 0 && Is(c, k, Role.ClauseOpener);
    }

    private static bool IsSentenceBoundary(in Ctx c, int k) =>
        c.T[k].Kind == TokenKind.Punct && (c.T[k].Value is ';' or '!' or '?' || (c.T[k].Value == '.' && IsSentenceEnd(c, k)));

    /// <summary>Whether token <paramref name="k"/> ends a sentence: "!", "?", or a full stop that does not close an
    /// abbreviation or an initial ("U.S.", "Nov.", "Mr.") and is not followed by a lower-case word.</summary>
    private static bool IsSentenceEnd(in Ctx c, int k)
    {
        var t = c.T[k];
        if (t.Kind != TokenKind.Punct)
        {
            return false;
        }

        if (t.Value is '!' or '?')
        {
            return true;
        }

        if (t.Value != '.')
        {
            return false;
        }

        if (k > 0 && !t.SpaceBefore && c.T[k - 1].Kind == TokenKind.Word
            && (c.T[k - 1].End - c.T[k - 1].Start == 1 || Is(c, k - 1, Role.Abbreviation)))
        {
            return false;
        }

        return !(k + 1 < c.T.Count && c.T[k + 1].Kind == TokenKind.Word && !c.T[k + 1].Capitalized);
    }

    /// <summary>
    /// The year a year-less date at token <paramref name="first"/> takes from the text: the year written last in the same
    /// clause before it ("injured during the 44-day war in 2020 in Kalbajar on September 27"), else 0. A year of another
    /// clause or sentence does not carry over to a plain date: in news copy it is most often another event's ("under a
    /// program approved in 1987, … had purchased shares through Sept. 29"); an anaphor says when it does
    /// (<see cref="SentenceAnchor"/>).
    /// </summary>
    private static int ClauseAnchor(in Ctx c, int first)
    {
        var s = c.Scratch;
        if (s.AnchorYear == 0 || s.AnchorRegion != s.Region || s.AnchorSentence != s.Sentence || s.AnchorToken > first
            || first - s.AnchorToken > 2 * ClauseWindow)
        {
            return 0;
        }

        for (var k = s.AnchorToken; k < first; k++)
        {
            // A comma inside a list of dates ("in May, June and September") does not end the clause.
            if (IsClauseBoundary(c, k, 1) && !(IsPunct(c, k, ',') && IsDatePart(c, k - 1) && IsDatePart(c, k + 1)))
            {
                return 0;
            }
        }

        return s.AnchorYear;
    }

    /// <summary>Whether the year that ends before token <paramref name="next"/> is a baseline ("the lowest since 1974"),
    /// which anaphors after it do not refer to.</summary>
    private static bool IsBaseline(in Ctx c, int next)
    {
        var k = next - 1;
        while (k > 0 && c.T[k].Kind != TokenKind.Word && next - k < 8)
        {
            k--;
        }

        return Is(c, k, Role.Baseline);
    }

    /// <summary>A month name or a day number: an item of a list of dates.</summary>
    private static bool IsDatePart(in Ctx c, int k) => MonthAt(c, k) > 0 || IsDayNumber(c, k);

    /// <summary>The year an anaphor ("the same year", "that year", "a year later") refers to: the last one written in
    /// this sentence or the one before, else 0.</summary>
    private static int SentenceAnchor(in Ctx c) => c.Scratch.SentenceAnchor;

    /// <summary>Notes a year the text wrote (a date or year read with its year), ending before token
    /// <paramref name="next"/>, as the anchor of later year-less dates and anaphors.</summary>
    private static void Wrote(in Ctx c, int year, int next)
    {
        if (year != 0 && !IsBaseline(c, next))
        {
            c.Scratch.Write(year, next);
        }
    }
}
