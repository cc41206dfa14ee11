using Amas.Orleans.Tasks;

namespace Amas.Orleans.Agents;

/// <summary>What an agent tells the orchestrator when it ends: status and counts, never the findings themselves.</summary>
[GenerateSerializer, Immutable, Alias("amas.AgentOutcome")]
public sealed record AgentOutcome
{
    [Id(0)] public required string Agent { get; init; }
    [Id(1)] public required AgentRunStatus Status { get; init; }
    [Id(2)] public int FindingCount { get; init; }
    [Id(3)] public string? Silo { get; init; }
    [Id(4)] public DateTimeOffset? StartedAt { get; init; }
    [Id(5)] public DateTimeOffset? CompletedAt { get; init; }
    [Id(6)] public TaskError? Error { get; init; }
}
