using Amas.Orleans.Learning;
using Orleans.Concurrency;

namespace Amas.Orleans.Agents.Registry;

/// <summary>The registry of the silo it runs on; every silo registers the same agents.</summary>
[StatelessWorker]
internal sealed class AgentCatalogGrain(AgentRegistry registry) : Grain, IAgentCatalogGrain
{
    public Task<IReadOnlyList<AgentDescriptor>> GetAgentsAsync()
        => Task.FromResult<IReadOnlyList<AgentDescriptor>>([.. Ordered()]);

    public async Task<IReadOnlyList<AgentListing>> GetListingsAsync()
    {
        var history = await GrainFactory.GetGrain<ILearningSystemGrain>(0).GetHistoryAsync();
        // Stats are zero while the history's storage cannot be read: the registry's part of the answer still stands.
        var stats = AgentStatsBuilder.ByAgent(history?.Agents ?? []);
        return [.. Ordered().Select(d => AgentListing.From(d, stats.GetValueOrDefault(d.Name) ?? new AgentStats()))];
    }

    private IEnumerable<AgentDescriptor> Ordered() => registry.Descriptors.OrderBy(d => d.Layer).ThenBy(d => d.Name, StringComparer.Ordinal);
}
