using Amas.Orleans.Hosting;
using Amas.Orleans.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Orchestration.Admission;

/// <summary>
/// The cluster-wide admission queue. Its state is persisted, so a new activation after its silo died knows who runs
/// and who waits; orchestrators ask again on their own activation, so a lost "admit" message costs nothing. A
/// periodic check frees the slots of tasks that ended without releasing them (e.g. purged), so slots never leak.
/// The queue never waits on an orchestrator inside one of its own turns: an orchestrator calls the queue from inside
/// its turns (a task ending releases its slot, an admitted task asks for it), so a turn of the queue waiting on an
/// orchestrator's answer would wait on itself until the call timed out, and every submission with it.
/// </summary>
internal sealed partial class TaskAdmissionGrain(
    [PersistentState("admission", StorageNames.Tasks)] IPersistentState<AdmissionState> state,
    IOptions<OrchestratorOptions> options,
    StorageHealth storage,
    ILogger<TaskAdmissionGrain> logger) : Grain, ITaskAdmissionGrain
{
    private Task? _checking;

    private int Limit => options.Value.MaxRunningTasks;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.AdmissionCheckInterval;
        this.RegisterGrainTimer(StartCheck, new GrainTimerCreationOptions(interval, interval) { Interleave = false });
        // The limit may have been raised since the state was written: fill the new slots.
        if (state.State.Waiting.Count > 0 && state.State.Running.Count < Limit)
        {
            AdmitWaiting();
            await storage.WriteAsync(state, cancellationToken);
        }
    }

    public async Task<bool> RequestAsync(AdmissionTicket ticket)
    {
        var admission = state.State;
        if (admission.Running.Contains(ticket.TaskId))
        {
            return true;
        }

        var waiting = admission.Waiting.FindIndex(t => t.TaskId == ticket.TaskId);
        if (admission.Running.Count < Limit && (admission.Waiting.Count == 0 || waiting == 0))
        {
            if (waiting == 0)
            {
                admission.Waiting.RemoveAt(0);
            }

            admission.Running.Add(ticket.TaskId);
            await storage.WriteAsync(state);
            return true;
        }

        if (waiting < 0)
        {
            var at = admission.Waiting.BinarySearch(ticket, AdmissionOrder.Instance);
            admission.Waiting.Insert(at < 0 ? ~at : at, ticket);
            await storage.WriteAsync(state);
            LogQueued(logger, ticket.TaskId, ticket.Priority, admission.Waiting.Count, admission.Running.Count, Limit);
        }

        return false;
    }

    public async Task ReleaseAsync(Guid taskId)
    {
        var admission = state.State;
        var changed = admission.Running.Remove(taskId) | admission.Waiting.RemoveAll(t => t.TaskId == taskId) > 0;
        if (changed)
        {
            AdmitWaiting();
            await storage.WriteAsync(state);
        }
    }

    public Task<AdmissionSnapshot> GetAsync() => Task.FromResult(new AdmissionSnapshot
    {
        Limit = Limit,
        Running = [.. state.State.Running],
        Waiting = [.. state.State.Waiting],
    });

    /// <summary>Moves the head of the queue into the free slots and tells each orchestrator (one-way).</summary>
    private void AdmitWaiting()
    {
        var admission = state.State;
        while (admission.Running.Count < Limit && admission.Waiting.Count > 0)
        {
            var next = admission.Waiting[0];
            admission.Waiting.RemoveAt(0);
            admission.Running.Add(next.TaskId);
            LogAdmitted(logger, next.TaskId, next.Priority);
            _ = GrainFactory.GetGrain<ITaskOrchestratorGrain>(next.TaskId).AdmitAsync();
        }
    }

    /// <summary>Starts asking the running tasks, outside this turn; one check at a time.</summary>
    private Task StartCheck(CancellationToken cancellationToken)
    {
        if (state.State.Running.Count > 0 && _checking is null or { IsCompleted: true })
        {
            _checking = FindEndedAsync([.. state.State.Running]);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Asks each task whether it has ended; runs between this grain's turns, so a task that is itself calling the
    /// queue gets its answer. What it finds is applied in a turn of its own (<see cref="ForgetEndedAsync"/>), so
    /// state changes and writes never interleave with a request's.
    /// </summary>
    private async Task FindEndedAsync(Guid[] running)
    {
        var ended = new List<Guid>();
        foreach (var id in running)
        {
            try
            {
                var status = await GrainFactory.GetGrain<ITaskOrchestratorGrain>(id).GetStatusAsync();
                if (status is null || status.Lifecycle is TaskLifecycle.Succeeded or TaskLifecycle.Failed or TaskLifecycle.Cancelled)
                {
                    ended.Add(id);
                }
            }
            catch (Exception ex) when (ex is TimeoutException or global::Orleans.Runtime.OrleansException)
            {
                // Unreachable for now (its silo may be dying): it keeps its slot until the next check.
            }
        }

        if (ended.Count > 0)
        {
            IGrainTimer? once = null;
            once = this.RegisterGrainTimer(async cancellationToken =>
            {
                once?.Dispose();
                await ForgetEndedAsync(ended, cancellationToken);
            }, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = false });
        }
    }

    private async Task ForgetEndedAsync(List<Guid> ended, CancellationToken cancellationToken)
    {
        var admission = state.State;
        var freed = false;
        foreach (var id in ended)
        {
            freed |= admission.Running.Remove(id);
        }

        if (freed)
        {
            AdmitWaiting();
            await storage.WriteAsync(state, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} ({Priority}) waits for admission: {Waiting} waiting, {Running} of {Limit} running")]
    private static partial void LogQueued(ILogger logger, Guid taskId, TaskPriority priority, int waiting, int running, int limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} ({Priority}) admitted")]
    private static partial void LogAdmitted(ILogger logger, Guid taskId, TaskPriority priority);
}
