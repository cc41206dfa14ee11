using Amas.Orleans.Hosting;

namespace Amas.Orleans.Learning;

/// <summary>
/// The cluster's learning history. Written once per silo flush (see <see cref="ClusterViewFlusher"/>), so its write
/// rate is the number of silos over the flush interval, whatever the number of agents completing.
/// </summary>
internal sealed class LearningSystemGrain(
    [PersistentState("learning", StorageNames.Tasks)] IPersistentState<LearningState> state) : Grain, ILearningSystemGrain
{
    public async Task MergeAsync(LearningTallies delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (delta.IsEmpty)
        {
            return;
        }

        foreach (var agent in delta.Agents)
        {
            Tallies.AddTo(state.State.Agents, agent);
        }

        foreach (var provider in delta.Providers)
        {
            Tallies.AddTo(state.State.Providers, provider);
        }

        await state.WriteStateAsync();
    }

    public Task<LearningTallies> GetHistoryAsync() => Task.FromResult(new LearningTallies
    {
        Agents = [.. state.State.Agents.Values.OrderBy(a => a.Agent, StringComparer.Ordinal).ThenBy(a => a.RepositoryKind, StringComparer.Ordinal)],
        Providers = [.. state.State.Providers.Values.OrderBy(p => p.Provider, StringComparer.Ordinal).ThenBy(p => p.PromptKind, StringComparer.Ordinal)],
    });
}
