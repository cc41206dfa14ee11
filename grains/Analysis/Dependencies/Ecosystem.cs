namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>The package ecosystems the DependencyAuditor reads manifests of.</summary>
public enum Ecosystem
{
    NuGet,
    Npm,
    PyPI,
    Go,
    CratesIo,
    Maven,
}
