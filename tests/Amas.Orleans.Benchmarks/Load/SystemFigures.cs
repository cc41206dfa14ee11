namespace Amas.Orleans.Benchmarks.Load;

/// <summary>Every system row of issue 11 measured in one run. The cluster rows are null when they were not measured, and <c>ClusterSkipped</c> says why.</summary>
/// <param name="ProfilesMissing">Why no row was profiled (the diagnostic tools are not restored), or null.</param>
public sealed record SystemFigures(
    bool Smoke,
    OverheadFigures Overhead,
    GatewayFigures MemoryGateway,
    StorageCostFigures Storage,
    ClusterFigures? Cluster,
    string? ClusterSkipped,
    string LoadBefore,
    string LoadAfter,
    string Commit,
    DateTimeOffset At,
    string? ProfilesMissing);
