namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>PEP 440 ordering, for PyPI.</summary>
public sealed class Pep440VersionComparer : IVersionComparer
{
    public static Pep440VersionComparer Instance { get; } = new();

    public bool IsValid(string version) => Pep440Version.TryParse(version, out _);

    public int Compare(string? x, string? y) => Math.Sign(Parse(x).CompareTo(Parse(y)));

    private static Pep440Version Parse(string? version) =>
        Pep440Version.TryParse(version, out var parsed)
            ? parsed
            : throw new FormatException($"'{version}' is not a PEP 440 version.");
}
