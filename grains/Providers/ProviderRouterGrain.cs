using Amas.Orleans.Providers.Routing;
using Orleans.Concurrency;

namespace Amas.Orleans.Providers;

/// <summary>
/// The router's grain face. A reentrant stateless worker: activations on every silo that calls it, many requests
/// each; all state lives in the silo's <see cref="ProviderRouter"/> so activations share cursor, cache and de-duplication.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class ProviderRouterGrain(ProviderRouter router) : Grain, IProviderRouterGrain
{
    public Task<GenerateResponse> GenerateAsync(GenerateRequest request, CancellationToken cancellationToken = default)
        => router.GenerateAsync(request, cancellationToken);

    public Task<IReadOnlyList<ProviderHealth>> GetProvidersAsync() => router.GetProvidersAsync();
}
