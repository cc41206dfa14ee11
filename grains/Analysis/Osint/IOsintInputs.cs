using Amas.Orleans.Agents;

namespace Amas.Orleans.Analysis.Osint;

/// <summary>Turns a task's work order into an OSINT request; null when the task asks for no OSINT.</summary>
public interface IOsintInputs
{
    OsintRequest? Resolve(AgentContext context);
}

/// <summary>An <see cref="IOsintInputs"/> from a function, e.g. one reading the task options.</summary>
public sealed class DelegateOsintInputs(Func<AgentContext, OsintRequest?> resolve) : IOsintInputs
{
    public static DelegateOsintInputs None { get; } = new(_ => null);

    public OsintRequest? Resolve(AgentContext context) => resolve(context);
}

/// <summary>Where the full structured report of a run goes (the agent result only carries metrics and a summary).</summary>
public interface IOsintReportSink
{
    Task StoreAsync(Guid taskId, OsintReport report, CancellationToken cancellationToken);
}
