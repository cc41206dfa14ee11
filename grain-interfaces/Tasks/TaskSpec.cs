using Amas.Orleans.Repositories;

namespace Amas.Orleans.Tasks;

/// <summary>What a caller asked for, as the orchestrator keeps it.</summary>
[GenerateSerializer, Immutable, Alias("amas.TaskSpec")]
public sealed record TaskSpec
{
    [Id(0)] public required TaskKind Kind { get; init; }
    [Id(1)] public RepositoryTarget? Target { get; init; }
    [Id(2)] public TaskOptions Options { get; init; } = new();
    /// <summary>The caller that submitted the task; tasks are listed and authorised by it.</summary>
    [Id(3)] public required string Submitter { get; init; }
    [Id(4)] public string? IdempotencyKey { get; init; }
}
