using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using NewsParsing.Agencies;
using NewsParsing.Model;

namespace NewsParsing.Segmentation;

/// <summary>
/// Recognises trailer lines (sign-offs, follow-us lines, agency tag lines, boilerplate). The prefixes come from
/// <c>trailers.data.json</c>; everything agency-specific — sign-off words and tag lines such as <c>(Trend)</c>,
/// <c>/By Trend/</c>, <c>/AZERTAC/</c> — comes from the entries of the <see cref="AgencyRegistry"/> the rules are built
/// for, so an agency added at run time is recognised like a built-in one.
/// </summary>
internal sealed class TrailerRules
{
    /// <summary>The longest tag line: brackets or slashes, "By ", and the longest alias people write.</summary>
    private const int MaxTagLineLength = 48;

    private static readonly Lazy<(ImmutableArray<string> Separators, ImmutableArray<(TrailerKind Kind, string Prefix)> Prefixes)> Data = new(Load);

    private readonly AgencyRegistry _agencies;

    /// <summary>Builds the rules for <paramref name="agencies"/>.</summary>
    public TrailerRules(AgencyRegistry agencies)
    {
        _agencies = agencies;
        var (separators, prefixes) = Data.Value;
        Separators = separators;
        Prefixes = prefixes;

        // First characters of everything a trailer line can start with, in both cases: most body lines are rejected
        // by one vectorised lookup instead of a loop of case-insensitive prefix comparisons. Tag lines open with a
        // bracket or slash; sign-offs with the sign-off word.
        var first = new HashSet<char>(['(', '/', '[', 'F', 'f']);
        foreach (var (_, prefix) in prefixes)
        {
            first.Add(char.ToUpperInvariant(prefix[0]));
            first.Add(char.ToLowerInvariant(prefix[0]));
        }

        foreach (var agency in agencies.Agencies)
        {
            foreach (var signOff in agency.SignOffs)
            {
                first.Add(char.ToUpperInvariant(signOff[0]));
                first.Add(char.ToLowerInvariant(signOff[0]));
            }
        }

        _firstChars = SearchValues.Create([.. first]);

        // The prefixes grouped by their first character, upper-cased as OrdinalIgnoreCase folds it (file order within a
        // group), so a line is only compared with the few prefixes that can match it.
        var groups = new Dictionary<char, List<(TrailerKind, string)>>();
        foreach (var entry in prefixes)
        {
            var key = char.ToUpperInvariant(entry.Prefix[0]);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(entry);
        }

        _byFirst = groups.ToFrozenDictionary(g => g.Key, g => g.Value.ToArray());
        _separatorFirstChars = SearchValues.Create([.. separators.Select(x => x[0]).Distinct()]);
    }

    private readonly SearchValues<char> _firstChars;
    private readonly SearchValues<char> _separatorFirstChars;
    private readonly FrozenDictionary<char, (TrailerKind Kind, string Prefix)[]> _byFirst;

    public ImmutableArray<string> Separators { get; }

    public ImmutableArray<(TrailerKind Kind, string Prefix)> Prefixes { get; }

    /// <summary>Whether the trimmed line is a separator such as an em dash on its own.</summary>
    public bool IsSeparator(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || line.Length > 8 || !_separatorFirstChars.Contains(line[0]))
        {
            return false;
        }

        foreach (var s in Separators)
        {
            if (line.SequenceEqual(s))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Classifies a trimmed paragraph or line as a trailer, or returns <see langword="null"/>.</summary>
    public TrailerKind? Classify(ReadOnlySpan<char> line, out Agency? agency)
    {
        agency = null;
        if (line.IsEmpty || !_firstChars.Contains(line[0]))
        {
            return null;
        }

        var candidates = _byFirst.TryGetValue(char.ToUpperInvariant(line[0]), out var group) ? group : [];
        foreach (var (kind, prefix) in candidates)
        {
            if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                agency = FindHandleAgency(line, _agencies);
                return kind;
            }
        }

        // "Follow AzerNews on Twitter": a registered agency's follow-us line.
        if (line.StartsWith("Follow ", StringComparison.OrdinalIgnoreCase) && line.Length <= MaxTagLineLength + 40)
        {
            var rest = line[7..];
            var on = rest.IndexOf(" on ", StringComparison.OrdinalIgnoreCase);
            if (on > 0 && _agencies.FindByAlias(rest[..on].Trim()) is { } followed)
            {
                agency = followed;
                return TrailerKind.FollowUs;
            }
        }

        // An agency tag line: a registered agency's name in brackets or slashes, "(Trend)", "/By Trend/", "[AZERTAC]".
        if (line.Length is >= 3 and <= MaxTagLineLength && line[0] is '(' or '/' or '[' && line[^1] is ')' or '/' or ']')
        {
            var inner = line[1..^1].Trim();
            if (inner.StartsWith("By ", StringComparison.OrdinalIgnoreCase))
            {
                inner = inner[3..].Trim();
            }

            if (_agencies.FindByAlias(inner) is { } tagged)
            {
                agency = tagged;
                return TrailerKind.AgencyTag;
            }
        }

        // A sign-off is a line that is only an agency's sign-off word: "Reuter".
        if (line.Length <= 12 && _agencies.FindByAlias(line) is { SignOffs.Length: > 0 } signer)
        {
            foreach (var signOff in signer.SignOffs)
            {
                if (line.Equals(signOff, StringComparison.OrdinalIgnoreCase))
                {
                    agency = signer;
                    return TrailerKind.SignOff;
                }
            }
        }

        return null;
    }

    private static Agency? FindHandleAgency(ReadOnlySpan<char> line, AgencyRegistry agencies)
    {
        var at = line.IndexOf('@');
        if (at < 0)
        {
            return null;
        }

        var end = at + 1;
        while (end < line.Length && (char.IsLetterOrDigit(line[end]) || line[end] == '_'))
        {
            end++;
        }

        return agencies.FindByAlias(line[at..end]);
    }

    private static (ImmutableArray<string>, ImmutableArray<(TrailerKind, string)>) Load()
    {
        using var stream = EmbeddedData.Open("Segmentation.trailers.data.json");
        using var doc = JsonDocument.Parse(stream);
        var separators = ImmutableArray.CreateBuilder<string>();
        foreach (var s in doc.RootElement.GetProperty("separators").EnumerateArray())
        {
            separators.Add(s.GetString()!);
        }

        var prefixes = ImmutableArray.CreateBuilder<(TrailerKind, string)>();
        foreach (var t in doc.RootElement.GetProperty("trailers").EnumerateArray())
        {
            var kind = Enum.Parse<TrailerKind>(t.GetProperty("kind").GetString()!);
            foreach (var p in t.GetProperty("prefixes").EnumerateArray())
            {
                prefixes.Add((kind, p.GetString()!));
            }
        }

        return (separators.ToImmutable(), prefixes.ToImmutable());
    }
}
