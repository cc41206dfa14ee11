namespace Amas.Orleans.Monitoring;

/// <summary>The workflow metrics over a window, and the alerts whose thresholds they cross.</summary>
[GenerateSerializer, Immutable, Alias("amas.WorkflowMetrics")]
public sealed record WorkflowMetrics
{
    public static readonly TimeSpan MinWindow = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromHours(24);

    [Id(0)] public required long WindowSeconds { get; init; }
    [Id(1)] public required DateTimeOffset From { get; init; }
    [Id(2)] public required DateTimeOffset To { get; init; }
    [Id(3)] public long TasksEnded { get; init; }
    [Id(4)] public long Succeeded { get; init; }
    [Id(5)] public long Failed { get; init; }
    [Id(6)] public long Cancelled { get; init; }
    /// <summary>Succeeded over ended; null when no task ended in the window.</summary>
    [Id(7)] public double? SuccessRate { get; init; }
    /// <summary>Failed over ended; null when no task ended in the window.</summary>
    [Id(8)] public double? ErrorRate { get; init; }
    /// <summary>Mean time from submission to end, in seconds; null when no task ended.</summary>
    [Id(9)] public double? AverageResponseSeconds { get; init; }
    [Id(10)] public double? MaxResponseSeconds { get; init; }
    /// <summary>Tasks ended per minute over the window.</summary>
    [Id(11)] public double ThroughputPerMinute { get; init; }
    [Id(12)] public IReadOnlyDictionary<string, ProviderUse> ProviderUsage { get; init; } = new Dictionary<string, ProviderUse>();
    [Id(13)] public IReadOnlyList<WorkflowAlert> Alerts { get; init; } = [];
    [Id(14)] public required WorkflowThresholds Thresholds { get; init; }
}

[GenerateSerializer, Immutable, Alias("amas.WorkflowAlert")]
public sealed record WorkflowAlert
{
    /// <summary><c>low_success_rate</c>, <c>slow_response</c> or <c>high_error_rate</c>.</summary>
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required double Value { get; init; }
    [Id(2)] public required double Threshold { get; init; }
    [Id(3)] public required string Message { get; init; }
}

[GenerateSerializer, Immutable, Alias("amas.WorkflowThresholds")]
public sealed record WorkflowThresholds
{
    [Id(0)] public double MinSuccessRate { get; init; }
    [Id(1)] public double MaxResponseSeconds { get; init; }
    [Id(2)] public double MaxErrorRate { get; init; }
}
