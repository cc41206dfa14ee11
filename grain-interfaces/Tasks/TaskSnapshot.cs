using Amas.Orleans.Agents;
using Amas.Orleans.Repositories;

namespace Amas.Orleans.Tasks;

/// <summary>A task's status as callers see it: lifecycle, layers and agents, timings, counts and the error if any.</summary>
[GenerateSerializer, Immutable, Alias("amas.TaskSnapshot")]
public sealed record TaskSnapshot
{
    [Id(0)] public required Guid TaskId { get; init; }
    [Id(1)] public required TaskKind Kind { get; init; }
    [Id(2)] public required TaskOptions Options { get; init; }
    [Id(3)] public RepositoryTarget? Target { get; init; }
    [Id(4)] public required string Submitter { get; init; }
    [Id(5)] public required TaskLifecycle Lifecycle { get; init; }
    [Id(6)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(7)] public DateTimeOffset? StartedAt { get; init; }
    [Id(8)] public DateTimeOffset? CompletedAt { get; init; }
    /// <summary>The layer running now, 1 to 4; null before the first and after the last.</summary>
    [Id(9)] public int? CurrentLayer { get; init; }
    [Id(10)] public IReadOnlyList<LayerSnapshot> Layers { get; init; } = [];
    [Id(11)] public TaskError? Error { get; init; }
    [Id(12)] public int FindingCount { get; init; }
    /// <summary>The exact commit analysed, once the target is resolved.</summary>
    [Id(13)] public string? Commit { get; init; }
    [Id(14)] public DateTimeOffset? Deadline { get; init; }
}

[GenerateSerializer, Immutable, Alias("amas.LayerSnapshot")]
public sealed record LayerSnapshot
{
    [Id(0)] public required int Layer { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required LayerStatus Status { get; init; }
    [Id(3)] public IReadOnlyList<AgentSnapshot> Agents { get; init; } = [];
}

[GenerateSerializer, Alias("amas.LayerStatus")]
public enum LayerStatus
{
    Pending = 0,
    Running = 1,
    Completed = 2,
    /// <summary>No agent of this layer was chosen for the task, or the task ended before the layer.</summary>
    Skipped = 3,
}

[GenerateSerializer, Immutable, Alias("amas.AgentSnapshot")]
public sealed record AgentSnapshot
{
    [Id(0)] public required string Agent { get; init; }
    [Id(1)] public required AgentRunStatus Status { get; init; }
    /// <summary>The silo the agent ran on, as Orleans names it.</summary>
    [Id(2)] public string? Silo { get; init; }
    [Id(3)] public DateTimeOffset? StartedAt { get; init; }
    [Id(4)] public DateTimeOffset? CompletedAt { get; init; }
    [Id(5)] public long? DurationMs { get; init; }
    [Id(6)] public int FindingCount { get; init; }
    [Id(7)] public TaskError? Error { get; init; }
    /// <summary>Why the DecisionEngine skipped this agent before the task ran (status <c>skipped</c>).</summary>
    [Id(30)] public string? SkipReason { get; init; }
}
