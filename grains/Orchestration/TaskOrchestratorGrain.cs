using System.Text.Json;
using Amas.Orleans.Agents;
using Amas.Orleans.Agents.Journal;
using Amas.Orleans.Findings;
using Amas.Orleans.Fixes;
using Amas.Orleans.Hosting;
using Amas.Orleans.Monitoring;
using Amas.Orleans.Orchestration.Admission;
using Amas.Orleans.Orchestration.Index;
using Amas.Orleans.Placement;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Amas.Orleans.Telemetry;
using Amas.Orleans.Uploads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Orchestration;

/// <summary>
/// Runs one task through the four layers. It never awaits an agent's run: it starts the agents of a layer with short
/// calls and moves on when their callbacks (<see cref="OnAgentCompletedAsync"/>) have all arrived, so status and
/// cancel answer at any moment. Its state is written after every agent outcome; on activation it resumes whatever
/// was unfinished, re-sending work only to agents that had not reported. While it runs, a reminder (removed when the
/// task ends) re-activates it wherever it can live should every other way back fail. Everything it logs carries the
/// task id (a logging scope per call, timer tick and activation); its spans are the task and each layer.
/// </summary>
internal sealed partial class TaskOrchestratorGrain(
    [PersistentState("task", StorageNames.Tasks)] IPersistentState<TaskRecord> state,
    DecisionEngine decisions,
    TaskSpecPolicy policy,
    RepositoryTargetValidator targets,
    IUploadStore uploads,
    IRepositoryCheckouts checkouts,
    ITaskIndex index,
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    IOptions<OrchestratorOptions> options,
    StorageHealth storage,
    IAgentRunJournal journal,
    TimeProvider clock,
    TaskMetrics metrics,
    WorkflowLedger workflows,
    ILogger<TaskOrchestratorGrain> logger) : Grain, ITaskOrchestratorGrain, IRemindable, IIncomingGrainCallFilter
{
    private const string WatchReminder = "amas-task-watch";

    private static readonly JsonSerializerOptions FingerprintJson = new() { WriteIndented = false };

    // Background steps and requests interleave at awaits; writes of the one state object must not overlap.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private IGrainTimer? _deadlineTimer;
    private bool _beginning;
    /// <summary>This activation has registered the watch reminder: asking again while queued would only rewrite it.</summary>
    private bool _watching;
    private DateTimeOffset _lastAdmissionAsk;
    private DateTimeOffset _lastPoll;
    private readonly TaskTrace _trace = new();
    private bool _runningHere;

    private TaskRecord Record => state.State;

    private Guid TaskId => this.GetPrimaryKey();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        using var scope = logger.BeginTaskScope(TaskId);
        await context.Invoke();
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Record.Spec is null || Record.IsTerminal)
        {
            return Task.CompletedTask;
        }

        using var scope = logger.BeginTaskScope(TaskId);
        LogResuming(logger, TaskId, Record.Lifecycle);
        StartDeadlineTimer();
        _trace.Start(TaskId, Record.Spec.Kind, resumed: true);
        _ = Record.Lifecycle == TaskLifecycle.Pending ? BeginAsync() : ResumeAsync();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        LeaveHere();
        _trace.Abandon();
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Being activated was the point: OnActivateAsync has resumed the task. A finished task needs no watch.
        if (Record.Spec is null || Record.IsTerminal)
        {
            await StopWatchAsync();
        }
    }

    public async Task<TaskSnapshot> SubmitAsync(TaskSpec spec)
    {
        var fingerprint = JsonSerializer.Serialize(spec, FingerprintJson);
        if (Record.Spec is not null)
        {
            return Record.SpecFingerprint == fingerprint ? Snapshot() : throw new IdempotencyConflictException(TaskId);
        }

        TaskSpecValidator.Validate(spec, policy);
        if (spec.Options.Upload is { } upload)
        {
            await CheckUploadAsync(upload);
        }

        if (spec.Kind == TaskKind.Orchestrate && spec.Target is null)
        {
            throw new TaskRejectedException("An orchestrate task needs a target.", new Dictionary<string, string[]>
            {
                ["target"] = ["Give a target: {\"path\": \"/abs/path\"} or {\"git_url\": \"https://…\", \"ref\": \"main\"}."],
            });
        }

        var repository = spec.Target is null ? null : targets.Validate(spec.Target);
        var plan = await decisions.PlanAsync(spec, repository);

        var now = clock.GetUtcNow();
        var timeout = spec.Options.DeadlineSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.Value.DefaultTaskTimeout;
        state.State = new TaskRecord
        {
            Spec = spec,
            SpecFingerprint = fingerprint,
            Lifecycle = TaskLifecycle.Pending,
            CreatedAt = now,
            Deadline = now + timeout,
            Repository = repository,
            Layers = plan.Layers.Select(l => new LayerRecord
            {
                Layer = l.Layer,
                Name = l.Name,
                Agents = l.Agents.Select((a, i) => new AgentRecord { Agent = a, Status = AgentRunStatus.Pending, Step = l.InOrder ? i : 0 })
                    .Concat(l.Skipped.Select(s => new AgentRecord { Agent = s.Key, Status = AgentRunStatus.Skipped, SkipReason = s.Value }))
                    .ToList(),
            }).ToList(),
        };
        await PersistAsync();
        LogSubmitted(logger, TaskId, spec.Kind, spec.Submitter);
        metrics.RecordSubmitted(spec.Kind);
        await IndexAsync();

        StartDeadlineTimer();
        _trace.Start(TaskId, spec.Kind, resumed: false);
        _ = BeginAsync();
        return Snapshot();
    }

    public Task<TaskSnapshot?> GetStatusAsync()
        => Task.FromResult(Record.Spec is null ? null : Snapshot());

    public async Task<TaskSnapshot?> CancelAsync(string reason)
    {
        if (Record.Spec is null)
        {
            return null;
        }

        if (!Record.IsTerminal)
        {
            await EndAsync(TaskLifecycle.Cancelled, new TaskError("cancelled", reason));
        }

        return Snapshot();
    }

    public async Task<TaskResult?> GetResultAsync(int offset, int limit)
    {
        if (Record.Spec is null)
        {
            return null;
        }

        if (!Record.IsTerminal)
        {
            throw new TaskNotFinishedException(TaskId, Record.Lifecycle);
        }

        var reporter = Record.Agents.FirstOrDefault(a => a.Agent == ReporterAgent.AgentName);
        if (reporter is not { Status: AgentRunStatus.Succeeded })
        {
            return new TaskResult { Task = Snapshot(), Summary = new FindingCounts(), Findings = new FindingPage { Offset = offset, Limit = limit } };
        }

        var grain = GrainFactory.GetAgent(TaskId, ReporterAgent.AgentName);
        var summary = await grain.GetSummaryAsync();
        var page = await grain.GetFindingsAsync(offset, limit);
        var fixes = await FixReportAsync(summaryOnly: true);
        return new TaskResult
        {
            Fixes = fixes?.Patches ?? [],
            FixBranch = fixes?.Branch,
            Task = Snapshot(),
            Summary = summary?.Counts ?? new FindingCounts(),
            Findings = page,
            Metrics = summary?.Metrics ?? new Dictionary<string, double>(),
            ExecutiveSummary = summary?.Summary is { } text
                ? new ExecutiveSummary { Text = text, WrittenBy = summary.Ai ?? new AgentAiUse { Path = TextPath.RuleBased } }
                : null,
            Facts = summary?.Facts ?? new Dictionary<string, IReadOnlyList<string>>(),
            ImprovementPlan = summary?.Plan,
            PerformanceRecommendations = summary?.Recommendations ?? [],
        };
    }

    public async Task<string?> GetPatchAsync()
    {
        if (Record.Spec is null)
        {
            return null;
        }

        if (!Record.IsTerminal)
        {
            throw new TaskNotFinishedException(TaskId, Record.Lifecycle);
        }

        return await FixReportAsync(summaryOnly: false) is { } report ? CombinedPatch.Of(report.Patches) : null;
    }

    /// <summary>
    /// The last report of the fix chain that succeeded: the DeploymentManager's, else the QualityValidator's (verdicts
    /// without a deployment). Null when no fix agent ran. Summaries carry the verdicts without the diffs.
    /// </summary>
    private async Task<AgentReport?> FixReportAsync(bool summaryOnly)
    {
        var last = FixAgentNames.Chain.Skip(1).Reverse()
            .FirstOrDefault(name => Record.Agents.Any(a => a.Agent == name && a.Status == AgentRunStatus.Succeeded));
        if (last is null)
        {
            return null;
        }

        var grain = GrainFactory.GetAgent(TaskId, last);
        return summaryOnly ? await grain.GetSummaryAsync() : await grain.GetReportAsync();
    }

    public async Task<bool> PurgeAsync()
    {
        if (Record.Spec is null)
        {
            return true;
        }

        if (!Record.IsTerminal)
        {
            return false;
        }

        await Task.WhenAll(Record.Agents.Select(a => GrainFactory.GetAgent(TaskId, a.Agent).PurgeAsync()));
        await GrainFactory.GetGrain<Providers.IAiBudgetGrain>(Providers.AiBudgetKeys.ForTask(TaskId)).ClearAsync();
        await journal.PurgeAsync(TaskId, CancellationToken.None);
        if (Record.Spec.Options.Upload is { } upload)
        {
            await uploads.DeleteAsync(upload.Id, CancellationToken.None);
        }

        await StopWatchAsync();
        await state.ClearStateAsync();
        DeactivateOnIdle();
        return true;
    }

    public async Task OnAgentCompletedAsync(AgentOutcome outcome)
    {
        // The outcome is written before this call returns: with the next step's start, with the task's end, or alone.
        if (Apply(outcome))
        {
            await AdvanceAsync(unsaved: true);
        }
    }

    /// <summary>The upload a spec names must be stored, complete, with the content the gateway hashed.</summary>
    private async Task CheckUploadAsync(UploadedFile upload)
    {
        var stored = await uploads.FindAsync(upload.Id, CancellationToken.None);
        if (stored is null || stored.Size != upload.Size || !string.Equals(stored.Sha256, upload.Sha256, StringComparison.Ordinal))
        {
            throw new TaskRejectedException("The uploaded file is not in storage.", new Dictionary<string, string[]>
            {
                ["file"] = [stored is null
                    ? "The uploaded file is not in storage (the upload did not complete); send it again."
                    : "The stored upload differs from the one this task names; send it again."],
            });
        }
    }

    /// <summary>Records an agent's outcome; false when it changes nothing (repeated, late, or the task ended).</summary>
    private bool Apply(AgentOutcome outcome)
    {
        var agent = Record.Agents.FirstOrDefault(a => a.Agent == outcome.Agent);
        if (agent is not { Status: AgentRunStatus.Running } || Record.Lifecycle != TaskLifecycle.Running)
        {
            // A repeated callback, or one that arrives after the deadline check or a cancel already settled it.
            return false;
        }

        agent.Status = outcome.Status;
        agent.Silo = outcome.Silo;
        agent.StartedAt = outcome.StartedAt ?? agent.StartedAt;
        agent.CompletedAt = outcome.CompletedAt ?? clock.GetUtcNow();
        agent.FindingCount = outcome.FindingCount;
        agent.Error = outcome.Error;
        return true;
    }

    public Task AdmitAsync()
        => Record.Spec is not null && Record.Lifecycle == TaskLifecycle.Pending && !_beginning ? BeginAsync() : Task.CompletedTask;

    /// <summary>Waits for admission, pins the target to a commit, then starts the first layer.</summary>
    private async Task BeginAsync()
    {
        // Off the submission's path: the reminder is the slow backstop, the index row (written before) the fast way back.
        await WatchAsync();
        _beginning = true;
        try
        {
            _lastAdmissionAsk = clock.GetUtcNow();
            if (!await AdmittedAsync() || Record.Lifecycle != TaskLifecycle.Pending)
            {
                // Queued: AdmitAsync comes when a slot is free; the deadline timer asks again now and then and ends
                // the task if its deadline passes first.
                return;
            }

            if (Record.Repository is { } repository)
            {
                var pinned = await checkouts.PinAsync(repository, Record.Spec!.Target?.Ref, CancellationToken.None);
                if (Record.Lifecycle != TaskLifecycle.Pending)
                {
                    return;
                }

                Record.Repository = pinned;
            }

            Record.Lifecycle = TaskLifecycle.Running;
            Record.StartedAt = clock.GetUtcNow();
            RunningHere();
            // One write: the task runs, and which agents it starts first.
            var first = NextStep();
            await PersistAsync();
            await IndexAsync();
            var outcomeCameBack = first is not null && await StartStepAsync(first);
            await AdvanceAsync(unsaved: outcomeCameBack);
        }
        catch (Exception ex)
        {
            LogBeginFailed(logger, ex, TaskId);
            if (!Record.IsTerminal)
            {
                await EndAsync(TaskLifecycle.Failed, new TaskError("target_unavailable", "The task's target could not be prepared.", $"{ex.GetType().Name}: {ex.Message}"));
            }
        }
        finally
        {
            _beginning = false;
        }
    }

    /// <summary>After a restart elsewhere: ask every agent still marked running to go on (each is idempotent).</summary>
    private async Task ResumeAsync()
    {
        RunningHere();
        await IndexAsync();
        await WatchAsync();
        var running = Record.Agents.Where(a => a.Status == AgentRunStatus.Running).ToArray();
        await Task.WhenAll(running.Select(a => StartAgentAsync(a, InputsFor(a))));
        await AdvanceAsync(unsaved: true);
    }

    /// <summary>
    /// Starts the next layer when the current one has ended; ends the task after the last. Changes not yet written
    /// (<paramref name="unsaved"/>: an agent's outcome) go into the same write as the next step's start or the task's
    /// end, or are written alone when nothing starts; either way before this returns.
    /// </summary>
    private async Task AdvanceAsync(bool unsaved = false)
    {
        while (Record.Lifecycle == TaskLifecycle.Running)
        {
            foreach (var ended in Record.Layers.Where(l => l.Agents.All(a => a.IsTerminal)))
            {
                _trace.EndLayer(ended.Layer);
            }

            if (Record.Layers.All(l => l.Agents.All(a => a.IsTerminal)))
            {
                await FinishAsync();
                return;
            }

            if (NextStep() is not { } step)
            {
                break;
            }

            await PersistAsync();
            // Only an outcome that came back with a receipt changes what is stored; a callback that got here first
            // has already persisted its own.
            unsaved = await StartStepAsync(step);
        }

        if (unsaved)
        {
            await PersistAsync();
        }
    }

    /// <summary>
    /// The next agents to start, marked running in memory (the caller writes them before starting them): the pending
    /// agents of the lowest step of the first unfinished layer. Null while an agent of that layer still runs.
    /// </summary>
    private AgentRecord[]? NextStep()
    {
        var layer = Record.Layers.FirstOrDefault(l => l.Agents.Any(a => !a.IsTerminal));
        if (layer is null || layer.Agents.Any(a => a.Status == AgentRunStatus.Running))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var step = layer.Agents.Where(a => a.Status == AgentRunStatus.Pending).Min(a => a.Step);
        var pending = layer.Agents.Where(a => a.Status == AgentRunStatus.Pending && a.Step == step).ToArray();
        foreach (var agent in pending)
        {
            agent.Status = AgentRunStatus.Running;
            agent.StartedAt = now;
            var deadline = now + options.Value.AgentTimeout(agent.Agent);
            agent.Deadline = deadline < Record.Deadline ? deadline : Record.Deadline;
        }

        return pending;
    }

    /// <summary>Sends a step's agents their work (already written as running); true when an outcome came back with a receipt.</summary>
    private async Task<bool> StartStepAsync(AgentRecord[] step)
    {
        var layer = Record.Layers.First(l => l.Agents.Contains(step[0]));
        LogLayerStarted(logger, TaskId, layer.Layer, step.Length);
        _trace.StartLayer(layer.Layer, layer.Name, step.Length);
        var starts = await Task.WhenAll(step.Select(a => StartAgentAsync(a, InputsFor(a))));
        return starts.Any(s => s.Ended);
    }

    /// <summary>The agents whose reports <paramref name="agent"/> reads: earlier layers', and earlier steps' of its own layer.</summary>
    private IReadOnlyList<string> InputsFor(AgentRecord agent)
    {
        var layer = Record.Layers.First(l => l.Agents.Contains(agent)).Layer;
        return Record.Layers
            .SelectMany(l => l.Agents.Select(a => (l.Layer, Agent: a)))
            .Where(x => x.Layer < layer || (x.Layer == layer && x.Agent.Step < agent.Step))
            .Where(x => x.Agent.Status == AgentRunStatus.Succeeded)
            .Select(x => x.Agent.Agent)
            .ToArray();
    }

    /// <summary>Sends an agent its work. Says whether its outcome came back with the receipt, or it now runs on another silo.</summary>
    private async Task<(bool Ended, bool Moved)> StartAgentAsync(AgentRecord agent, IReadOnlyList<string> inputs)
    {
        var work = new AgentWork
        {
            TaskId = TaskId,
            Agent = agent.Agent,
            Kind = Record.Spec!.Kind,
            Options = Record.Spec.Options,
            Repository = Record.Repository,
            Inputs = inputs,
            Deadline = agent.Deadline ?? Record.Deadline,
            Submitter = Record.Spec.Submitter,
            Bounds = SelfImprovePlanner.BoundsFor(Record.Spec),
        };

        // The agent's spans hang under its layer's. Like the slot, set on this method's own async flow only.
        var layer = Record.Layers.First(l => l.Agents.Contains(agent)).Layer;
        if (_trace.SpanFor(layer) is { } span)
        {
            System.Diagnostics.Activity.Current = span;
        }

        try
        {
            // Set on this method's own async flow only; it reaches placement with the call that activates the agent.
            AgentSlot.Set(Record.Agents.TakeWhile(a => a != agent).Count());
            var receipt = await GrainFactory.GetAgent(TaskId, agent.Agent).StartAsync(work);
            if (receipt.Outcome is { } outcome)
            {
                return (Apply(outcome), false);
            }

            if (agent.Status == AgentRunStatus.Running && agent.Silo != receipt.Silo)
            {
                var moved = agent.Silo is not null;
                agent.Silo = receipt.Silo;
                return (false, moved);
            }
        }
        catch (Exception ex)
        {
            // Not a failure of the agent: its activation could not be reached or loaded (a silo dying, storage down).
            // It stays running; the periodic re-send tries again, and its deadline bounds the wait.
            LogAgentStartFailed(logger, ex, TaskId, agent.Agent);
        }

        return (false, false);
    }

    private async Task FinishAsync()
    {
        var reporter = Record.Agents.FirstOrDefault(a => a.Agent == ReporterAgent.AgentName);
        if (reporter is { Status: AgentRunStatus.Succeeded })
        {
            await EndAsync(TaskLifecycle.Succeeded, error: null);
        }
        else
        {
            var cause = reporter?.Error?.Cause ?? reporter?.Error?.Message ?? "no reporter ran";
            await EndAsync(TaskLifecycle.Failed, new TaskError("report_failed", "The task's report could not be produced.", cause));
        }
    }

    private async Task EndAsync(TaskLifecycle lifecycle, TaskError? error)
    {
        var now = clock.GetUtcNow();
        var stopAs = lifecycle == TaskLifecycle.Cancelled ? AgentRunStatus.Cancelled : AgentRunStatus.TimedOut;
        var stopping = new List<string>();
        foreach (var agent in Record.Agents)
        {
            if (agent.Status == AgentRunStatus.Running)
            {
                agent.Status = stopAs;
                agent.CompletedAt = now;
                agent.Error ??= new TaskError(lifecycle == TaskLifecycle.Cancelled ? "cancelled" : "task_ended", $"The task ended ({lifecycle.ToString().ToLowerInvariant()}) while {agent.Agent} ran.");
                stopping.Add(agent.Agent);
            }
            else if (agent.Status == AgentRunStatus.Pending)
            {
                agent.Status = AgentRunStatus.Skipped;
            }
        }

        Record.Lifecycle = lifecycle;
        Record.CompletedAt = now;
        Record.Error = error;
        await PersistAsync();
        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
        LogEnded(logger, TaskId, lifecycle);
        metrics.RecordEnded(Record.Spec!.Kind, lifecycle, now - Record.CreatedAt);
        workflows.RecordTaskEnded(lifecycle, now - Record.CreatedAt);
        LeaveHere();
        _trace.End(lifecycle, error);
        await IndexAsync();
        await StopWatchAsync();
        await ReleaseAdmissionAsync();

        foreach (var name in stopping)
        {
            _ = GrainFactory.GetAgent(TaskId, name).CancelAsync(stopAs);
        }
    }

    private async Task<bool> AdmittedAsync()
    {
        var ticket = new AdmissionTicket { TaskId = TaskId, Priority = AdmissionOrder.EffectivePriority(Record.Spec!), SubmittedAt = Record.CreatedAt };
        try
        {
            return await GrainFactory.GetGrain<ITaskAdmissionGrain>(0).RequestAsync(ticket);
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            // The queue is moving to another silo: not the task's failure; the deadline timer asks again.
            LogAdmissionUnreachable(logger, ex, TaskId);
            return false;
        }
    }

    /// <summary>Frees the task's slot or queue place; if this fails, the queue's own periodic check frees it later.</summary>
    private async Task ReleaseAdmissionAsync()
    {
        try
        {
            await GrainFactory.GetGrain<ITaskAdmissionGrain>(0).ReleaseAsync(TaskId);
        }
        catch (Exception ex)
        {
            LogReleaseFailed(logger, ex, TaskId);
        }
    }

    private void StartDeadlineTimer()
    {
        var interval = options.Value.DeadlineCheckInterval;
        _deadlineTimer ??= this.RegisterGrainTimer(CheckDeadlinesAsync, new GrainTimerCreationOptions(interval, interval) { KeepAlive = true });
    }

    /// <summary>
    /// The orchestrator's own watch over deadlines: an agent that ignores cancellation, or whose callback was lost,
    /// is marked timed out here and the task goes on without it.
    /// </summary>
    private async Task CheckDeadlinesAsync(CancellationToken cancellationToken)
    {
        if (Record.Spec is null || Record.IsTerminal)
        {
            _deadlineTimer?.Dispose();
            _deadlineTimer = null;
            return;
        }

        // Most ticks of a long admission queue: a waiting task with time left and no ask due has nothing to do and
        // nothing to log, so it takes no logging scope either (one per tick per queued task added up).
        var now = clock.GetUtcNow();
        if (Record.Lifecycle == TaskLifecycle.Pending && now < Record.Deadline
            && (_beginning || now - _lastAdmissionAsk < options.Value.AgentPollInterval))
        {
            return;
        }

        using var scope = logger.BeginTaskScope(TaskId);
        if (now >= Record.Deadline)
        {
            var message = Record.Lifecycle == TaskLifecycle.Pending
                ? $"The task was still waiting for admission (the cluster's running-task limit) at its deadline {Record.Deadline:O}."
                : $"The task did not finish before its deadline {Record.Deadline:O}.";
            await EndAsync(TaskLifecycle.Failed, new TaskError("task_deadline_exceeded", message));
            return;
        }

        if (Record.Lifecycle == TaskLifecycle.Pending)
        {
            // Asking again is idempotent: it makes good a lost admit message or a queue that was unreachable.
            if (!_beginning && now - _lastAdmissionAsk >= options.Value.AgentPollInterval)
            {
                _lastAdmissionAsk = now;
                _ = BeginAsync();
            }

            return;
        }

        var restarted = await RestartAgentsOfDeadSilosAsync();
        if (restarted | await CollectLostOutcomesAsync(now))
        {
            await AdvanceAsync(unsaved: true);
            if (Record.IsTerminal)
            {
                return;
            }
        }

        var overdue = Record.Agents.Where(a => a.Status == AgentRunStatus.Running && a.Deadline <= now).ToArray();
        if (overdue.Length == 0)
        {
            return;
        }

        foreach (var agent in overdue)
        {
            agent.Status = AgentRunStatus.TimedOut;
            agent.CompletedAt = now;
            agent.Error = new TaskError("agent_timed_out", $"{agent.Agent} did not finish before its deadline {agent.Deadline:O}.");
            LogAgentTimedOut(logger, TaskId, agent.Agent);
            _ = GrainFactory.GetAgent(TaskId, agent.Agent).CancelAsync(AgentRunStatus.TimedOut);
        }

        await AdvanceAsync(unsaved: true);
    }

    /// <summary>
    /// An agent whose silo the cluster declared dead will never call back: start it again, on a live silo. It resumes
    /// from its persisted state, so one that had already reported is not run twice.
    /// </summary>
    private async Task<bool> RestartAgentsOfDeadSilosAsync()
    {
        var snapshot = membership.CurrentSnapshot;
        var orphans = Record.Agents
            .Where(a => a.Status == AgentRunStatus.Running && a.Silo is not null
                && snapshot.GetSiloStatus(SiloAddress.FromParsableString(a.Silo)) == SiloStatus.Dead)
            .ToArray();
        if (orphans.Length == 0)
        {
            return false;
        }

        foreach (var agent in orphans)
        {
            LogAgentSiloDied(logger, TaskId, agent.Agent, agent.Silo!);
        }

        // The orphans' silos changed (dead → live), which recovery after this activation must know.
        await Task.WhenAll(orphans.Select(a => StartAgentAsync(a, InputsFor(a))));
        return true;
    }

    /// <summary>
    /// Callbacks are the fast path, not the only one: an agent quiet for longer than the poll interval is sent its
    /// work again. That is idempotent, and it covers an outcome whose callback was lost and an activation lost
    /// mid-run (a silo dying, a duplicate activation resolved) without its silo being declared dead. True when that
    /// changed the task's record.
    /// </summary>
    private async Task<bool> CollectLostOutcomesAsync(DateTimeOffset now)
    {
        var interval = options.Value.AgentPollInterval;
        if (now - _lastPoll < interval)
        {
            return false;
        }

        _lastPoll = now;
        var quiet = Record.Agents.Where(a => a.Status == AgentRunStatus.Running && a.StartedAt <= now - interval).ToArray();
        if (quiet.Length == 0)
        {
            return false;
        }

        // Re-sending changes nothing stored unless an outcome came back or an agent now runs elsewhere: asking a
        // long-running agent again must not rewrite the task's state.
        var starts = await Task.WhenAll(quiet.Select(a => StartAgentAsync(a, InputsFor(a))));
        return starts.Any(s => s.Ended || s.Moved);
    }

    /// <summary>Records where and how the task is in the shared index; the grain's own state stays the truth.</summary>
    private async Task IndexAsync()
    {
        var spec = Record.Spec!;
        var snapshot = Snapshot();
        try
        {
            await index.RecordAsync(new TaskIndexEntry(
                TaskId, spec.Submitter, spec.Kind, Record.Lifecycle, spec.Options.Priority, spec.IdempotencyKey,
                silo.SiloAddress.ToParsableString(), snapshot.CurrentLayer, Record.Error?.Code,
                Record.CreatedAt, clock.GetUtcNow(), Record.CompletedAt, Record.Deadline), CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogIndexFailed(logger, ex, TaskId);
        }
    }

    private async Task WatchAsync()
    {
        if (_watching)
        {
            return;
        }

        var period = options.Value.RecoveryReminderPeriod;
        try
        {
            await this.RegisterOrUpdateReminder(WatchReminder, period, period);
            _watching = true;
        }
        catch (Exception ex)
        {
            LogReminderFailed(logger, ex, TaskId);
        }
    }

    private async Task StopWatchAsync()
    {
        try
        {
            if (await this.GetReminder(WatchReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception ex)
        {
            LogReminderFailed(logger, ex, TaskId);
        }
    }

    private async Task PersistAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            await storage.WriteAsync(state);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private TaskSnapshot Snapshot() => TaskSnapshots.From(TaskId, Record);

    /// <summary>Counts the task as running on this silo once per activation; <see cref="LeaveHere"/> undoes it.</summary>
    private void RunningHere()
    {
        if (!_runningHere && Record.Lifecycle == TaskLifecycle.Running)
        {
            _runningHere = true;
            metrics.RecordStartedHere(Record.Spec!.Kind);
        }
    }

    private void LeaveHere()
    {
        if (_runningHere)
        {
            _runningHere = false;
            metrics.RecordLeftHere(Record.Spec!.Kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId}: {Kind} submitted by {Submitter}")]
    private static partial void LogSubmitted(ILogger logger, Guid taskId, TaskKind kind, string submitter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId}: resuming, was {Lifecycle}")]
    private static partial void LogResuming(ILogger logger, Guid taskId, TaskLifecycle lifecycle);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId}: layer {Layer} started with {Agents} agents")]
    private static partial void LogLayerStarted(ILogger logger, Guid taskId, int layer, int agents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId}: ended {Lifecycle}")]
    private static partial void LogEnded(ILogger logger, Guid taskId, TaskLifecycle lifecycle);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: the target could not be prepared")]
    private static partial void LogBeginFailed(ILogger logger, Exception exception, Guid taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: agent {Agent} could not be reached to start; will try again")]
    private static partial void LogAgentStartFailed(ILogger logger, Exception exception, Guid taskId, string agent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: agent {Agent} was on silo {Silo}, which died; starting it again")]
    private static partial void LogAgentSiloDied(ILogger logger, Guid taskId, string agent, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: the task index could not be updated")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception, Guid taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: the recovery reminder could not be changed")]
    private static partial void LogReminderFailed(ILogger logger, Exception exception, Guid taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: could not release its admission slot; the queue's check will")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, Guid taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: the admission queue could not be reached; asking again later")]
    private static partial void LogAdmissionUnreachable(ILogger logger, Exception exception, Guid taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: agent {Agent} overran its deadline")]
    private static partial void LogAgentTimedOut(ILogger logger, Guid taskId, string agent);
}
