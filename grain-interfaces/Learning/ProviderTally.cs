namespace Amas.Orleans.Learning;

/// <summary>What the cluster learned about one provider answering one kind of prompt (the asking agent, or <c>general</c>).</summary>
[GenerateSerializer, Alias("amas.ProviderTally")]
public sealed record ProviderTally
{
    [Id(0)] public required string Provider { get; init; }
    [Id(1)] public required string PromptKind { get; init; }
    [Id(2)] public long Calls { get; init; }
    [Id(3)] public long Successes { get; init; }
    [Id(4)] public long Failures { get; init; }
    [Id(5)] public double LatencyMsTotal { get; init; }
    [Id(6)] public long Tokens { get; init; }
}
