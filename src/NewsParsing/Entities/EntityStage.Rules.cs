using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NewsParsing.Model;
using NewsParsing.Text;

namespace NewsParsing.Entities;

/// <summary>The news-wire rules after the tagger: events, facilities, ministries, titles before people.</summary>
internal sealed partial class EntityStage
{
    /// <summary>Events with years in their names, the N-day war, facilities, and ministries in apposition.</summary>
    private static void RuleMentions(string text, List<NerToken> tokens, List<Mention> rules)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var w = Word(text, tokens[i]);
            // "Eternity-2021"
            var dash = w.LastIndexOf('-');
            if (dash > 0 && char.IsUpper(w[0]) && w.Length - dash == 5 && IsYear(w[(dash + 1)..]))
            {
                rules.Add(new Mention(SourceSpan.FromBounds(tokens[i].Start, tokens[i].End), EntityType.Event, null, null, null));
                continue;
            }

            // "Agile Spirit - 2021"
            if (i + 2 < tokens.Count && char.IsUpper(w[0]) && Word(text, tokens[i + 1]) is "-" or "–" && IsYear(Word(text, tokens[i + 2])))
            {
                var first = i;
                while (first > 0 && char.IsUpper(text[tokens[first - 1].Start]) && i - first < 3)
                {
                    first--;
                }

                var from = tokens[first].Start;
                var kept = 0;
                for (var r = 0; r < rules.Count; r++)
                {
                    if (rules[r].Span.Start < from)
                    {
                        rules[kept++] = rules[r];
                    }
                }

                rules.RemoveRange(kept, rules.Count - kept);
                rules.Add(new Mention(SourceSpan.FromBounds(tokens[first].Start, tokens[i + 2].End), EntityType.Event, null, null, null));
                i += 2;
                continue;
            }

            // "the 44-day war"
            if (w.EndsWith("-day", StringComparison.OrdinalIgnoreCase) && w.Length > 4 && char.IsDigit(w[0]) && i + 1 < tokens.Count
                && Word(text, tokens[i + 1]).Equals("war", StringComparison.OrdinalIgnoreCase))
            {
                rules.Add(new Mention(SourceSpan.FromBounds(tokens[i].Start, tokens[i + 1].End), EntityType.Event, null, null, null));
                i++;
                continue;
            }

            // "Alley of Honor", "Alley of Martyrs"
            // Cheap checks first: the lower-cased copy is made only for "<Capitalised> of <Capitalised>".
            if (char.IsUpper(w[0]) && i + 2 < tokens.Count && Word(text, tokens[i + 1]) is "of" && char.IsUpper(text[tokens[i + 2].Start])
                && EntityRules.ContainsLower(FacilityHeads, w))
            {
                rules.Add(new Mention(SourceSpan.FromBounds(tokens[i].Start, tokens[i + 2].End), EntityType.Facility, null, null, null));
                i += 2;
                continue;
            }

            // "the Ministries of Defense of Azerbaijan and Georgia", "Ministry of Foreign Affairs"
            if (w is "Ministry" or "Ministries" && i + 2 < tokens.Count && Word(text, tokens[i + 1]) is "of")
            {
                var end = i + 2;
                while (end < tokens.Count && (char.IsUpper(text[tokens[end].Start]) || Word(text, tokens[end]) is "of" or "and")
                    && !(Word(text, tokens[end]) is "and" && (end + 1 >= tokens.Count || !char.IsUpper(text[tokens[end + 1].Start]))))
                {
                    end++;
                }

                while (end > i + 2 && Word(text, tokens[end - 1]) is "of" or "and")
                {
                    end--;
                }

                rules.Add(new Mention(SourceSpan.FromBounds(tokens[i].Start, tokens[end - 1].End), EntityType.Organization, null, null, null));
                i = end - 1;
            }
        }

    }

    /// <summary>The title written just before a person: "Defence Minister", "Georgian counterpart", "Colonel General".</summary>
    private string? TitleBefore(string text, List<NerToken> tokens, ReadOnlySpan<GazetteerFlags> flags, int start, NameTable names)
    {
        var first = start;
        var hasTitle = false;
        for (var k = start - 1; k >= 0 && start - k <= 6; k--)
        {
            var w = Word(text, tokens[k]);
            var isTitle = flags[k].HasFlag(GazetteerFlags.Title) || (_gazetteer.TryMatch(text, tokens, k, 1, out var e) && e.Flags.HasFlag(GazetteerFlags.Title))
                || EntityRules.Default.IsRoleWord(w);
            var isModifier = EntityRules.ContainsLower(TitleModifiers, w) || (flags[k] & GazetteerFlags.Demonym) != 0;
            if (!isTitle && !isModifier)
            {
                break;
            }

            hasTitle |= isTitle;
            first = k;
        }

        while (first < start && Word(text, tokens[first]) is "of")
        {
            first++;
        }

        return hasTitle && first < start ? names.Get(text.AsSpan(tokens[first].Start, tokens[start - 1].End - tokens[first].Start)) : null;
    }
}
