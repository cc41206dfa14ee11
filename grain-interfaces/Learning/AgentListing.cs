using Amas.Orleans.Agents;

namespace Amas.Orleans.Learning;

/// <summary>One agent of <c>GET /api/v1/agents</c>: the registry's descriptor fields and the LearningSystem's stats.</summary>
[GenerateSerializer, Immutable, Alias("amas.AgentListing")]
public sealed record AgentListing
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required int Layer { get; init; }
    [Id(2)] public required string Description { get; init; }
    [Id(3)] public IReadOnlyList<string> Capabilities { get; init; } = [];
    [Id(4)] public bool ReadsRepository { get; init; }
    [Id(5)] public AgentStats Stats { get; init; } = new();

    public static AgentListing From(AgentDescriptor descriptor, AgentStats stats) => new()
    {
        Name = descriptor.Name,
        Layer = descriptor.Layer,
        Description = descriptor.Description,
        Capabilities = descriptor.Capabilities,
        ReadsRepository = descriptor.ReadsRepository,
        Stats = stats,
    };
}
