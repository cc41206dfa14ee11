using System.Collections.Concurrent;
using Amas.Orleans.Agents;

namespace Amas.Orleans.Testing.Agents;

/// <summary>
/// A detection agent that ignores cancellation and holds until the test releases its task (or a minute passes), to
/// show that deadlines are the orchestrator's to enforce and that status answers while an agent runs. It covers
/// "documentation", so only tasks asking for it run it.
/// </summary>
public sealed class StallingAgent : IAgent
{
    public const string Name = "StallingAgent";
    public const string Capability = "documentation";

    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource> Gates = new();
    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource> Started = new();

    public AgentDescriptor Descriptor { get; } = new() { Name = Name, Layer = 1, Description = "Stalls.", Capabilities = [Capability] };

    public static Task WhenStartedAsync(Guid taskId) => Started.GetOrAdd(taskId, _ => NewSource()).Task;

    public static void Release(Guid taskId) => Gates.GetOrAdd(taskId, _ => NewSource()).TrySetResult();

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        Started.GetOrAdd(context.TaskId, _ => NewSource()).TrySetResult();
        var gate = Gates.GetOrAdd(context.TaskId, _ => NewSource()).Task;
        await Task.WhenAny(gate, Task.Delay(TimeSpan.FromMinutes(1), CancellationToken.None));
        return AgentResult.Empty("released");
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
