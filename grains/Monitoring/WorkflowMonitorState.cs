namespace Amas.Orleans.Monitoring;

/// <summary>The monitor's minutes, at most <see cref="WorkflowMetrics.MaxWindow"/> of them, keyed by minute.</summary>
[GenerateSerializer, Alias("amas.WorkflowMonitorState")]
public sealed class WorkflowMonitorState
{
    [Id(0)] public int Version { get; set; } = 1;
    [Id(1)] public Dictionary<long, WorkflowMinute> Minutes { get; set; } = [];
}
