using Amas.Orleans.Agents;

namespace Amas.Orleans.Analysis.Forensics;

/// <summary>
/// Turns a task's work order into the file to analyse; null when there is none. Async because an upload kept in
/// shared storage must first be copied to a local file (and <see cref="ForensicsRequest.IsUpload"/> set).
/// </summary>
public interface IForensicsInputs
{
    ValueTask<ForensicsRequest?> ResolveAsync(AgentContext context, CancellationToken cancellationToken);
}

/// <summary>An <see cref="IForensicsInputs"/> from a function, e.g. one reading the task options' file path.</summary>
public sealed class DelegateForensicsInputs(Func<AgentContext, CancellationToken, ValueTask<ForensicsRequest?>> resolve) : IForensicsInputs
{
    public static DelegateForensicsInputs None { get; } = new((_, _) => ValueTask.FromResult<ForensicsRequest?>(null));

    public static DelegateForensicsInputs FromPath(Func<AgentContext, string?> path) => new((context, _) =>
        ValueTask.FromResult(path(context) is { Length: > 0 } p ? new ForensicsRequest(p) : null));

    public ValueTask<ForensicsRequest?> ResolveAsync(AgentContext context, CancellationToken cancellationToken) => resolve(context, cancellationToken);
}

/// <summary>Where the full structured report of a run goes (the agent result only carries metrics and a summary).</summary>
public interface IForensicsReportSink
{
    Task StoreAsync(Guid taskId, ForensicsReport report, CancellationToken cancellationToken);
}
