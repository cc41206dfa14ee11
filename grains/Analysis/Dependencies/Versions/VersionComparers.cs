namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>Which version order applies to an ecosystem's versions (Go modules and crates are SemVer).</summary>
public static class VersionComparers
{
    public static IVersionComparer For(Ecosystem ecosystem) => ecosystem switch
    {
        Ecosystem.NuGet => NuGetVersionComparer.Instance,
        Ecosystem.Npm or Ecosystem.Go or Ecosystem.CratesIo => SemanticVersionComparer.Instance,
        Ecosystem.PyPI => Pep440VersionComparer.Instance,
        Ecosystem.Maven => MavenVersionComparer.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(ecosystem), ecosystem, null),
    };
}
