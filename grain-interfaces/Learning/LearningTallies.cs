namespace Amas.Orleans.Learning;

/// <summary>
/// Tallies per agent and repository kind, and per provider and prompt kind: what one silo adds in one flush, or the
/// cluster's whole history when read back.
/// </summary>
[GenerateSerializer, Immutable, Alias("amas.LearningTallies")]
public sealed record LearningTallies
{
    [Id(0)] public IReadOnlyList<AgentTally> Agents { get; init; } = [];
    [Id(1)] public IReadOnlyList<ProviderTally> Providers { get; init; } = [];
    /// <summary>
    /// The kind each git repository (by URL) was seen to be at its last checkout, so a later task on it knows the
    /// kind before its own checkout.
    /// </summary>
    [Id(2)] public IReadOnlyDictionary<string, string> RepositoryKinds { get; init; } = new Dictionary<string, string>();

    public bool IsEmpty => Agents.Count == 0 && Providers.Count == 0 && RepositoryKinds.Count == 0;
}
