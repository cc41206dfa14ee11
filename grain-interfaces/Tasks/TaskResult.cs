using Amas.Orleans.Findings;

namespace Amas.Orleans.Tasks;

/// <summary>The report of a finished task: summary counts for all findings, and one page of the findings.</summary>
[GenerateSerializer, Immutable, Alias("amas.TaskResult")]
public sealed record TaskResult
{
    [Id(0)] public required TaskSnapshot Task { get; init; }
    [Id(1)] public required FindingCounts Summary { get; init; }
    [Id(2)] public required FindingPage Findings { get; init; }
    /// <summary>Figures from the agents, prefixed by agent name (<c>CodeQualityInspector.files_scanned</c>).</summary>
    [Id(3)] public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
    /// <summary>The Reporter's executive summary and who wrote it; null when the Reporter did not succeed.</summary>
    [Id(4)] public ExecutiveSummary? ExecutiveSummary { get; init; }
    /// <summary>Facts from the agents, prefixed by agent name like the metrics (<c>Forensics.sha256</c>, <c>Osint.emails</c>).</summary>
    [Id(5)] public IReadOnlyDictionary<string, IReadOnlyList<string>> Facts { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>
    /// The fix pipeline's verdicts (self_improve, or orchestrate with auto_apply): which findings each patch addresses,
    /// accepted or rejected and why. Without diffs: the combined patch is at <c>/api/v1/tasks/{id}/artifacts/patch</c>.
    /// </summary>
    [Id(20)] public IReadOnlyList<Fixes.FixPatch> Fixes { get; init; } = [];
    /// <summary>The branch the accepted fixes were committed to, when auto_apply made one.</summary>
    [Id(21)] public string? FixBranch { get; init; }
    /// <summary>The ImprovementAdvisor's prioritised plan, grouped by area; null when it did not run.</summary>
    [Id(30)] public Improvements.ImprovementPlan? ImprovementPlan { get; init; }
    /// <summary>The PerformanceOptimizer's concrete recommendations, most severe first.</summary>
    [Id(31)] public IReadOnlyList<Improvements.PerformanceRecommendation> PerformanceRecommendations { get; init; } = [];
}
