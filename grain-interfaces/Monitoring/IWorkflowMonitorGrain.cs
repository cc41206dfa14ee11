namespace Amas.Orleans.Monitoring;

/// <summary>
/// The WorkflowMonitor: the cluster's task outcomes and provider use per minute, and the metrics and alerts over a
/// window (<c>GET /api/v1/metrics/workflows</c>). One grain, key 0, written by the silos' periodic flushes only.
/// </summary>
[Alias("amas.IWorkflowMonitorGrain")]
public interface IWorkflowMonitorGrain : IGrainWithIntegerKey
{
    /// <summary>Adds one silo's minutes; false when storage refused them (send them again later).</summary>
    [Alias("Merge")]
    Task<bool> MergeAsync(IReadOnlyList<WorkflowMinute> minutes);

    /// <summary>
    /// The metrics over the last <paramref name="window"/> (<see cref="WorkflowMetrics.MinWindow"/> to
    /// <see cref="WorkflowMetrics.MaxWindow"/>); null while its storage cannot be read.
    /// </summary>
    [Alias("GetMetrics")]
    Task<WorkflowMetrics?> GetMetricsAsync(TimeSpan window);
}
