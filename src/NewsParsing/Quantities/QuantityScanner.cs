using System.Collections.Immutable;
using NewsParsing.Model;
using NewsParsing.Text;

namespace NewsParsing.Quantities;

/// <summary>
/// Finds numeric facts in one region. Each fact is read as an <see cref="Amount"/> — an optional sign and currency,
/// a number (digits read from the text, or words), its scales and its unit or currency — framed by the patterns around
/// it: a hedge or range opener before ("about", "between"), a second amount after a range joiner, a tolerance or a ratio
/// ("to", "±", "in"), a bound after ("or more"), an age ("-year-old"), or the noun phrase a bare number counts.
/// <para>
/// Every pattern and word list is data (<see cref="QuantityLexicon"/>); this code holds the grammar's shape only. The
/// cost on ordinary text is one pass over the tokens with one lookup per word (<see cref="QuantityLexicon.Roles"/>):
/// the patterns run only at tokens that can start one.
/// </para>
/// </summary>
internal sealed partial class QuantityScanner
{
    private const int MaxCountedWords = 4;
    private const int MaxMembers = 60;

    private readonly QuantityLexicon _lex = QuantityLexicon.Default;
    private readonly DecimalMark _mark;

    /// <summary>Creates a scanner; <paramref name="mark"/> says how "5,7" reads (a decimal comma by default, never 57).</summary>
    public QuantityScanner(DecimalMark mark = DecimalMark.Auto)
    {
        _mark = mark;
    }

    /// <summary>What a number read at a token was.</summary>
    private enum Shape : byte
    {
        Cardinal,
        Ordinal,
        Vague,
        SpokenYear,
    }

    /// <summary>The state of a scan of one region, passed by reference to the pattern methods.</summary>
    private ref struct Ctx
    {
        public string Text;
        public List<Token> T;
        public int Count;
        public int End;
        public List<SourceSpan> Taken;
        public ParseWorkspace Workspace;

        /// <summary>The token where the last number beyond <see cref="decimal"/> starts, and the token after it.</summary>
        public int BeyondStart;
        public int BeyondAfter;
    }

    /// <summary>A unit after a number: its canonical symbol, dimension and kind (Symbol null when there is none).</summary>
    private struct UnitMatch
    {
        public string? Symbol;
        public Dimension Dimension;
        public QuantityKind Kind;
        public UnitDef? Single;
        public bool Calendar;
        public bool Symbolic;
    }

    /// <summary>One number with what is glued to it: sign, currency, scales, unit.</summary>
    private struct Amount
    {
        public int Start;
        public int End;
        public int NumberStart;
        public int NumberEnd;
        public decimal Value;
        public Shape Shape;
        public bool Words;
        public bool Article;
        public bool YearLike;
        public bool Integer;
        public DigitShape Digits;
        public bool Scaled;
        public decimal ScaleFactor;
        public Money? Money;
        public UnitMatch Unit;
        public string? AgeUnit;
        public bool Hyphenated;
        public bool NotAmount;

        public readonly bool Bare => Money is null && Unit.Symbol is null && AgeUnit is null;

        public readonly bool Plain => Shape == Shape.Cardinal;
    }

    /// <summary>Scans <paramref name="region"/>, skipping <paramref name="taken"/> spans (dates); returns whether <paramref name="max"/> was hit.</summary>
    public bool Scan(string text, SourceSpan region, List<SourceSpan> taken, ParseWorkspace workspace, List<Quantity> output, int max)
    {
        var tokens = workspace.Tokens.Get(text, region, workspace);
        var c = new Ctx { Text = text, T = tokens, Count = tokens.Count, End = region.End, Taken = taken, Workspace = workspace, BeyondStart = -1 };
        var budget = workspace.Budget;
        var i = 0;
        while (i < c.Count)
        {
            if (output.Count >= max)
            {
                return true;
            }

            if (budget.Tick())
            {
                return false; // past the time budget (a counter per token; the clock every ParseBudget.Stride tokens)
            }

            // The fast path: one switch and at most one lookup decide that most tokens start nothing.
            var t = tokens[i];
            var candidate = t.Kind switch
            {
                TokenKind.Number => true,
                TokenKind.Word => StartsWord(ref c, i),
                TokenKind.Punct => _lex.StartCharacters.Contains((char)t.Value) && StartsPunct(ref c, i),
                _ => false,
            };
            if (!candidate || Inside(taken, t))
            {
                i++;
                continue;
            }

            Quantity q;
            int next;
            bool matched;
            try
            {
                matched = TryQuantity(ref c, i, out q, out next);
            }
            catch (OverflowException)
            {
                // A number or a product of scale words beyond decimal's range ("100,000,000,000,000,000,000 trillion"):
                // the quantity is skipped with a diagnostic, never an exception. The try costs nothing while nothing is
                // thrown; the arithmetic itself stays unchecked-free decimal code.
                matched = false;
                q = null!;
                next = i + 1;
                Temporal.TemporalScanner.OutOfRange(workspace.Diagnostics, DiagnosticCodes.NumberOutOfRange, t.Start, t.End,
                    "A number is too large or too small to represent; its quantity was skipped.");
            }

            if (matched)
            {
                output.Add(q);
            }
            else if (c.BeyondStart == i)
            {
                next = c.BeyondAfter; // a number beyond decimal (NP0018): none of its tokens starts another quantity
            }

            i = Math.Max(next, i + 1); // a failed pattern may have read what is no quantity ("the first quarter", "nineteen ninety-four")
        }

        return false;
    }

    /// <summary>A number beyond <see cref="decimal"/> at token <paramref name="k"/>, ending at character
    /// <paramref name="stop"/>: NP0018 (once per article), and the scan will step over its tokens.</summary>
    private static void TooLarge(ref Ctx c, int k, int stop)
    {
        var after = k + 1;
        while (after < c.Count && c.T[after].Start < stop)
        {
            after++;
        }

        c.BeyondStart = k;
        c.BeyondAfter = after;
        Temporal.TemporalScanner.OutOfRange(c.Workspace.Diagnostics, DiagnosticCodes.NumberOutOfRange, c.T[k].Start, Math.Max(stop, c.T[k].End),
            "A number is too large or too small to represent; its quantity was skipped.");
    }

    /// <summary>Whether a word can start a pattern: it has a role, except an article before a word no pattern continues
    /// with ("a new", "an hour"); or it is a Roman numeral.</summary>
    private bool StartsWord(ref Ctx c, int i)
    {
        var t = c.T[i];
        var role = _lex.RoleOf(t.Lower);
        if (role == WordRole.Article)
        {
            return i + 1 < c.Count && c.T[i + 1].Kind == TokenKind.Word && _lex.ArticleFollowers.Contains(c.T[i + 1].Lower);
        }

        return role != WordRole.None || MaybeRoman(c.Text, t);
    }

    /// <summary>Whether punctuation can start a pattern: a sign, a point or a bracket only glued to a number or money
    /// after it ("-5", ".25", "($45.50)"); a currency symbol, a vulgar fraction or a hedge sign as it is.</summary>
    private bool StartsPunct(ref Ctx c, int i)
    {
        var ch = (char)c.T[i].Value;
        if (ch is '.' or '(' || _lex.SignCharacters.Contains(ch))
        {
            if (i + 1 >= c.Count)
            {
                return false;
            }

            var n = c.T[i + 1];
            return n.Kind == TokenKind.Number ? !n.SpaceBefore || i == 0 : n.Kind == TokenKind.Punct && ch == '(' && _lex.StartCharacters.Contains((char)n.Value);
        }

        return true;
    }

    /// <summary>Whether the token overlaps a taken span. <paramref name="taken"/> is sorted by start and does not
    /// overlap itself (dates come in text order), so a binary search keeps this logarithmic even with thousands of dates.</summary>
    private static bool Inside(List<SourceSpan> taken, in Token t)
    {
        int lo = 0, hi = taken.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = taken[mid];
            if (s.End <= t.Start)
            {
                lo = mid + 1;
            }
            else if (s.Start >= t.End)
            {
                hi = mid - 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether token <paramref name="k"/> exists and is not inside a date.</summary>
    private static bool Free(ref Ctx c, int k) => k < c.Count && !Inside(c.Taken, c.T[k]);

    private bool TryQuantity(ref Ctx c, int i, out Quantity q, out int next)
    {
        q = null!;
        next = i;
        var T = c.T;
        var t = T[i];
        var j = i;
        var modifier = QuantityModifier.None;
        IReadOnlySet<string>? openerJoiners = null;
        bool rank = false, top = false, agePrefix = false, accounting = false;

        if (t.Kind == TokenKind.Word)
        {
            var role = _lex.RoleOf(t.Lower);
            if ((role & WordRole.Url) != 0 && i + 1 < c.Count && T[i + 1].Kind == TokenKind.Punct && !T[i + 1].SpaceBefore && T[i + 1].Value is ':' or '.')
            {
                // a web address: its digits are no quantities ("…?q=30%25%2020%")
                next = i + 1;
                while (next < c.Count && !T[next].SpaceBefore)
                {
                    next++;
                }

                return false;
            }

            if ((role & WordRole.RatioPhrase) != 0 && _lex.RatioPhrases.TryMatch(c.Text, T, i, c.Count, out var ratio, out var afterRatio))
            {
                q = new Quantity(c.Text, Span(ref c, i, afterRatio)) { Value = ratio, Kind = QuantityKind.Ratio };
                next = afterRatio;
                return true;
            }

            if ((role & WordRole.PercentOf) != 0 && PercentOf(ref c, i, out q, out next))
            {
                return true;
            }

            if ((role & WordRole.Hedge) != 0 && _lex.Hedges.TryMatch(c.Text, T, i, c.Count, out var hedge, out var afterHedge) && NumberAhead(ref c, afterHedge))
            {
                modifier = hedge;
                j = afterHedge;
            }
            else if ((role & WordRole.RangeOpener) != 0 && OpenerAhead(ref c, i + 1, out var firstEnd))
            {
                // "between 20 and 40 mg", "from about $120 per tonne to $200 per tonne"
                openerJoiners = _lex.RangeOpeners[t.Lower];
                j = firstEnd;
            }
            else if ((role & WordRole.Rank) != 0 && !t.Capitalized && NumberAhead(ref c, i + 1))
            {
                rank = true;
                j = i + 1;
            }
            else if ((role & WordRole.Top) != 0 && NumberAhead(ref c, i + 1))
            {
                top = true;
                j = i + 1;
            }
            else if ((role & WordRole.AgePrefix) != 0 && i + 1 < c.Count && T[i + 1].Kind == TokenKind.Number)
            {
                agePrefix = true;
                j = i + 1;
            }
            else if ((role & (WordRole.Numeric | WordRole.Scale | WordRole.Currency)) == 0 && !MaybeRoman(c.Text, t))
            {
                return false;
            }
        }
        else if (t.Kind == TokenKind.Punct && _lex.Hedges.TryMatch(c.Text, T, i, c.Count, out var signHedge, out var afterSignHedge) && NumberAhead(ref c, afterSignHedge))
        {
            modifier = signHedge; // "> 10", "<= -30", "~5"
            j = afterSignHedge;
        }
        else if (t.Kind == TokenKind.Punct && t.Value == '(')
        {
            // ($45.50): a negative amount of money; but "#557 million ($878 million)" is the same amount in dollars
            if (i > 0 && (T[i - 1].Kind == TokenKind.Number || (T[i - 1].Kind == TokenKind.Word && (_lex.RoleOf(T[i - 1].Lower) & (WordRole.Scale | WordRole.Currency | WordRole.Number)) != 0)))
            {
                return false;
            }

            accounting = true;
            j = i + 1;
        }

        if (!ReadAmount(ref c, j, out var a))
        {
            return false;
        }

        var start = accounting || rank || top || agePrefix || modifier != QuantityModifier.None || openerJoiners is not null ? i : a.Start;
        if (accounting)
        {
            if (a.Money is null || a.Start == a.NumberStart || a.End >= c.Count || T[a.End].Kind != TokenKind.Punct || T[a.End].Value != ')' || T[a.End].SpaceBefore)
            {
                return false;
            }

            a.Value = -a.Value;
            a.End++;
        }

        // Ordinals, ranks, "top ten": a position, not an amount.
        if (rank || top || a.Shape == Shape.Ordinal)
        {
            return Ordinal(ref c, start, a, top, out q, out next);
        }

        if (a.Shape == Shape.SpokenYear)
        {
            next = a.End;
            return false;
        }

        decimal? min = null, max = null, tolerance = null;
        var kind = QuantityKind.Number;
        var end = a.End;
        var value = a.Value;
        var ratioValue = (decimal?)null;
        if (a.Shape == Shape.Vague)
        {
            modifier = QuantityModifier.AtLeast;
            min = value;
        }

        // A second end, a tolerance, a ratio: "20 mg to 40 mg", "between 20 and 40 mg", "9.81 +/- 0.02", "3 in 10".
        if (a.Plain && !accounting)
        {
            if (TrySecondEnd(ref c, i, ref a, openerJoiners, out var b, out var rangeEnd))
            {
                (min, max) = a.Value <= b.Value ? (a.Value, b.Value) : (b.Value, a.Value);
                value = max.Value;
                modifier = QuantityModifier.Range;
                end = rangeEnd;
                MergeUnits(ref a, b);
            }
            else if (openerJoiners is not null)
            {
                start = a.Start; // "between" without a second end: the number alone
            }
            else if (TryTolerance(ref c, ref a, out var tol, out var tolEnd))
            {
                tolerance = tol;
                min = a.Value - tol;
                max = a.Value + tol;
                modifier = QuantityModifier.Tolerance;
                end = tolEnd;
            }
            else if (TryRatio(ref c, a, out var r, out var ratioEnd, out var isRatio))
            {
                ratioValue = r;
                value = r;
                kind = isRatio ? QuantityKind.Ratio : QuantityKind.Number;
                end = ratioEnd;
            }
        }

        // "more than 10 and less than 40", "at most 100 and at least 20": two bounds make a range.
        if (modifier is QuantityModifier.MoreThan or QuantityModifier.AtLeast or QuantityModifier.LessThan or QuantityModifier.AtMost or QuantityModifier.UpTo
            && TryOtherBound(ref c, end, modifier, out var other, out var otherEnd))
        {
            (min, max) = modifier is QuantityModifier.MoreThan or QuantityModifier.AtLeast ? (a.Value, other.Value) : (other.Value, a.Value);
            if (min < max)
            {
                value = max.Value;
                modifier = QuantityModifier.Range;
                end = otherEnd;
                MergeUnits(ref a, other);
            }
            else
            {
                (min, max) = (null, null);
            }
        }

        // "less than 5000 or equal", "more than 5000 or equal to": the bound includes its end.
        if (modifier is QuantityModifier.LessThan or QuantityModifier.MoreThan && _lex.EqualSuffixes.TryMatch(c.Text, T, end, c.Count, out _, out var afterEqual) && !NumberAhead(ref c, afterEqual))
        {
            modifier = modifier == QuantityModifier.LessThan ? QuantityModifier.AtMost : QuantityModifier.AtLeast;
            end = afterEqual;
        }

        // "or more", "or less": a bound written after the number.
        if (_lex.SuffixHedges.TryMatch(c.Text, T, end, c.Count, out var suffixHedge, out var afterSuffix) && !NumberAhead(ref c, afterSuffix)
            && modifier is QuantityModifier.None or QuantityModifier.Approximate or QuantityModifier.Exactly)
        {
            modifier = suffixHedge;
            end = afterSuffix;
        }

        if (ratioValue is null)
        {
            kind = KindOf(ref c, a, agePrefix);
        }

        // Dates are the temporal stage's: a calendar duration ("three years", "127 days"), "3,500 years ago", "687 BCE".
        if (kind == QuantityKind.Duration && a.Unit.Calendar)
        {
            next = end;
            return false;
        }

        if (end < c.Count && T[end].Kind == TokenKind.Word && _lex.DateFollowers.Contains(T[end].Lower))
        {
            next = end + 1;
            return false;
        }

        if (a.Bare && ratioValue is null && _lex.YearEras.TryMatch(c.Text, T, end, c.Count, out _, out var afterEra))
        {
            next = afterEra;
            return false;
        }

        // What a bare number counts: "2,500 troops", "fifteen NATO members and partners", "thousands of people".
        QuantityPart? counted = null;
        string? head = null;
        var countedEnd = end;
        var members = ImmutableArray<QuantityPart>.Empty;
        bool? countMatches = null;
        if (kind == QuantityKind.Number && ratioValue is null)
        {
            if (a.Hyphenated)
            {
                // "four-storey", "3,000-strong", "one-party": the word after the hyphen is what is counted
                counted = new QuantityPart(c.Text, SourceSpan.FromBounds(T[a.End + 1].Start, T[a.End + 1].End));
                head = T[a.End + 1].Lower;
                kind = QuantityKind.Count;
                countedEnd = a.End + 2;
            }
            else
            {
                var k = end;
                if (a.Shape == Shape.Vague && k < c.Count && T[k].Kind == TokenKind.Word && _lex.VagueJoiners.Contains(T[k].Lower))
                {
                    k++;
                }

                if (TryCounted(ref c, k, out var phraseEnd, out head, out var calendar) && !(a.Value == 1 && a.Words))
                {
                    if (calendar)
                    {
                        next = phraseEnd;
                        return false; // "19 consecutive weeks": a duration, the temporal stage's
                    }

                    counted = new QuantityPart(c.Text, SourceSpan.FromBounds(T[k].Start, T[phraseEnd - 1].End));
                    kind = QuantityKind.Count;
                    countedEnd = phraseEnd;
                }
            }
        }

        if (!Keep(ref c, start, a, kind, counted is not null, modifier, ratioValue is not null))
        {
            next = Math.Max(a.End, i + 1);
            return false;
        }

        var isChange = kind == QuantityKind.Percent && start > 0 && T[start - 1].Kind == TokenKind.Word && _lex.ChangeWords.Contains(T[start - 1].Lower);
        end = Math.Max(end, countedEnd);
        var span = Span(ref c, start, end);

        // The list a count announces: "fifteen NATO members and partners – Azerbaijan, Georgia, … and Lithuania –".
        if (kind == QuantityKind.Count && value == decimal.Truncate(value) && value is >= 2 and <= MaxMembers && a.Shape != Shape.Vague
            && TryList(c.Text, T, countedEnd, out members))
        {
            countMatches = members.Length == (int)value;
            if (countMatches == false)
            {
                c.Workspace.Diagnostics.Add(new Diagnostic(DiagnosticCodes.CountMismatch, DiagnosticSeverity.Warning,
                    $"'{c.Text.Substring(span.Start, span.Length)}' counts {value} but the list after it has {members.Length} members.", span));
            }
        }

        var currency = a.Money?.Code;
        q = new Quantity(c.Text, span)
        {
            Value = Normalize(value),
            Min = min is { } lo ? Normalize(lo) : null,
            Max = max is { } hi ? Normalize(hi) : null,
            Tolerance = tolerance is { } tl ? Normalize(tl) : null,
            Modifier = modifier,
            Kind = kind,
            Unit = UnitText(ref c, a, kind),
            Currency = currency,
            IsVague = a.Shape == Shape.Vague,
            Counted = counted,
            CountedHead = head,
            Members = members,
            CountMatches = countMatches,
            IsChange = isChange,
        };
        next = end;
        return true;
    }

    /// <summary>Where the first end of a range opened by "between" or "from" starts: at a number, or after a hedge.</summary>
    private bool OpenerAhead(ref Ctx c, int k, out int start)
    {
        start = k;
        if (NumberAhead(ref c, k))
        {
            return true;
        }

        return _lex.Hedges.TryMatch(c.Text, c.T, k, c.Count, out _, out start) && NumberAhead(ref c, start);
    }

    /// <summary>"percent of 10", "per cent of twenty-two": a percentage written before its number.</summary>
    private bool PercentOf(ref Ctx c, int i, out Quantity q, out int next)
    {
        q = null!;
        next = i;
        var T = c.T;
        if (!_lex.Units.Names.TryMatch(c.Text, T, i, c.Count, out var unit, out var afterUnit) || unit.Kind != QuantityKind.Percent || unit.Symbol != "%"
            || !(afterUnit < c.Count && T[afterUnit].Kind == TokenKind.Word && _lex.VagueJoiners.Contains(T[afterUnit].Lower))
            || (i > 0 && (T[i - 1].Kind == TokenKind.Number || NumberAhead(ref c, i - 1)))
            || !ReadAmount(ref c, afterUnit + 1, out var a) || !a.Plain || !a.Bare || a.End < c.Count && T[a.End].Kind == TokenKind.Word && !_lex.CountStopWords.Contains(T[a.End].Lower) && !T[a.End].Capitalized)
        {
            return false;
        }

        q = new Quantity(c.Text, Span(ref c, i, a.End)) { Value = Normalize(a.Value), Kind = QuantityKind.Percent, Unit = unit.Symbol };
        next = a.End;
        return true;
    }

    /// <summary>An ordinal or rank: "25th", "first", "III Forum", "number 24", "top ten".</summary>
    private bool Ordinal(ref Ctx c, int start, Amount a, bool top, out Quantity q, out int next)
    {
        q = null!;
        next = a.End;
        var T = c.T;
        var end = a.End;

        // "the 20th century", "the first quarter", "second-half": calendar, the temporal stage's.
        var k = end < c.Count && TokenQueries.IsDash(T, end) && !T[end].SpaceBefore ? end + 1 : end;
        if (k < c.Count && T[k].Kind == TokenKind.Word && _lex.CalendarNouns.Contains(T[k].Lower))
        {
            next = k + 1;
            return false;
        }

        q = new Quantity(c.Text, Span(ref c, start, end))
        {
            Value = Normalize(a.Value),
            Kind = QuantityKind.Ordinal,
            Modifier = top ? QuantityModifier.AtMost : QuantityModifier.None,
            Max = top ? Normalize(a.Value) : null,
        };
        return true;
    }

    /// <summary>What the amount measures, from its money, unit or age.</summary>
    private static QuantityKind KindOf(ref Ctx c, in Amount a, bool agePrefix)
    {
        if (a.AgeUnit is not null || agePrefix)
        {
            return QuantityKind.Age;
        }

        if (a.Money is not null)
        {
            return QuantityKind.Currency;
        }

        if (a.Unit.Symbol is null)
        {
            return QuantityKind.Number;
        }

        // "rotate 90 degrees": words near the number give another kind
        if (a.Unit.Single?.ContextKinds is { } context)
        {
            for (var k = Math.Max(0, a.Start - 6); k < Math.Min(c.Count, a.End + 4); k++)
            {
                if (c.T[k].Kind == TokenKind.Word && context.TryGetValue(c.T[k].Lower, out var other))
                {
                    return other;
                }
            }
        }

        return a.Unit.Kind;
    }

    /// <summary>The unit a quantity reports: the money code (over the unit for a price per unit), the unit, or the age's unit.</summary>
    private static string? UnitText(ref Ctx c, in Amount a, QuantityKind kind)
    {
        if (kind == QuantityKind.Age)
        {
            return a.AgeUnit ?? "year";
        }

        if (a.Money is { } money)
        {
            if (a.Unit.Symbol is null)
            {
                return money.Code;
            }

            Span<char> buffer = stackalloc char[64];
            var n = 0;
            Append(buffer, ref n, money.Code);
            Append(buffer, ref n, "/");
            Append(buffer, ref n, a.Unit.Symbol);
            return c.Workspace.Names.Get(buffer[..n]);
        }

        return a.Unit.Symbol;
    }

    private static void Append(Span<char> buffer, ref int n, string s)
    {
        var take = Math.Min(s.Length, buffer.Length - n);
        s.AsSpan(0, take).CopyTo(buffer[n..]);
        n += take;
    }

    private static SourceSpan Span(ref Ctx c, int start, int end) => SourceSpan.FromBounds(c.T[start].Start, c.T[end - 1].End);

    /// <summary>Drops trailing zeros of the scale (2500000.0 → 2500000) so values print as written.</summary>
    private static decimal Normalize(decimal d) => d / 1.000000000000000000000000000000000m;
}
