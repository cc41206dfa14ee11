namespace Amas.Orleans.Monitoring;

/// <summary>
/// The WorkflowMonitor: the cluster's task outcomes and provider use per minute, and the metrics and alerts over a
/// window (<c>GET /api/v1/metrics/workflows</c>). One grain, key 0, written by the silos' periodic flushes only.
/// </summary>
[Alias("amas.IWorkflowMonitorGrain")]
public interface IWorkflowMonitorGrain : IGrainWithIntegerKey
{
    [Alias("Merge")]
    Task MergeAsync(IReadOnlyList<WorkflowMinute> minutes);

    /// <summary>The metrics over the last <paramref name="window"/> (at most <see cref="WorkflowMetrics.MaxWindow"/>).</summary>
    [Alias("GetMetrics")]
    Task<WorkflowMetrics> GetMetricsAsync(TimeSpan window);
}
