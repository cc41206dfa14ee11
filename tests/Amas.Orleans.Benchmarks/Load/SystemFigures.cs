namespace Amas.Orleans.Benchmarks.Load;

/// <summary>Every system row of issue 11 measured in one run. Recovery is null when it was not measured.</summary>
public sealed record SystemFigures(
    bool Smoke,
    OverheadFigures Overhead,
    GatewayFigures MemoryGateway,
    StorageCostFigures Storage,
    RecoveryFigures? Recovery,
    string LoadBefore,
    string LoadAfter,
    string Commit,
    DateTimeOffset At);
