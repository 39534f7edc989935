using System.Collections.Frozen;
using System.Collections.Immutable;
using NewsParsing.Model;
using NewsParsing.Text;

namespace NewsParsing.Agencies;

/// <summary>
/// Who wrote the story and whom it cites, from its own words: self credits (<c>…, Azernews reports.</c>,
/// <c>Report informs</c>, <c>As reported by Azernews via AzerTag</c>) and citations (<c>citing Yonhap</c>,
/// <c>TASS reported</c>, <c>told Trend</c>). Names are found first — any alias of a registered agency (built-in or
/// added at run time), a known outlet, or a capitalised name that ends in an outlet word (<c>Middle East Eye</c>,
/// <c>Armenian media</c>) — and only then the forms of <c>credits.data.json</c> are tried around each name, so the cost
/// is a few comparisons per capitalised word.
/// </summary>
/// <remarks>
/// The article's agency: the dateline's, else the byline's, else the trailer's, else the agency with the most
/// self-credit weight (strong forms 3, <c>according to X</c> 1; doubled in the first and last paragraphs). When the
/// story credits itself to another agency than its dateline, byline or trailer names, diagnostic
/// <see cref="DiagnosticCodes.AgencyConflict"/> says so. Self credits of other agencies, and weak ones not chosen,
/// are kept as <see cref="Source"/>s.
/// </remarks>
internal sealed class SourcesStage : IArticleStage
{
    private const int MaxAliasWords = 5;
    private const int MaxRunWords = 6;

    private readonly AgencyRegistry _agencies;
    private readonly CreditLexicon _lex = CreditLexicon.Default;

    public SourcesStage(NewsPipelineOptions options)
    {
        _agencies = options.Agencies;
    }

    public NewsStages Stage => NewsStages.Sources;

    public bool EnglishOnly => true;

    public void Run(ArticleContext context)
    {
        var text = context.Text;
        var workspace = context.Workspace;
        var found = workspace.Sources;
        var credits = workspace.Credits;
        var paragraphs = 0;
        foreach (var region in context.Regions)
        {
            paragraphs += region.Kind == RegionKind.Paragraph ? 1 : 0;
        }

        var paragraph = 0;
        foreach (var region in context.Regions)
        {
            if (region.Kind != RegionKind.Paragraph)
            {
                continue;
            }

            if (workspace.Budget.Check())
            {
                break; // past the time budget: the sources found so far are kept (NP0019)
            }

            var edge = paragraph == 0 || paragraph == paragraphs - 1;
            Scan(text, workspace.Tokens.Get(text, region.Span, workspace), edge, found, credits);
            paragraph++;
            if (found.Count + credits.Count >= context.Options.MaxItemsPerStage)
            {
                // Per item, not per paragraph: a paragraph that found more than the limit is cut back to it.
                var over = found.Count + credits.Count - context.Options.MaxItemsPerStage;
                var fromFound = Math.Min(over, found.Count);
                found.RemoveRange(found.Count - fromFound, fromFound);
                credits.RemoveRange(credits.Count - (over - fromFound), over - fromFound);
                context.Diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitReached, DiagnosticSeverity.Warning,
                    $"More than {context.Options.MaxItemsPerStage} sources; the rest were not extracted."));
                break;
            }
        }

        Resolve(context, found, credits);
    }

    /// <summary>Chooses the article's agency and turns the self credits of other agencies into sources.</summary>
    private static void Resolve(ArticleContext context, List<Source> found, List<Credit> credits)
    {
        Agency? best = null;
        var bestWeight = 0;
        foreach (var c in credits)
        {
            var weight = 0;
            foreach (var d in credits)
            {
                weight += d.Agency == c.Agency ? d.Weight : 0;
            }

            if (weight > bestWeight)
            {
                (best, bestWeight) = (c.Agency, weight);
            }
        }

        if (context.Agency is null && best is not null)
        {
            context.Agency = best;
            context.AgencyEvidence = AgencyEvidence.SelfCredit;
        }
        else if (context.Agency is { } named && best is not null && best != named && HasStrong(credits, best))
        {
            context.Diagnostics.Add(new Diagnostic(DiagnosticCodes.AgencyConflict, DiagnosticSeverity.Info,
                $"The story credits itself to {best.Name}, but its {context.AgencyEvidence.ToString().ToLowerInvariant()} names {named.Name}."));
        }

        foreach (var c in credits)
        {
            if (c.Agency != context.Agency)
            {
                found.Add(new Source(context.Text, c.Name) { Agency = c.Agency, Name = c.Agency.Name, Cue = c.Cue, CueSpan = c.CueSpan });
            }
        }

        if (found.Count > 1)
        {
            found.Sort(static (a, b) => a.Span.Start.CompareTo(b.Span.Start));
        }

        context.Sources = [.. found];
    }

    private static bool HasStrong(List<Credit> credits, Agency agency)
    {
        foreach (var c in credits)
        {
            if (c.Agency == agency && c.Strong)
            {
                return true;
            }
        }

        return false;
    }

    private void Scan(string text, List<Token> t, bool edge, List<Source> found, List<Credit> credits)
    {
        var quoted = false;
        var usedUpTo = -1; // a name taken as the source of a self credit ("via AzerTag") is not read again
        for (var i = 0; i < t.Count; i++)
        {
            if (t[i].Kind == TokenKind.Punct)
            {
                quoted = (char)t[i].Value switch
                {
                    '"' => !quoted,
                    '“' => true,
                    '”' => false,
                    _ => quoted,
                };
                continue;
            }

            if (quoted || i < usedUpTo || !IsCapitalised(text, t[i]))
            {
                continue; // a credit inside a quotation is the speaker's, not the story's
            }

            if (!TryName(text, t, i, out var name))
            {
                continue;
            }

            if (name.Agency is { } agency && TrySelf(t, name, out var form, out var matchEnd))
            {
                var cueToken = form.After.Length > 0 ? name.End : Math.Max(0, name.First - form.Before.Length);
                credits.Add(new Credit(agency, (form.Strong ? 3 : 1) * (edge ? 2 : 1), form.Strong, Span(t, name.First, name.End),
                    form.Cue, Span(t, cueToken, cueToken + 1)));
                if (TryExtension(text, t, matchEnd, out var cue, out var cueSpan, out var cited))
                {
                    found.Add(MakeSource(text, t, cited, cue, cueSpan));
                    usedUpTo = cited.End;
                }

                i = Math.Max(i, name.End - 1);
                continue;
            }

            if (TryCitation(t, name, out var citation))
            {
                var cueFirst = citation.After.Length > 0 ? name.End : name.First - citation.Before.Length;
                var cueEnd = citation.After.Length > 0 ? name.End + citation.After.Length : name.First;
                found.Add(MakeSource(text, t, name, citation.Cue, Span(t, cueFirst, cueEnd)));
            }

            i = Math.Max(i, name.End - 1);
        }
    }

    private static Source MakeSource(string text, List<Token> t, Name name, string cue, SourceSpan cueSpan) =>
        new(text, Span(t, name.First, name.End))
        {
            Agency = name.Agency,
            Name = name.Agency?.Name ?? text[t[name.First].Start..t[name.End - 1].End],
            Cue = cue,
            CueSpan = cueSpan,
        };

    /// <summary>A registered agency, a known outlet, or a capitalised name ending in an outlet word at token
    /// <paramref name="i"/>.</summary>
    private bool TryName(string text, List<Token> t, int i, out Name name)
    {
        name = default;

        // The longest alias of a registered agency starting here (aliases may span words and glued marks: Report.az).
        for (var j = Math.Min(t.Count, i + MaxAliasWords); j > i; j--)
        {
            if (t[j - 1].Kind == TokenKind.Punct || !Contiguous(t, i, j))
            {
                continue;
            }

            var span = text.AsSpan(t[i].Start, t[j - 1].End - t[i].Start);
            if (_agencies.FindByAlias(span) is { } agency && Standalone(text, t, i, j, span))
            {
                name = new Name(i, j, agency);
                return true;
            }
        }

        // A known outlet (Yonhap, Middle East Eye), unless a longer outlet name starts with it (Hurriyet Daily News).
        for (var j = Math.Min(t.Count, i + _lex.MaxOutletWords); j > i; j--)
        {
            if (t[j - 1].Kind != TokenKind.Punct && Contiguous(t, i, j) && Contains(_lex.Outlets, text.AsSpan(t[i].Start, t[j - 1].End - t[i].Start)))
            {
                name = TryOutletRun(text, t, i, out var run) && run.End > j ? run : new Name(i, j, null);
                return true;
            }
        }

        return TryOutletRun(text, t, i, out name);
    }

    /// <summary>A capitalised run ending in an outlet word (Middle East Eye) or followed by an outlet head (Armenian media).</summary>
    private bool TryOutletRun(string text, List<Token> t, int i, out Name name)
    {
        name = default;

        var end = i + 1;
        while (end < t.Count && end - i < MaxRunWords && t[end].Kind == TokenKind.Word && IsCapitalised(text, t[end]))
        {
            end++;
        }

        if (Contains(_lex.OutletWords, text.AsSpan(t[end - 1].Start, t[end - 1].End - t[end - 1].Start)))
        {
            name = new Name(i, end, null);
            return true;
        }

        if (end < t.Count && t[end].Kind == TokenKind.Word && _lex.OutletHeads.Contains(t[end].Lower))
        {
            name = new Name(i, end + 1, null);
            return true;
        }

        return false;
    }

    /// <summary>Whether an alias stands as a name of its own: not after a determiner ("the trend"), not inside a
    /// longer capitalised name when it is an ordinary word ("U.N. Report"), not an employer or a company
    /// ("Reuters shares", "AFP photographer").</summary>
    private bool Standalone(string text, List<Token> t, int first, int end, ReadOnlySpan<char> alias)
    {
        if (end < t.Count && t[end].Kind == TokenKind.Word && _lex.BlockedAfter.Contains(t[end].Lower))
        {
            return false;
        }

#if NET9_0_OR_GREATER
        var ambiguous = _lex.AmbiguousAliases.GetAlternateLookup<ReadOnlySpan<char>>().Contains(alias);
#else
        var ambiguous = _lex.AmbiguousAliases.Contains(alias.ToString());
#endif
        if (!ambiguous)
        {
            return true;
        }

        // An ordinary word after a determiner is a common noun ("a trend", "the Report"); an acronym is not ("the AP").
        var acronym = alias.Length <= 4 && !alias.ContainsAnyInRange('a', 'z');
        if (first > 0 && t[first - 1].Kind == TokenKind.Word && (_lex.BlockedBefore.Contains(t[first - 1].Lower) || (!acronym && t[first - 1].Lower == "the")))
        {
            return false;
        }

        var glued = first > 0 && !t[first].SpaceBefore;
        var afterName = first > 0 && (t[first - 1].Kind == TokenKind.Word && IsCapitalised(text, t[first - 1])
            || (t[first - 1].Kind == TokenKind.Punct && (char)t[first - 1].Value == '.' && first > 1 && !t[first - 1].SpaceBefore && t[first - 2].End - t[first - 2].Start == 1));
        var beforeName = end < t.Count && t[end].Kind == TokenKind.Word && IsCapitalised(text, t[end]);
        return !glued && !afterName && !beforeName;
    }

    private bool TrySelf(List<Token> t, Name name, out CreditForm form, out int matchEnd)
    {
        foreach (var f in _lex.SelfForms)
        {
            if (Matches(t, name, f, out matchEnd))
            {
                form = f;
                return true;
            }
        }

        (form, matchEnd) = (null!, -1);
        return false;
    }

    private bool TryCitation(List<Token> t, Name name, out CreditForm form)
    {
        foreach (var f in _lex.Citations)
        {
            if (Matches(t, name, f, out _))
            {
                form = f;
                return true;
            }
        }

        form = null!;
        return false;
    }

    /// <summary>Whether form <paramref name="f"/> is written around the name: its words before the name (perhaps with
    /// descriptors between: "according to the state-run Xinhua") and after it (perhaps with head words between: "Tass
    /// news agency reported").</summary>
    private bool Matches(List<Token> t, Name name, CreditForm f, out int end)
    {
        end = -1;
        if (f.Before.Length > 0 && MatchBefore(t, name.First, f.Before) < 0 && MatchBefore(t, Skip(t, name.First, -1, _lex.Descriptors), f.Before) < 0)
        {
            return false;
        }

        if (f.After.Length == 0)
        {
            end = name.End;
            return true;
        }

        end = MatchAfter(t, name.End, f.After);
        if (end < 0)
        {
            end = MatchAfter(t, Skip(t, name.End, +1, _lex.HeadWords), f.After);
        }

        return end >= 0;
    }

    /// <summary>From token <paramref name="at"/> (a name's first token, stepping back; or its end, stepping on), the
    /// position past a run of <paramref name="words"/> and hyphens.</summary>
    private static int Skip(List<Token> t, int at, int step, FrozenSet<string> words)
    {
        var k = step < 0 ? at - 1 : at;
        while (k >= 0 && k < t.Count && ((t[k].Kind == TokenKind.Word && words.Contains(t[k].Lower)) || (t[k].Kind == TokenKind.Punct && (char)t[k].Value == '-')))
        {
            k += step;
        }

        return step < 0 ? k + 1 : k;
    }

    /// <summary>A second source right after a self credit: "…, Azernews reports via Armenian media", ", citing Yonhap".</summary>
    private bool TryExtension(string text, List<Token> t, int at, out string cue, out SourceSpan cueSpan, out Name cited)
    {
        foreach (var f in _lex.Extensions)
        {
            var end = MatchAfter(t, at, f.Before);
            if (end > at && end < t.Count && IsCapitalised(text, t[end]) && TryName(text, t, end, out cited))
            {
                cue = f.Cue;
                cueSpan = Span(t, end - 1, end);
                return true;
            }
        }

        (cue, cueSpan, cited) = ("", default, default);
        return false;
    }

    /// <summary>The index where <paramref name="words"/> start if they are written just before token <paramref name="at"/>, else -1.</summary>
    private static int MatchBefore(List<Token> t, int at, ImmutableArray<FormWord> words)
    {
        var k = at;
        for (var w = words.Length - 1; w >= 0; w--)
        {
            if (words[w].Word == "^")
            {
                // The start of a sentence: the paragraph's start, or after a full stop, question or exclamation mark.
                if (k > 0 && !(t[k - 1].Kind == TokenKind.Punct && (char)t[k - 1].Value is '.' or '!' or '?' or '"' or '”' or '’'))
                {
                    return -1;
                }

                continue;
            }

            if (--k < 0 || !Is(t[k], words[w]))
            {
                return -1;
            }
        }

        return k;
    }

    /// <summary>The index after <paramref name="words"/> if they are written from token <paramref name="at"/>, else -1.</summary>
    private static int MatchAfter(List<Token> t, int at, ImmutableArray<FormWord> words)
    {
        var k = at;
        foreach (var word in words)
        {
            if (k >= t.Count || !Is(t[k], word))
            {
                return -1;
            }

            k++;
        }

        return k;
    }

    private static bool Is(in Token token, FormWord word) => word.IsPunct
        ? token.Kind == TokenKind.Punct && ((char)token.Value == word.Word[0] || (word.Word[0] == '\'' && (char)token.Value == '’'))
        : token.Kind == TokenKind.Word && string.Equals(token.Lower, word.Word, StringComparison.Ordinal);

    /// <summary>Whether tokens [first, end) are one name as written: single spaces between words, marks glued.</summary>
    private static bool Contiguous(List<Token> t, int first, int end)
    {
        for (var k = first + 1; k < end; k++)
        {
            if (t[k].Start - t[k - 1].End > 1)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A set lookup without a string per probe (.NET 9+; a string on .NET 8).</summary>
    private static bool Contains(FrozenSet<string> set, ReadOnlySpan<char> key) =>
#if NET9_0_OR_GREATER
        set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key);
#else
        set.Contains(key.ToString());
#endif

    private static bool IsCapitalised(string text, in Token token) => token.Kind == TokenKind.Word && char.IsUpper(text[token.Start]);

    private static SourceSpan Span(List<Token> t, int first, int end) => SourceSpan.FromBounds(t[first].Start, t[Math.Max(first, end - 1)].End);

    /// <summary>A name at tokens [First, End): a registered agency, or (Agency null) an outlet.</summary>
    private readonly record struct Name(int First, int End, Agency? Agency);
}

/// <summary>A self credit found in the story: the agency, its weight, and where its name and cue are written.</summary>
internal readonly record struct Credit(Agency Agency, int Weight, bool Strong, SourceSpan Name, string Cue, SourceSpan CueSpan);
