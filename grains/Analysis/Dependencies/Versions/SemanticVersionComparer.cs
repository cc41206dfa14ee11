namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>SemVer 2.0 precedence, for npm, Go modules and crates.io.</summary>
public sealed class SemanticVersionComparer : IVersionComparer
{
    public static SemanticVersionComparer Instance { get; } = new();

    public bool IsValid(string version) => SemanticVersion.TryParse(version, out _);

    public int Compare(string? x, string? y) => Math.Sign(Parse(x).CompareTo(Parse(y)));

    private static SemanticVersion Parse(string? version) =>
        SemanticVersion.TryParse(version, out var parsed)
            ? parsed
            : throw new FormatException($"'{version}' is not a semantic version.");
}
