using NuGet.Versioning;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>NuGet's own rules (four-part versions, SemVer 2 prerelease labels, metadata ignored).</summary>
public sealed class NuGetVersionComparer : IVersionComparer
{
    public static NuGetVersionComparer Instance { get; } = new();

    public bool IsValid(string version) => NuGetVersion.TryParse(version, out _);

    public int Compare(string? x, string? y) =>
        VersionComparer.Default.Compare(Parse(x), Parse(y));

    private static NuGetVersion Parse(string? version) =>
        NuGetVersion.TryParse(version, out var parsed)
            ? parsed
            : throw new FormatException($"'{version}' is not a NuGet version.");
}
