namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>The ecosystem names OSV uses in <c>affected[].package.ecosystem</c> and in API queries.</summary>
public static class EcosystemNames
{
    public static string ToOsv(this Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.NuGet => "NuGet",
        Ecosystem.Npm => "npm",
        Ecosystem.PyPI => "PyPI",
        Ecosystem.Go => "Go",
        Ecosystem.CratesIo => "crates.io",
        Ecosystem.Maven => "Maven",
        _ => throw new ArgumentOutOfRangeException(nameof(ecosystem), ecosystem, null),
    };

    /// <summary>
    /// Reads an OSV ecosystem name. OSV allows a suffix after a colon ("Debian:11"); none of ours use one, but it is
    /// cut off so such a name is still recognised rather than silently ignored.
    /// </summary>
    public static bool TryParseOsv(string? name, out Ecosystem ecosystem)
    {
        var bare = name?.Split(':', 2)[0];
        foreach (var candidate in Enum.GetValues<Ecosystem>())
        {
            if (string.Equals(candidate.ToOsv(), bare, StringComparison.Ordinal))
            {
                ecosystem = candidate;
                return true;
            }
        }

        ecosystem = default;
        return false;
    }
}
