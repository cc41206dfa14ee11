namespace Amas.Orleans.Learning;

/// <summary>The LearningSystem's persisted history, keyed by <see cref="Tallies.Key"/>.</summary>
[GenerateSerializer, Alias("amas.LearningState")]
public sealed class LearningState
{
    [Id(0)] public int Version { get; set; } = 1;
    [Id(1)] public Dictionary<string, AgentTally> Agents { get; set; } = new(StringComparer.Ordinal);
    [Id(2)] public Dictionary<string, ProviderTally> Providers { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Git URL to the kind last seen; at most <see cref="LearningSystemGrain.MaxRepositories"/> entries.</summary>
    [Id(3)] public Dictionary<string, string> RepositoryKinds { get; set; } = new(StringComparer.Ordinal);
}
