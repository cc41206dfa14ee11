namespace Amas.Orleans.Tasks;

[GenerateSerializer, Immutable, Alias("amas.TaskList")]
public sealed record TaskList
{
    [Id(0)] public IReadOnlyList<TaskSummary> Items { get; init; } = [];
    /// <summary>Pass as <see cref="TaskListQuery.After"/> for the next page; null on the last page.</summary>
    [Id(1)] public TaskListCursor? Next { get; init; }
}

/// <summary>A task in a listing: what the index knows, without layers and agents.</summary>
[GenerateSerializer, Immutable, Alias("amas.TaskSummary")]
public sealed record TaskSummary
{
    [Id(0)] public required Guid TaskId { get; init; }
    [Id(1)] public required TaskKind Kind { get; init; }
    [Id(2)] public required TaskLifecycle Lifecycle { get; init; }
    [Id(3)] public required TaskPriority Priority { get; init; }
    [Id(4)] public required string Submitter { get; init; }
    [Id(5)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(6)] public DateTimeOffset? UpdatedAt { get; init; }
    [Id(7)] public DateTimeOffset? CompletedAt { get; init; }
    [Id(8)] public int? CurrentLayer { get; init; }
    /// <summary>The error code when the task failed.</summary>
    [Id(9)] public string? Error { get; init; }
}
