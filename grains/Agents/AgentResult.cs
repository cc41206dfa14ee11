using Amas.Orleans.Findings;

namespace Amas.Orleans.Agents;

/// <summary>
/// What an agent run produced. Metrics are named in snake_case (files_scanned, functions, …); facts are named lists of
/// values the agent established (sha256, emails, …), in the order they should be read. <paramref name="Ai"/>: for an
/// agent that writes text, whether an AI provider or its rules wrote it.
/// </summary>
public sealed record AgentResult(
    IReadOnlyList<Finding> Findings,
    IReadOnlyDictionary<string, double> Metrics,
    string? Summary = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Facts = null,
    AgentAiUse? Ai = null)
{
    /// <summary>Layer 3: the patches proposed, judged or applied.</summary>
    public IReadOnlyList<Fixes.FixPatch> Patches { get; init; } = [];

    /// <summary>DeploymentManager: the branch the accepted fixes went to.</summary>
    public string? Branch { get; init; }
    /// <summary>An ImprovementAdvisor's plan.</summary>
    public Improvements.ImprovementPlan? Plan { get; init; }

    /// <summary>A PerformanceOptimizer's recommendations.</summary>
    public IReadOnlyList<Improvements.PerformanceRecommendation> Recommendations { get; init; } = [];

    public static AgentResult Empty(string summary) => new([], new Dictionary<string, double>(), summary);
}
