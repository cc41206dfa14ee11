namespace Amas.Orleans.Findings;

/// <summary>One agent's report of a problem that the ConflictResolver merged with others' reports of the same problem.</summary>
[GenerateSerializer, Immutable, Alias("amas.MergedFinding")]
public sealed record MergedFinding
{
    [Id(0)] public required string Agent { get; init; }
    [Id(1)] public required string Rule { get; init; }
    /// <summary>The severity this agent gave it, before the severity rules settled it.</summary>
    [Id(2)] public required Severity Severity { get; init; }
    /// <summary>Its own fingerprint, so fixes and earlier reports that name it can be matched.</summary>
    [Id(3)] public required string Id { get; init; }
    [Id(4)] public int? Line { get; init; }
}
