namespace Amas.Orleans.Tasks;

/// <summary>Why a task or an agent failed: a stable code, a sentence for people, and the underlying cause.</summary>
[GenerateSerializer, Immutable, Alias("amas.TaskError")]
public sealed record TaskError(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] string? Cause = null);
