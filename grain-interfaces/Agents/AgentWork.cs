using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Agents;

/// <summary>What the orchestrator hands an agent: small, with references to earlier reports rather than their content.</summary>
[GenerateSerializer, Immutable, Alias("amas.AgentWork")]
public sealed record AgentWork
{
    [Id(0)] public required Guid TaskId { get; init; }
    [Id(1)] public required string Agent { get; init; }
    [Id(2)] public required TaskKind Kind { get; init; }
    [Id(3)] public required TaskOptions Options { get; init; }
    [Id(4)] public ResolvedRepository? Repository { get; init; }
    /// <summary>Agents of earlier layers (same task) whose reports this agent reads.</summary>
    [Id(5)] public IReadOnlyList<string> Inputs { get; init; } = [];
    [Id(6)] public required DateTimeOffset Deadline { get; init; }
    /// <summary>Who submitted the task: an agent's AI requests are charged to this caller's daily budget.</summary>
    [Id(7)] public string? Submitter { get; init; }
    /// <summary>How much of the repository to read; null reads every file the checkout offers.</summary>
    [Id(20)] public AnalysisBounds? Bounds { get; init; }
}
