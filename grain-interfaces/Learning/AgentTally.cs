namespace Amas.Orleans.Learning;

/// <summary>
/// What the cluster learned about one agent on one kind of repository: how often it ran, how long, what it found, and
/// (for agents that fix) how many of its fixes were accepted or rejected. Counts only ever add up.
/// </summary>
[GenerateSerializer, Alias("amas.AgentTally")]
public sealed record AgentTally
{
    [Id(0)] public required string Agent { get; init; }
    /// <summary>The repository's kind (<c>dotnet</c>, <c>node</c>, …; <c>none</c> without a repository).</summary>
    [Id(1)] public required string RepositoryKind { get; init; }
    [Id(2)] public long Runs { get; init; }
    [Id(3)] public long Succeeded { get; init; }
    [Id(4)] public long Failed { get; init; }
    [Id(5)] public double DurationMsTotal { get; init; }
    [Id(6)] public long Findings { get; init; }
    /// <summary>Succeeded runs that reported at least one finding.</summary>
    [Id(7)] public long RunsWithFindings { get; init; }
    [Id(8)] public long FixesAccepted { get; init; }
    [Id(9)] public long FixesRejected { get; init; }
}
