using Amas.Orleans.Orchestration.Index;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Orchestration;

/// <summary>
/// Deletes what has outlived its retention period. Finished tasks: swept by one silo (the active one with the lowest
/// address, so each task is purged once), through the orchestrator, which removes its agents' reports and its own
/// state before the index row goes. Checkouts: every silo prunes its own cache directory.
/// </summary>
internal sealed partial class RetentionService(
    IClusterMembershipService membership,
    ILocalSiloDetails local,
    IGrainFactory grains,
    ITaskIndex index,
    IOptions<RetentionOptions> retention,
    IOptions<RepositoryOptions> repositories,
    TimeProvider clock,
    ILogger<RetentionService> logger) : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(retention.Value.SweepInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SweepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        try
        {
            var snapshot = membership.CurrentSnapshot;
            var leader = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress)
                .MinBy(a => a.ToParsableString(), StringComparer.Ordinal);
            if (leader == local.SiloAddress)
            {
                await PurgeTasksAsync(cancellationToken);
            }

            PruneCheckouts();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSweepFailed(logger, ex);
        }
    }

    private async Task PurgeTasksAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - retention.Value.FinishedTasks;
        var purged = 0;
        foreach (var id in await index.EndedBeforeAsync(before, Batch, cancellationToken))
        {
            if (await grains.GetGrain<ITaskOrchestratorGrain>(id).PurgeAsync())
            {
                await index.DeleteAsync(id, cancellationToken);
                purged++;
            }
        }

        if (purged > 0)
        {
            LogPurged(logger, purged, before);
        }
    }

    private void PruneCheckouts()
    {
        var cache = new DirectoryInfo(repositories.Value.CacheDirectory);
        if (!cache.Exists)
        {
            return;
        }

        var before = (clock.GetUtcNow() - retention.Value.Checkouts).UtcDateTime;
        // <cache>/<url hash>/<commit>: a checkout is a commit directory.
        foreach (var checkout in cache.EnumerateDirectories().SelectMany(d => d.EnumerateDirectories()))
        {
            if (checkout.LastWriteTimeUtc < before && checkout.LastAccessTimeUtc < before)
            {
                checkout.Delete(recursive: true);
                LogCheckoutPruned(logger, checkout.FullName);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: purged {Count} tasks that ended before {Before}")]
    private static partial void LogPurged(ILogger logger, int count, DateTimeOffset before);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted checkout {Path}")]
    private static partial void LogCheckoutPruned(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: the sweep failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
