using Amas.Orleans.Findings;

namespace Amas.Orleans.Agents;

/// <summary>An agent's full output for one task, kept in the agent's own state and read by later layers.</summary>
[GenerateSerializer, Immutable, Alias("amas.AgentReport")]
public sealed record AgentReport
{
    [Id(0)] public required Guid TaskId { get; init; }
    [Id(1)] public required string Agent { get; init; }
    [Id(2)] public required AgentRunStatus Status { get; init; }
    [Id(3)] public IReadOnlyList<Finding> Findings { get; init; } = [];
    /// <summary>Named figures (files scanned, files skipped, lines of code, …).</summary>
    [Id(4)] public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
    [Id(5)] public string? Summary { get; init; }
    [Id(6)] public string? Silo { get; init; }
    [Id(7)] public DateTimeOffset? StartedAt { get; init; }
    [Id(8)] public DateTimeOffset? CompletedAt { get; init; }
    [Id(9)] public Tasks.TaskError? Error { get; init; }
    [Id(10)] public FindingCounts Counts { get; init; } = new();
    /// <summary>The layer of the agent that wrote it (1 to 4).</summary>
    [Id(11)] public int Layer { get; init; }
    /// <summary>For an agent that writes text: whether an AI provider wrote it (which, with which model) or its rules did, and why.</summary>
    [Id(12)] public AgentAiUse? Ai { get; init; }
    /// <summary>
    /// What the agent established, as named lists of values (<c>sha256</c>, <c>emails</c>, …), in the agent's order.
    /// Bounded by the agent; the findings stay the place for problems.
    /// </summary>
    [Id(13)] public IReadOnlyDictionary<string, IReadOnlyList<string>> Facts { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>Layer 3 (fix pipeline): the patches this agent proposed, judged or applied, with their diffs.</summary>
    [Id(20)] public IReadOnlyList<Fixes.FixPatch> Patches { get; init; } = [];
    /// <summary>DeploymentManager: the branch the accepted fixes were committed to (<c>amas/&lt;task-id&gt;</c>), when one was made.</summary>
    [Id(21)] public string? Branch { get; init; }
    /// <summary>The ImprovementAdvisor's plan (and the Reporter's copy of it); null for other agents.</summary>
    [Id(30)] public Improvements.ImprovementPlan? Plan { get; init; }
    /// <summary>The PerformanceOptimizer's recommendations (and the Reporter's copy of them).</summary>
    [Id(31)] public IReadOnlyList<Improvements.PerformanceRecommendation> Recommendations { get; init; } = [];
}
