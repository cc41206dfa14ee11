namespace Amas.Orleans.Tasks;

/// <summary>The result was asked for while the task is still pending or running.</summary>
[GenerateSerializer, Alias("amas.TaskNotFinishedException")]
public sealed class TaskNotFinishedException : Exception
{
    public TaskNotFinishedException(Guid taskId, TaskLifecycle lifecycle)
        : base($"Task {taskId} is {lifecycle.ToString().ToLowerInvariant()}; its result is available when it ends.")
    {
        TaskId = taskId;
        Lifecycle = lifecycle;
    }

    [Id(0)] public Guid TaskId { get; private set; }
    [Id(1)] public TaskLifecycle Lifecycle { get; private set; }
}
