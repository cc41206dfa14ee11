using Orleans.Concurrency;

namespace Amas.Orleans.Agents.Registry;

/// <summary>The registry of the silo it runs on; every silo registers the same agents.</summary>
[StatelessWorker]
internal sealed class AgentCatalogGrain(AgentRegistry registry) : Grain, IAgentCatalogGrain
{
    public Task<IReadOnlyList<AgentDescriptor>> GetAgentsAsync()
        => Task.FromResult<IReadOnlyList<AgentDescriptor>>([.. registry.Descriptors.OrderBy(d => d.Layer).ThenBy(d => d.Name, StringComparer.Ordinal)]);
}
