namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>Maven's ComparableVersion order. Every non-empty string is a Maven version.</summary>
public sealed class MavenVersionComparer : IVersionComparer
{
    public static MavenVersionComparer Instance { get; } = new();

    public bool IsValid(string version) => !string.IsNullOrWhiteSpace(version);

    public int Compare(string? x, string? y) => Parse(x).CompareTo(Parse(y));

    private static MavenVersion Parse(string? version) =>
        string.IsNullOrWhiteSpace(version)
            ? throw new FormatException("An empty string is not a Maven version.")
            : MavenVersion.Parse(version);
}
