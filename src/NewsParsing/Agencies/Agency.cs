using System.Collections.Immutable;

namespace NewsParsing.Agencies;

/// <summary>A canonical news agency or wire service, for example <c>reuters</c> or <c>azertac</c>.</summary>
/// <param name="Id">Stable lower-case identifier used in JSON output (<c>azertac</c>, <c>reuters</c>, <c>ap</c>).</param>
/// <param name="Name">Display name (<c>AZERTAC</c>, <c>Associated Press</c>).</param>
public sealed record Agency(string Id, string Name)
{
    /// <summary>Spellings that name this agency in datelines, bylines and trailers (case-sensitive, as written).</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>Sign-off words the agency ends stories with (Reuters' <c>Reuter</c>).</summary>
    public ImmutableArray<string> SignOffs { get; init; } = [];

    /// <summary>Web domains of the agency (<c>azertag.az</c>), used for HTML pages.</summary>
    public ImmutableArray<string> Domains { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() => Id;
}
