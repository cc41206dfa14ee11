namespace Amas.Orleans.Tasks;

/// <summary>An <c>Idempotency-Key</c> was reused for a submission that differs from the first one.</summary>
[GenerateSerializer, Alias("amas.IdempotencyConflictException")]
public sealed class IdempotencyConflictException : Exception
{
    public IdempotencyConflictException(Guid taskId)
        : base($"The idempotency key was already used for task {taskId} with a different request.")
        => TaskId = taskId;

    [Id(0)] public Guid TaskId { get; private set; }
}
