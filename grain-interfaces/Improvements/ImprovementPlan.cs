using Amas.Orleans.Agents;

namespace Amas.Orleans.Improvements;

/// <summary>
/// The ImprovementAdvisor's prioritised plan: items grouped by area, the most pressing area first. Each item's score
/// is severity × impact × ease (<see cref="Method"/>); <see cref="WrittenBy"/> says whether an AI provider wrote the
/// rationales (which one) or the rules did, and why.
/// </summary>
[GenerateSerializer, Immutable, Alias("amas.ImprovementPlan")]
public sealed record ImprovementPlan
{
    [Id(0)] public IReadOnlyList<ImprovementArea> Areas { get; init; } = [];
    [Id(1)] public required AgentAiUse WrittenBy { get; init; }
    [Id(2)] public string Method { get; init; } = "score = severity (1-5) × impact (1-5) × ease (6 - effort, effort 1-5); highest first";

    public int ItemCount => Areas.Sum(a => a.Items.Count);
}

[GenerateSerializer, Immutable, Alias("amas.ImprovementArea")]
public sealed record ImprovementArea
{
    /// <summary>security, dependencies, performance, code_quality, … (the task areas' vocabulary).</summary>
    [Id(0)] public required string Area { get; init; }
    /// <summary>The highest score of its items: the order of the areas.</summary>
    [Id(1)] public required int Score { get; init; }
    [Id(2)] public IReadOnlyList<ImprovementItem> Items { get; init; } = [];
}

[GenerateSerializer, Immutable, Alias("amas.ImprovementItem")]
public sealed record ImprovementItem
{
    /// <summary>1 for the highest score of the whole plan.</summary>
    [Id(0)] public required int Rank { get; init; }
    [Id(1)] public required string Title { get; init; }
    [Id(2)] public required string Rule { get; init; }
    [Id(3)] public required string Area { get; init; }
    [Id(4)] public required Findings.Severity Severity { get; init; }
    /// <summary>1 (cosmetic) to 5 (a breach or an outage waiting to happen).</summary>
    [Id(5)] public required int Impact { get; init; }
    /// <summary>1 (a line) to 5 (a redesign).</summary>
    [Id(6)] public required int Effort { get; init; }
    [Id(7)] public required int Score { get; init; }
    [Id(8)] public required int FindingCount { get; init; }
    /// <summary>Up to five files where it was found.</summary>
    [Id(9)] public IReadOnlyList<string> Files { get; init; } = [];
    [Id(10)] public required string Rationale { get; init; }
    /// <summary>Whether an AI provider or the rules wrote <see cref="Rationale"/>.</summary>
    [Id(11)] public required TextPath RationaleBy { get; init; }
}
