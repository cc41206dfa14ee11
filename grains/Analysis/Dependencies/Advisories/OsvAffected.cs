namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>One <c>affected[]</c> entry. <see cref="Ecosystem"/> is null for ecosystems the audit does not read.</summary>
public sealed record OsvAffected(
    Ecosystem? Ecosystem,
    string Name,
    IReadOnlyList<OsvRange> Ranges,
    IReadOnlyList<string> Versions)
{
    public PackageKey? Package => Ecosystem is { } ecosystem ? new PackageKey(ecosystem, Name) : null;
}
