using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>Everything one audit saw, for the agent's metrics and summary.</summary>
/// <param name="SourceErrors">One line per advisory source that failed ("OSV API …: timed out").</param>
public sealed record DependencyAuditReport(
    IReadOnlyList<ManifestReadResult> Manifests,
    IReadOnlyList<Dependency> Dependencies,
    IReadOnlyList<Vulnerability> Vulnerabilities,
    IReadOnlyList<Finding> Findings,
    int SourcesConfigured,
    int AdvisoriesLoaded,
    int AdvisoriesUnreadable,
    IReadOnlyList<string> SourceErrors)
{
    public int ParseErrors => Manifests.Count(m => m.Error is not null);

    public int VulnerableDependencies => Vulnerabilities.Select(v => v.Dependency).Distinct().Count();

    /// <summary>True when at least one source answered, so "no findings" means "nothing known", not "not checked".</summary>
    public bool Checked => SourcesConfigured > SourceErrors.Count;
}
