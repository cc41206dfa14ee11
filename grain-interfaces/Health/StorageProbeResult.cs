namespace Amas.Orleans.Health;

/// <summary>What one silo found when it reached for its grain storage.</summary>
[GenerateSerializer, Immutable, Alias("amas.StorageProbeResult")]
public sealed record StorageProbeResult
{
    [Id(0)] public required bool Reachable { get; init; }
    /// <summary><c>memory</c> or <c>postgres</c>.</summary>
    [Id(1)] public required string Storage { get; init; }
    /// <summary>A sentence for people: what answered, or what failed. Never a connection string.</summary>
    [Id(2)] public required string Detail { get; init; }
    [Id(3)] public string? Silo { get; init; }
}
