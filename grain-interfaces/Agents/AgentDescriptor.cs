namespace Amas.Orleans.Agents;

/// <summary>An agent as the registry lists it.</summary>
[GenerateSerializer, Immutable, Alias("amas.AgentDescriptor")]
public sealed record AgentDescriptor
{
    [Id(0)] public required string Name { get; init; }
    /// <summary>1 detection, 2 intelligence, 3 execution, 4 management.</summary>
    [Id(1)] public required int Layer { get; init; }
    [Id(2)] public required string Description { get; init; }
    /// <summary>What it covers, in the vocabulary of task components and areas (security, code_quality, …).</summary>
    [Id(3)] public IReadOnlyList<string> Capabilities { get; init; } = [];
    /// <summary>Whether the agent reads the repository; only then is it checked out on the agent's silo.</summary>
    [Id(4)] public bool ReadsRepository { get; init; } = true;
}
