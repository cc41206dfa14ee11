using Amas.Orleans.Hosting;
using Orleans.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Amas.Orleans.Learning;

/// <summary>
/// The cluster's learning history. Written once per silo flush (see <see cref="ClusterViewFlusher"/>), so its write
/// rate is the number of silos over the flush interval, whatever the number of agents completing. Its state is read
/// on first use (<see cref="LazyGrainState{T}"/>), so a storage outage fails a flush, never an activation.
/// </summary>
internal sealed class LearningSystemGrain : Grain, ILearningSystemGrain
{
    /// <summary>Repositories whose kind is remembered; past it, the kind of a new one is learned again at its checkout.</summary>
    public const int MaxRepositories = 10_000;

    private readonly LazyGrainState<LearningState> _state;

    public LearningSystemGrain([FromKeyedServices(StorageNames.Tasks)] IGrainStorage storage)
        => _state = new LazyGrainState<LearningState>(storage, "learning", () => this.GetGrainId());

    public async Task<bool> MergeAsync(LearningTallies delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (delta.IsEmpty)
        {
            return true;
        }

        if (await _state.TryGetAsync() is not { } state)
        {
            return false;
        }

        foreach (var agent in delta.Agents)
        {
            Tallies.AddTo(state.Agents, agent);
        }

        foreach (var provider in delta.Providers)
        {
            Tallies.AddTo(state.Providers, provider);
        }

        foreach (var (repository, kind) in delta.RepositoryKinds)
        {
            if (state.RepositoryKinds.Count < MaxRepositories || state.RepositoryKinds.ContainsKey(repository))
            {
                state.RepositoryKinds[repository] = kind;
            }
        }

        return await _state.TryWriteAsync();
    }

    public async Task<LearningTallies?> GetHistoryAsync()
        => await _state.TryGetAsync() is not { } state ? null : new LearningTallies
        {
            Agents = [.. state.Agents.Values.OrderBy(a => a.Agent, StringComparer.Ordinal).ThenBy(a => a.RepositoryKind, StringComparer.Ordinal)],
            Providers = [.. state.Providers.Values.OrderBy(p => p.Provider, StringComparer.Ordinal).ThenBy(p => p.PromptKind, StringComparer.Ordinal)],
            RepositoryKinds = new Dictionary<string, string>(state.RepositoryKinds, StringComparer.Ordinal),
        };
}
