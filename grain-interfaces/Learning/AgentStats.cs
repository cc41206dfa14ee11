namespace Amas.Orleans.Learning;

/// <summary>An agent's history as <c>GET /api/v1/agents</c> shows it: totals, then the same per repository kind.</summary>
[GenerateSerializer, Immutable, Alias("amas.AgentStats")]
public sealed record AgentStats
{
    [Id(0)] public long Runs { get; init; }
    [Id(1)] public long Succeeded { get; init; }
    [Id(2)] public long Failed { get; init; }
    /// <summary>Null before the first run.</summary>
    [Id(3)] public double? AverageDurationMs { get; init; }
    [Id(4)] public long Findings { get; init; }
    [Id(5)] public long RunsWithFindings { get; init; }
    [Id(6)] public long FixesAccepted { get; init; }
    [Id(7)] public long FixesRejected { get; init; }
    [Id(8)] public IReadOnlyDictionary<string, AgentStats> ByRepositoryKind { get; init; } = new Dictionary<string, AgentStats>();
}
