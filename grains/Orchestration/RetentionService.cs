using Amas.Orleans.Orchestration.Index;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Amas.Orleans.Uploads;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Orchestration;

/// <summary>
/// Deletes what has outlived its retention period. Finished tasks: swept by one silo (the active one with the lowest
/// address, so each task is purged once), through the orchestrator, which removes its agents' reports and its own
/// state before the index row goes; that deletes a task's upload too. Uploads whose task never came to be (a gateway
/// that died between storing a file and submitting its task) are deleted once no task could still need them. Checkouts
/// and scratch copies of uploads: every silo prunes its own directories.
/// </summary>
internal sealed partial class RetentionService(
    IClusterMembershipService membership,
    ILocalSiloDetails local,
    IGrainFactory grains,
    ITaskIndex index,
    IOptions<RetentionOptions> retention,
    IOptions<RepositoryOptions> repositories,
    IUploadStore uploads,
    IOptions<UploadOptions> uploadOptions,
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
                await PurgeOrphanedUploadsAsync(cancellationToken);
            }

            PruneCheckouts();
            PruneScratchCopies();
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

    /// <summary>
    /// A task ends by its deadline (at most <see cref="TaskSpecValidator.MaxDeadlineSeconds"/> after it was submitted)
    /// and is purged <see cref="RetentionOptions.FinishedTasks"/> later, so an upload older than both together has
    /// no task left that could read it.
    /// </summary>
    private async Task PurgeOrphanedUploadsAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - retention.Value.FinishedTasks - TimeSpan.FromSeconds(TaskSpecValidator.MaxDeadlineSeconds);
        foreach (var id in await uploads.BegunBeforeAsync(before, Batch, cancellationToken))
        {
            await uploads.DeleteAsync(id, cancellationToken);
            LogOrphanedUpload(logger, id);
        }
    }

    /// <summary>A run deletes its scratch copy; one left behind by a silo that died mid-run is deleted here.</summary>
    private void PruneScratchCopies()
    {
        var scratch = new DirectoryInfo(uploadOptions.Value.ScratchDirectory);
        if (!scratch.Exists)
        {
            return;
        }

        var before = (clock.GetUtcNow() - retention.Value.Checkouts).UtcDateTime;
        foreach (var copy in scratch.EnumerateFiles().Where(f => f.LastWriteTimeUtc < before))
        {
            copy.Delete();
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted upload {UploadId}, which no task needs any more")]
    private static partial void LogOrphanedUpload(ILogger logger, Guid uploadId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: the sweep failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
