using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;

namespace NewsParsing.Agencies;

/// <summary>
/// An immutable set of canonical agencies and the aliases that name them. The default registry is loaded once from
/// the embedded <c>agencies.data.json</c>; <see cref="NewsPipelineBuilder.AddAgency"/> extends it.
/// </summary>
public sealed class AgencyRegistry
{
    private static readonly Lazy<AgencyRegistry> DefaultRegistry = new(LoadDefault);

    private readonly FrozenDictionary<string, Agency> _byAlias;
    private readonly FrozenDictionary<string, Agency> _byAliasIgnoreCase;
    private readonly FrozenDictionary<string, Agency> _byId;
    private readonly FrozenDictionary<string, Agency> _byDomain;

    /// <summary>Creates a registry from a list of agencies.</summary>
    /// <param name="agencies">The agencies; later entries with the same id replace earlier ones.</param>
    public AgencyRegistry(IEnumerable<Agency> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        var byId = new Dictionary<string, Agency>(StringComparer.Ordinal);
        foreach (var agency in agencies)
        {
            ArgumentNullException.ThrowIfNull(agency);
            Check(agency);
            byId[agency.Id] = agency;
        }

        var byAlias = new Dictionary<string, Agency>(StringComparer.Ordinal);
        var byAliasIgnoreCase = new Dictionary<string, Agency>(StringComparer.OrdinalIgnoreCase);
        var byDomain = new Dictionary<string, Agency>(StringComparer.OrdinalIgnoreCase);
        foreach (var agency in byId.Values)
        {
            byAlias[agency.Id] = agency;
            foreach (var alias in agency.Aliases)
            {
                byAlias[alias] = agency;
                // Short all-caps aliases (AP, AA, APA) are only trusted when written exactly.
                if (alias.Length > 3)
                {
                    byAliasIgnoreCase.TryAdd(alias, agency);
                }
            }

            foreach (var signOff in agency.SignOffs)
            {
                byAlias[signOff] = agency;
            }

            foreach (var domain in agency.Domains)
            {
                byDomain[domain] = agency;
            }
        }

        Agencies = [.. byId.Values.OrderBy(a => a.Id, StringComparer.Ordinal)];
        _byId = byId.ToFrozenDictionary(StringComparer.Ordinal);
        _byAlias = byAlias.ToFrozenDictionary(StringComparer.Ordinal);
        _byAliasIgnoreCase = byAliasIgnoreCase.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _byDomain = byDomain.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        MaxAliasLength = byAlias.Count == 0 ? 0 : byAlias.Keys.Max(k => k.Length);
    }

    /// <summary>An agency made with an object initializer can hold a null id or default arrays (<c>Aliases = default</c>):
    /// rejected here with an <see cref="ArgumentException"/> rather than a <see cref="NullReferenceException"/> later.</summary>
    private static void Check(Agency agency)
    {
        if (string.IsNullOrEmpty(agency.Id) || agency.Name is null)
        {
            throw new ArgumentException($"Agency '{agency.Id}' needs an id and a name.", nameof(agency));
        }

        foreach (var (what, values) in (ReadOnlySpan<(string, ImmutableArray<string>)>)[("Aliases", agency.Aliases), ("SignOffs", agency.SignOffs), ("Domains", agency.Domains)])
        {
            if (values.IsDefault)
            {
                throw new ArgumentException($"Agency '{agency.Id}' has default (uninitialised) {what}; use [] for none.", nameof(agency));
            }

            foreach (var value in values)
            {
                if (string.IsNullOrEmpty(value))
                {
                    throw new ArgumentException($"Agency '{agency.Id}' has a null or empty entry in {what}.", nameof(agency));
                }
            }
        }
    }

    /// <summary>The registry built from the embedded agency list.</summary>
    public static AgencyRegistry Default => DefaultRegistry.Value;

    /// <summary>All agencies, ordered by id.</summary>
    public ImmutableArray<Agency> Agencies { get; }

    /// <summary>The longest alias, in characters.</summary>
    internal int MaxAliasLength { get; }

    /// <summary>Finds an agency by its canonical id (<c>reuters</c>).</summary>
    /// <param name="id">The canonical id.</param>
    public Agency? FindById(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.GetValueOrDefault(id);
    }

    /// <summary>
    /// Finds the agency an alias names. Exact spellings are tried first; aliases longer than three characters also
    /// match regardless of case (<c>AZERNEWS</c>), short ones such as <c>AP</c> only as written.
    /// </summary>
    /// <param name="alias">The text that may name an agency, already trimmed.</param>
    public Agency? FindByAlias(ReadOnlySpan<char> alias)
    {
        if (alias.IsEmpty || alias.Length > MaxAliasLength)
        {
            return null;
        }
#if NET9_0_OR_GREATER
        // Span lookups avoid allocating a string per candidate on the hot path.
        var exact = _byAlias.GetAlternateLookup<ReadOnlySpan<char>>();
        if (exact.TryGetValue(alias, out var agency))
        {
            return agency;
        }

        var loose = _byAliasIgnoreCase.GetAlternateLookup<ReadOnlySpan<char>>();
        return loose.TryGetValue(alias, out agency) ? agency : null;
#else
        var key = alias.ToString();
        return _byAlias.GetValueOrDefault(key) ?? _byAliasIgnoreCase.GetValueOrDefault(key);
#endif
    }

    /// <summary>Finds the agency that owns a web host name (<c>www.azernews.az</c>, <c>en.trend.az</c>).</summary>
    /// <param name="host">A host name; leading <c>www.</c> and sub-domains are tried away.</param>
    public Agency? FindByDomain(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var h = host.Trim().TrimEnd('.');
        while (h.Length > 0)
        {
            if (_byDomain.TryGetValue(h, out var agency))
            {
                return agency;
            }

            var dot = h.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                break;
            }

            h = h[(dot + 1)..];
        }

        return null;
    }

    /// <summary>Returns a new registry with <paramref name="extra"/> added (or replacing agencies of the same id).</summary>
    /// <param name="extra">The agencies to add.</param>
    public AgencyRegistry With(IEnumerable<Agency> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        return new AgencyRegistry(Agencies.Concat(extra));
    }

    private static AgencyRegistry LoadDefault()
    {
        using var stream = EmbeddedData.Open("Agencies.agencies.data.json");
        using var doc = JsonDocument.Parse(stream);
        var list = new List<Agency>();
        foreach (var item in doc.RootElement.GetProperty("agencies").EnumerateArray())
        {
            list.Add(new Agency(item.GetProperty("id").GetString()!, item.GetProperty("name").GetString()!)
            {
                Aliases = ReadStrings(item, "aliases"),
                SignOffs = ReadStrings(item, "signOffs"),
                Domains = ReadStrings(item, "domains"),
            });
        }

        return new AgencyRegistry(list);
    }

    private static ImmutableArray<string> ReadStrings(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var array))
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var s in array.EnumerateArray())
        {
            builder.Add(s.GetString()!);
        }

        return builder.ToImmutable();
    }
}
