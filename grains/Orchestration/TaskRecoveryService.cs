using System.Diagnostics;
using Amas.Orleans.Orchestration.Index;
using Amas.Orleans.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Amas.Orleans.Orchestration;

/// <summary>
/// Brings back the tasks of a silo that died, as soon as the cluster declares it dead: one surviving silo (the
/// active one with the lowest address, so exactly one acts) looks up in the task index the unfinished tasks whose
/// orchestrator lived there and touches each, which re-activates it on a live silo where it resumes. A silo that
/// starts later handles the dead silos it finds in the membership table the same way, which covers a whole-cluster
/// restart. The per-task reminder remains the backstop.
/// </summary>
internal sealed partial class TaskRecoveryService(
    IClusterMembershipService membership,
    IGrainFactory grains,
    ITaskIndex index,
    ILocalSiloDetails local,
    ILogger<TaskRecoveryService> logger) : BackgroundService
{
    private const int Parallelism = 16;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var handled = new HashSet<SiloAddress>();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                if (snapshot.GetSiloStatus(local.SiloAddress) != SiloStatus.Active)
                {
                    continue;
                }

                var dead = snapshot.Members.Values
                    .Where(m => m.Status == SiloStatus.Dead && handled.Add(m.SiloAddress))
                    .Select(m => m.SiloAddress)
                    .ToArray();
                if (dead.Length == 0)
                {
                    continue;
                }

                var leader = snapshot.Members.Values
                    .Where(m => m.Status == SiloStatus.Active)
                    .Select(m => m.SiloAddress)
                    .MinBy(a => a.ToParsableString(), StringComparer.Ordinal);
                if (leader == local.SiloAddress)
                {
                    await RecoverAsync(dead, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RecoverAsync(IReadOnlyCollection<SiloAddress> dead, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<Guid> tasks;
        try
        {
            tasks = await index.UnfinishedOnAsync(dead.Select(d => d.ToParsableString()).ToArray(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reminders still bring these tasks back; this path is only the fast one.
            LogIndexUnavailable(logger, ex, dead.Count);
            return;
        }

        var resumed = 0;
        await Parallel.ForEachAsync(tasks, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (id, _) =>
        {
            try
            {
                await grains.GetGrain<ITaskOrchestratorGrain>(id).GetStatusAsync();
                Interlocked.Increment(ref resumed);
            }
            catch (Exception ex)
            {
                LogTaskNotResumed(logger, ex, id);
            }
        });

        LogRecovered(logger, resumed, tasks.Count, string.Join(", ", dead), clock.ElapsedMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery: resumed {Resumed} of {Found} unfinished tasks of dead silo(s) {Silos} in {ElapsedMs} ms")]
    private static partial void LogRecovered(ILogger logger, int resumed, int found, string silos, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery: task {TaskId} could not be resumed now; its reminder will bring it back")]
    private static partial void LogTaskNotResumed(ILogger logger, Exception exception, Guid taskId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recovery: the task index could not be read for {Count} dead silo(s); reminders remain the way back")]
    private static partial void LogIndexUnavailable(ILogger logger, Exception exception, int count);
}
