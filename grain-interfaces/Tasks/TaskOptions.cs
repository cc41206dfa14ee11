namespace Amas.Orleans.Tasks;

/// <summary>
/// The options of a task. Which of them apply, and their valid values, depend on the kind:
/// <see cref="TaskOptionCatalog"/> lists them. New options get new ids; ids are never reused.
/// </summary>
[GenerateSerializer, Immutable, Alias("amas.TaskOptions")]
public sealed record TaskOptions
{
    [Id(0)] public string Mode { get; init; } = "intelligent";
    [Id(1)] public IReadOnlyList<string> Components { get; init; } = ["all"];
    [Id(2)] public TaskPriority Priority { get; init; } = TaskPriority.Normal;
    [Id(3)] public bool AutoApply { get; init; }
    [Id(4)] public IReadOnlyList<string> Areas { get; init; } = ["all"];
    [Id(5)] public string? Depth { get; init; }
    /// <summary>Overall deadline of the task; the cluster's default applies when absent.</summary>
    [Id(6)] public int? DeadlineSeconds { get; init; }
}
