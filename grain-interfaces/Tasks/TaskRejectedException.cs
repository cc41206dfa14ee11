namespace Amas.Orleans.Tasks;

/// <summary>
/// A submission the orchestrator refused before creating anything: bad option values, a target outside the allowed
/// roots, a kind no registered agent can do. <see cref="Errors"/> maps each offending field to what is wrong with it
/// (and, for enumerations, every valid value).
/// </summary>
[GenerateSerializer, Alias("amas.TaskRejectedException")]
public sealed class TaskRejectedException : Exception
{
    public TaskRejectedException(string message, IReadOnlyDictionary<string, string[]> errors) : base(message)
        => Errors = errors;

    [Id(0)] public IReadOnlyDictionary<string, string[]> Errors { get; private set; }
}
