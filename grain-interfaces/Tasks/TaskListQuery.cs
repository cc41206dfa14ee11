namespace Amas.Orleans.Tasks;

/// <summary>A page of a caller's tasks, newest first. <see cref="After"/> is the cursor of the previous page's last item.</summary>
[GenerateSerializer, Immutable, Alias("amas.TaskListQuery")]
public sealed record TaskListQuery
{
    /// <summary>Whose tasks; null lists everyone's (administrators only — the gateway decides).</summary>
    [Id(0)] public string? Submitter { get; init; }
    [Id(1)] public TaskLifecycle? Lifecycle { get; init; }
    [Id(2)] public TaskKind? Kind { get; init; }
    [Id(3)] public int Limit { get; init; } = 50;
    [Id(4)] public TaskListCursor? After { get; init; }
}

/// <summary>A position in the newest-first order: creation time, then task id to break ties.</summary>
[GenerateSerializer, Immutable, Alias("amas.TaskListCursor")]
public sealed record TaskListCursor([property: Id(0)] DateTimeOffset CreatedAt, [property: Id(1)] Guid TaskId);
