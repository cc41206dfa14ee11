using Amas.Orleans.Tasks;

namespace Amas.Orleans.Orchestration.Index;

/// <summary>
/// A task as the index knows it: enough to list tasks and to find the unfinished ones of a silo that died. The
/// orchestrator's own state stays the source of truth.
/// </summary>
public sealed record TaskIndexEntry(
    Guid TaskId,
    string Submitter,
    TaskKind Kind,
    TaskLifecycle Lifecycle,
    TaskPriority Priority,
    string? IdempotencyKey,
    string? Silo,
    int? CurrentLayer,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset Deadline);
