using Amas.Orleans.Providers.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Amas.Orleans.Providers;

/// <summary>Says at start which providers have a key (never the key), so a missing one is seen before the first request.</summary>
internal sealed class ProviderStartupReport(ProviderCatalog catalog, ILogger<ProviderStartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = catalog.Deployments.Where(d => d.Configured).Select(d => d.Id).ToList();
        ProviderLog.Configured(logger, configured.Count, catalog.Deployments.Count, configured.Count == 0 ? "none" : string.Join(", ", configured));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
