using System.Collections.Concurrent;
using Amas.Orleans.Providers.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Providers.Routing;

/// <summary>
/// The router's brief view of provider health, per silo, so that a request does not cost a grain call per provider.
/// Every call's result refreshes its provider's entry, so the router never acts on health older than its own calls.
/// </summary>
public sealed class ProviderHealthCache(
    IGrainFactory grains,
    IOptions<ProvidersOptions> options,
    [FromKeyedServices(ProviderServices.ClockKey)] TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ProviderHealth> _entries = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<ProviderHealth>> GetAsync(IEnumerable<string> ids)
    {
        var now = time.GetUtcNow();
        var ttl = options.Value.HealthCacheTtl;
        var lookups = ids.Select(async id =>
            _entries.TryGetValue(id, out var cached) && now - cached.At < ttl
                ? cached
                : Update(await grains.GetGrain<IProviderGrain>(id).GetHealthAsync()));
        return await Task.WhenAll(lookups);
    }

    /// <summary>Keeps the newer of the cached and the given snapshot.</summary>
    public ProviderHealth Update(ProviderHealth health)
        => _entries.AddOrUpdate(health.Id, health, (_, cached) => cached.At > health.At ? cached : health);
}
