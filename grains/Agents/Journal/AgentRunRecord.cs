namespace Amas.Orleans.Agents.Journal;

/// <summary>
/// One run of one agent for one task, as it ended on one silo. A task's agent has one report but may have several
/// runs (a silo died, the work was handed over): the journal keeps every one, which is what operators, the
/// LearningSystem and the failover tests need to see.
/// </summary>
public sealed record AgentRunRecord
{
    public required Guid TaskId { get; init; }
    public required string Agent { get; init; }
    /// <summary>Which start of this (task, agent) this run was: 1 for the first, more after a hand-over or a re-send.</summary>
    public required int Start { get; init; }
    public required string Silo { get; init; }
    public required AgentRunStatus Status { get; init; }
    public required int Findings { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset EndedAt { get; init; }
}
