using Amas.Orleans.Monitoring;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Learning;

/// <summary>
/// Design §2: cluster-wide views aggregate per silo first. Every <see cref="LearningOptions.FlushInterval"/> this
/// silo adds what its ledgers tallied to the LearningSystem and WorkflowMonitor grains (one write each, whatever the
/// number of agents and tasks that ended), then refreshes its copy of the provider history for the router. A flush
/// that fails is put back and carried by the next one; the silo's last flush runs when it stops.
/// </summary>
internal sealed partial class ClusterViewFlusher(
    LearningLedger learning,
    WorkflowLedger workflows,
    ProviderHistory providerHistory,
    IGrainFactory grains,
    IOptions<LearningOptions> options,
    ILogger<ClusterViewFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync();
                await RefreshAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the last flush follows in StopAsync.
        }
    }

    /// <summary>The last flush is best effort: the silo may already be leaving the cluster, and shutdown must not wait on it.</summary>
    private static readonly TimeSpan FinalFlushLimit = TimeSpan.FromSeconds(3);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await FlushAsync().WaitAsync(FinalFlushLimit, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            LogFlushFailed(logger, ex, "cluster views at shutdown");
        }
    }

    private async Task FlushAsync()
    {
        var tallies = learning.Take();
        if (!tallies.IsEmpty)
        {
            try
            {
                if (!await grains.GetGrain<ILearningSystemGrain>(0).MergeAsync(tallies))
                {
                    learning.Restore(tallies);
                }
            }
            catch (Exception ex)
            {
                learning.Restore(tallies);
                LogFlushFailed(logger, ex, "LearningSystem");
            }
        }

        var minutes = workflows.Take();
        if (minutes.Count > 0)
        {
            try
            {
                if (!await grains.GetGrain<IWorkflowMonitorGrain>(0).MergeAsync(minutes))
                {
                    workflows.Restore(minutes);
                }
            }
            catch (Exception ex)
            {
                workflows.Restore(minutes);
                LogFlushFailed(logger, ex, "WorkflowMonitor");
            }
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            if (await grains.GetGrain<ILearningSystemGrain>(0).GetHistoryAsync() is { } history)
            {
                providerHistory.Update(history.Providers);
            }
        }
        catch (Exception ex)
        {
            LogFlushFailed(logger, ex, "provider history");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "This silo's tallies could not be added to the {View}; the next flush carries them")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, string view);
}
