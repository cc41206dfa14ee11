using Amas.Orleans.Agents;
using Orleans.Concurrency;

namespace Amas.Orleans.Tasks;

/// <summary>
/// One per task, keyed by the task id. Every method answers promptly: agents are started with short calls and
/// report back through <see cref="OnAgentCompletedAsync"/>, so no call waits for an agent's whole run.
/// </summary>
[Alias("amas.ITaskOrchestratorGrain")]
public interface ITaskOrchestratorGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Validates and starts the task. Submitting the same spec again returns the existing task (idempotency);
    /// a different spec under an existing id throws <see cref="IdempotencyConflictException"/>.
    /// </summary>
    /// <exception cref="TaskRejectedException">The spec is invalid; nothing was stored.</exception>
    [Alias("Submit")]
    Task<TaskSnapshot> SubmitAsync(TaskSpec spec);

    /// <summary>The task's status, or null when no task has this id.</summary>
    [Alias("GetStatus")]
    Task<TaskSnapshot?> GetStatusAsync();

    /// <summary>Cancels a pending or running task; a finished task is returned unchanged. Null when unknown.</summary>
    [Alias("Cancel")]
    Task<TaskSnapshot?> CancelAsync(string reason);

    /// <summary>One page of the report, or null when no task has this id.</summary>
    /// <exception cref="TaskNotFinishedException">The task has not ended yet.</exception>
    [Alias("GetResult")]
    Task<TaskResult?> GetResultAsync(int offset, int limit);

    /// <summary>
    /// The combined patch of the fixes the QualityValidator accepted (a unified diff), or null when the task is
    /// unknown or produced none.
    /// </summary>
    /// <exception cref="TaskNotFinishedException">The task has not ended yet.</exception>
    [Alias("GetPatch")]
    Task<string?> GetPatchAsync();

    /// <summary>
    /// Deletes a finished task's state and its agents' reports (retention). False, and nothing deleted, while the
    /// task has not ended.
    /// </summary>
    [Alias("Purge")]
    Task<bool> PurgeAsync();

    /// <summary>An agent's callback when it ends. Idempotent: a repeated or late outcome changes nothing.</summary>
    [Alias("OnAgentCompleted")]
    Task OnAgentCompletedAsync(AgentOutcome outcome);

    /// <summary>
    /// The admission queue's word that a waiting task may start. One-way, so the queue never waits on an
    /// orchestrator that is itself calling the queue; a lost message is made good when the task asks again on activation.
    /// </summary>
    [Alias("Admit"), OneWay]
    Task AdmitAsync();
}
