namespace Amas.Orleans.Agents;

/// <summary>The agents registered in the cluster (<c>GET /api/v1/agents</c>). A stateless worker: call it with key 0.</summary>
[Alias("amas.IAgentCatalogGrain")]
public interface IAgentCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Every registered agent, by layer then name.</summary>
    [Alias("GetAgents")]
    Task<IReadOnlyList<AgentDescriptor>> GetAgentsAsync();

    /// <summary>Every registered agent with the LearningSystem's stats: runs, durations, findings, fixes, per repository kind.</summary>
    [Alias("GetListings")]
    Task<IReadOnlyList<Learning.AgentListing>> GetListingsAsync();
}
