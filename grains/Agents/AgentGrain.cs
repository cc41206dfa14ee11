using Amas.Orleans.Agents.Journal;
using Amas.Orleans.Agents.Registry;
using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Findings;
using Amas.Orleans.Hosting;
using Amas.Orleans.Learning;
using Amas.Orleans.Placement;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Amas.Orleans.Telemetry;
using Microsoft.Extensions.Logging;

namespace Amas.Orleans.Agents;

/// <summary>
/// Runs one agent for one task. <see cref="StartAsync"/> records the work and returns; the run continues in the
/// background of the activation (off the grain scheduler for the analysis itself), so the grain keeps answering,
/// and ends with a callback to the orchestrator. The report is persisted before the callback, so a result once
/// recorded is never computed again. A run cut short because its silo is stopping records nothing: the work is
/// handed over, and the orchestrator starts it again on a live silo. Everything it logs carries the task id and the
/// agent (a logging scope); a run is one span, under the orchestrator's layer span.
/// </summary>
[SpreadAgentsPlacement]
internal sealed partial class AgentGrain(
    [PersistentState("agent", StorageNames.Agents)] IPersistentState<AgentState> state,
    AgentRegistry registry,
    IRepositoryCheckouts checkouts,
    AgentRunSlots slots,
    TimeProvider clock,
    ILocalSiloDetails silo,
    StorageHealth storage,
    IAgentRunJournal journal,
    AgentMetrics metrics,
    LearningLedger learning,
    ILogger<AgentGrain> logger) : Grain, IAgentGrain, IIncomingGrainCallFilter
{
    private static readonly TimeSpan[] InputBackoff = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(15)];
    private static readonly TimeSpan[] CallbackBackoff = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10)];

    private CancellationTokenSource? _run;
    private bool _handOver;
    private AgentRunStatus _stopAs = AgentRunStatus.Cancelled;

    private string Silo => silo.SiloAddress.ToParsableString();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var taskId = this.GetPrimaryKey(out var agent);
        using var scope = logger.BeginAgentScope(taskId, agent ?? "?");
        await context.Invoke();
    }

    public async Task<AgentStartReceipt> StartAsync(AgentWork work)
    {
        if (state.State.Report is { } report)
        {
            // Already ended (the callback may have been lost with a silo): the receipt carries the outcome.
            return new AgentStartReceipt { Silo = report.Silo ?? Silo, Outcome = OutcomeOf(report) };
        }

        if (_run is not null)
        {
            return new AgentStartReceipt { Silo = Silo };
        }

        state.State.Work = work;
        state.State.StartedAt ??= clock.GetUtcNow();
        state.State.Starts++;
        await storage.WriteAsync(state);

        _run = CancellationTokenSource.CreateLinkedTokenSource(slots.SiloStopping);
        var remaining = work.Deadline - clock.GetUtcNow();
        _run.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        _stopAs = AgentRunStatus.TimedOut;
        // Idle collection must not take an activation whose run is still going.
        if (remaining > TimeSpan.Zero)
        {
            DelayDeactivation(remaining);
        }

        LogStarted(logger, work.TaskId, work.Agent, Silo, state.State.Starts);
        _ = RunAsync(work, _run);
        return new AgentStartReceipt { Silo = Silo };
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_run is { } run)
        {
            _handOver = true;
            var taskId = this.GetPrimaryKey(out var agent);
            using var scope = logger.BeginAgentScope(taskId, agent ?? "?");
            LogHandingOver(logger, state.State.Work?.TaskId ?? Guid.Empty, state.State.Work?.Agent ?? "?", reason.ReasonCode.ToString());
            run.Cancel();
        }

        return Task.CompletedTask;
    }

    public Task CancelAsync(AgentRunStatus asStatus)
    {
        if (_run is { } run)
        {
            _stopAs = asStatus;
            run.Cancel();
        }

        return Task.CompletedTask;
    }

    public async Task PurgeAsync()
    {
        _run?.Cancel();
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    public Task<AgentReport?> GetSummaryAsync()
        => Task.FromResult(state.State.Report is { } report
            ? report with { Findings = [], Patches = report.Patches.Select(p => p with { Diff = "" }).ToArray() }
            : null);

    public Task<AgentReport?> GetReportAsync() => Task.FromResult(state.State.Report);

    public Task<FindingPage> GetFindingsAsync(int offset, int limit)
    {
        var findings = state.State.Report?.Findings ?? [];
        offset = Math.Clamp(offset, 0, findings.Count);
        limit = Math.Clamp(limit, 0, findings.Count - offset);
        return Task.FromResult(new FindingPage
        {
            Items = findings.Skip(offset).Take(limit).ToArray(),
            Offset = offset,
            Limit = limit,
            Total = findings.Count,
        });
    }

    private async Task RunAsync(AgentWork work, CancellationTokenSource run)
    {
        var startedAt = state.State.StartedAt ?? clock.GetUtcNow();
        var runStarted = clock.GetTimestamp();
        using var span = AmasTelemetry.Agents.StartActivity($"agent {work.Agent}");
        span?.SetTag(TelemetryTags.TaskId, work.TaskId.ToString());
        span?.SetTag(TelemetryTags.Agent, work.Agent);
        span?.SetTag(TelemetryTags.Silo, Silo);
        AgentReport report;
        var repositoryKind = RepositoryKinds.OfDirectory(work.Repository?.LocalPath);
        try
        {
            if (!registry.TryGet(work.Agent, out var agent))
            {
                throw new InvalidOperationException($"No agent named '{work.Agent}' is registered on silo {Silo}.");
            }

            var inputs = await LoadInputsAsync(work);
            var (result, checkout) = await slots.RunAsync(
                async token =>
                {
                    var checkout = work.Repository is null || !agent.Descriptor.ReadsRepository ? null : await checkouts.CheckoutAsync(work.Repository, token);
                    checkout = checkout?.Within(work.Bounds);
                    return (await agent.RunAsync(new AgentContext(work, checkout, inputs), token), checkout);
                },
                run.Token);

            if (checkout is not null)
            {
                repositoryKind = RepositoryKinds.OfDirectory(checkout.Root);
                if (work.Repository?.GitUrl is { } gitUrl)
                {
                    learning.RecordRepositoryKind(gitUrl, repositoryKind);
                }
            }

            report = NewReport(work, AgentRunStatus.Succeeded, startedAt) with
            {
                Layer = agent.Descriptor.Layer,
                Findings = result.Findings,
                Metrics = WithCheckoutMetrics(result.Metrics, checkout),
                Summary = result.Summary,
                Ai = result.Ai,
                Facts = result.Facts ?? new Dictionary<string, IReadOnlyList<string>>(),
                Counts = FindingTally.Count(result.Findings),
                Patches = result.Patches,
                Branch = result.Branch,
                Plan = result.Plan,
                Recommendations = result.Recommendations,
            };
        }
        catch (Exception) when (_handOver || slots.SiloStopping.IsCancellationRequested)
        {
            // Nothing is recorded: the work is still to do, and another activation will do it.
            span?.SetTag("amas.agent.handed_over", true);
            _run = null;
            run.Dispose();
            return;
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            var error = _stopAs == AgentRunStatus.TimedOut
                ? new TaskError("agent_timed_out", $"{work.Agent} did not finish before its deadline {work.Deadline:O}.")
                : new TaskError("agent_cancelled", $"{work.Agent} was stopped: {_stopAs.ToString().ToLowerInvariant()}.");
            report = NewReport(work, _stopAs, startedAt) with { Error = error };
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, work.TaskId, work.Agent);
            report = NewReport(work, AgentRunStatus.Failed, startedAt) with
            {
                Error = new TaskError("agent_failed", $"{work.Agent} failed.", $"{ex.GetType().Name}: {ex.Message}"),
            };
        }

        await JournalAsync(report);
        state.State.Report = report;
        await storage.WriteAsync(state);
        _run = null;
        run.Dispose();
        LogEnded(logger, work.TaskId, work.Agent, report.Status, LiveCount(report));
        metrics.RecordEnded(work.Agent, report.Status, clock.GetElapsedTime(runStarted));
        learning.RecordAgentRun(work.Agent, repositoryKind, report.Status, clock.GetElapsedTime(runStarted), LiveCount(report));
        span?.SetTag(TelemetryTags.Outcome, Names.Of(report.Status));
        span?.SetTag("amas.findings", LiveCount(report));
        if (report.Status != AgentRunStatus.Succeeded)
        {
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, report.Error?.Code);
        }

        await NotifyOrchestratorAsync(report);
    }

    /// <summary>
    /// Written before the report is stored, so a run whose report was lost with its silo still shows. The journal is
    /// a record, not a gate: when it cannot be written the run goes on and the failure is logged.
    /// </summary>
    private async Task JournalAsync(AgentReport report)
    {
        try
        {
            var run = new AgentRunRecord
            {
                TaskId = report.TaskId,
                Agent = report.Agent,
                Start = state.State.Starts,
                Silo = Silo,
                Status = report.Status,
                Findings = LiveCount(report),
                StartedAt = report.StartedAt ?? report.CompletedAt ?? clock.GetUtcNow(),
                EndedAt = report.CompletedAt ?? clock.GetUtcNow(),
            };
            await storage.RunAsync(token => journal.RecordAsync(run, token));
        }
        catch (Exception ex)
        {
            LogJournalFailed(logger, ex, report.TaskId, report.Agent);
        }
    }

    /// <summary>What the walk left out is part of every report that read the repository, so nothing is dropped silently.</summary>
    private static IReadOnlyDictionary<string, double> WithCheckoutMetrics(IReadOnlyDictionary<string, double> metrics, RepositoryCheckout? checkout)
    {
        if (checkout is null)
        {
            return metrics;
        }

        var all = new Dictionary<string, double>(metrics, StringComparer.Ordinal)
        {
            ["files_in_checkout"] = checkout.Files.Count,
            ["files_skipped_binary"] = checkout.SkippedBinary,
            ["files_skipped_oversized"] = checkout.SkippedOversized,
            ["files_skipped_ignored"] = checkout.SkippedIgnored,
        };
        return all;
    }

    /// <summary>
    /// Earlier layers' reports. A report on a silo that just died is unreachable until the cluster declares it dead;
    /// then the call re-activates that agent elsewhere from its persisted report. So transient cluster errors are
    /// retried, never recorded as this agent's failure.
    /// </summary>
    private async Task<IReadOnlyList<AgentReport>> LoadInputsAsync(AgentWork work)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var reports = await Task.WhenAll(work.Inputs.Select(name => GrainFactory.GetAgent(work.TaskId, name).GetReportAsync()));
                return reports.OfType<AgentReport>().ToArray();
            }
            catch (Exception ex) when (IsTransient(ex) && attempt < InputBackoff.Length)
            {
                LogInputsRetry(logger, ex, work.TaskId, work.Agent, attempt + 1);
                await Task.Delay(InputBackoff[attempt]);
            }
        }
    }

    private static bool IsTransient(Exception ex)
        => ex is OrleansMessageRejectionException or SiloUnavailableException or TimeoutException
            or global::Orleans.Runtime.Messaging.ConnectionFailedException;

    private AgentReport NewReport(AgentWork work, AgentRunStatus status, DateTimeOffset startedAt) => new()
    {
        TaskId = work.TaskId,
        Layer = registry.Find(work.Agent)?.Layer ?? 0,
        Agent = work.Agent,
        Status = status,
        Silo = Silo,
        StartedAt = startedAt,
        CompletedAt = clock.GetUtcNow(),
    };

    /// <summary>Suppressed findings stay in the report but count nowhere: a suppression says the problem is accepted.</summary>
    private static int LiveCount(AgentReport report) => report.Findings.Count(f => f.Suppression is null);

    private static AgentOutcome OutcomeOf(AgentReport report) => new()
    {
        Agent = report.Agent,
        Status = report.Status,
        FindingCount = LiveCount(report),
        Silo = report.Silo,
        StartedAt = report.StartedAt,
        CompletedAt = report.CompletedAt,
        Error = report.Error,
    };

    private async Task NotifyOrchestratorAsync(AgentReport report)
    {
        var outcome = OutcomeOf(report);

        var orchestrator = GrainFactory.GetGrain<ITaskOrchestratorGrain>(report.TaskId);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await orchestrator.OnAgentCompletedAsync(outcome);
                return;
            }
            catch (Exception ex) when (attempt < CallbackBackoff.Length)
            {
                LogCallbackRetry(logger, ex, report.TaskId, report.Agent, attempt + 1);
                await Task.Delay(CallbackBackoff[attempt]);
            }
            catch (Exception ex)
            {
                // The orchestrator re-sends StartAsync to agents that stay quiet; the receipt then carries the outcome.
                LogCallbackLost(logger, ex, report.TaskId, report.Agent);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId}: agent {Agent} started on {Silo} (start #{Starts})")]
    private static partial void LogStarted(ILogger logger, Guid taskId, string agent, string silo, int starts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId}: agent {Agent} ended {Status} with {Findings} findings")]
    private static partial void LogEnded(ILogger logger, Guid taskId, string agent, AgentRunStatus status, int findings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: agent {Agent} could not read its inputs, attempt {Attempt}; retrying")]
    private static partial void LogInputsRetry(ILogger logger, Exception exception, Guid taskId, string agent, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId}: agent {Agent} handed over unfinished ({Reason})")]
    private static partial void LogHandingOver(ILogger logger, Guid taskId, string agent, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: agent {Agent}: its run could not be written to the run journal")]
    private static partial void LogJournalFailed(ILogger logger, Exception exception, Guid taskId, string agent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: agent {Agent} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid taskId, string agent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId}: agent {Agent} could not report to the orchestrator, attempt {Attempt}; retrying")]
    private static partial void LogCallbackRetry(ILogger logger, Exception exception, Guid taskId, string agent, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Task {TaskId}: agent {Agent} gave up reporting to the orchestrator; it will report when asked again")]
    private static partial void LogCallbackLost(ILogger logger, Exception exception, Guid taskId, string agent);
}
