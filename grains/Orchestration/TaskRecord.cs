using Amas.Orleans.Agents;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Orchestration;

/// <summary>
/// The orchestrator's persisted state. Small on purpose: statuses, counts and references. Findings live in the
/// agent grains' own state and are read from there, never copied here.
/// </summary>
[GenerateSerializer, Alias("amas.TaskRecord")]
public sealed class TaskRecord
{
    /// <summary>Shape version, so a later silo can read what an earlier one wrote during a rolling upgrade.</summary>
    [Id(0)] public int Version { get; set; } = 1;
    [Id(1)] public TaskSpec? Spec { get; set; }
    /// <summary>Canonical form of the spec; a resubmission with the same id must match it.</summary>
    [Id(2)] public string? SpecFingerprint { get; set; }
    [Id(3)] public TaskLifecycle Lifecycle { get; set; }
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public DateTimeOffset? StartedAt { get; set; }
    [Id(6)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(7)] public DateTimeOffset Deadline { get; set; }
    [Id(8)] public ResolvedRepository? Repository { get; set; }
    [Id(9)] public List<LayerRecord> Layers { get; set; } = [];
    [Id(10)] public TaskError? Error { get; set; }

    public bool IsTerminal => Lifecycle is TaskLifecycle.Succeeded or TaskLifecycle.Failed or TaskLifecycle.Cancelled;

    public IEnumerable<AgentRecord> Agents => Layers.SelectMany(l => l.Agents);
}

[GenerateSerializer, Alias("amas.LayerRecord")]
public sealed class LayerRecord
{
    [Id(0)] public int Layer { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public List<AgentRecord> Agents { get; set; } = [];
}

[GenerateSerializer, Alias("amas.AgentRecord")]
public sealed class AgentRecord
{
    [Id(0)] public string Agent { get; set; } = "";
    [Id(1)] public AgentRunStatus Status { get; set; }
    [Id(2)] public string? Silo { get; set; }
    [Id(3)] public DateTimeOffset? StartedAt { get; set; }
    [Id(4)] public DateTimeOffset? CompletedAt { get; set; }
    [Id(5)] public DateTimeOffset? Deadline { get; set; }
    [Id(6)] public int FindingCount { get; set; }
    [Id(7)] public TaskError? Error { get; set; }
    /// <summary>Order within its layer: an agent starts once every agent of an earlier step of the layer ended (the fix chain).</summary>
    [Id(8)] public int Step { get; set; }
    /// <summary>Why the plan skipped this agent (the LearningSystem's history); null when it was not skipped by plan.</summary>
    [Id(30)] public string? SkipReason { get; set; }

    public bool IsTerminal => Status is not (AgentRunStatus.Pending or AgentRunStatus.Running);
}
