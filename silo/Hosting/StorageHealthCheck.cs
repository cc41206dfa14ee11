using Amas.Orleans.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Amas.Orleans.Silo.Hosting;

/// <summary>Ready when a silo of the cluster reaches its grain storage (PostgreSQL answers <c>SELECT 1</c>).</summary>
public sealed class StorageHealthCheck(IGrainFactory grains) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var probe = await grains.GetGrain<IStorageProbeGrain>(0).ProbeAsync().WaitAsync(Timeout, cancellationToken);
            var data = new Dictionary<string, object> { ["storage"] = probe.Storage, ["silo"] = probe.Silo ?? "" };
            return probe.Reachable
                ? HealthCheckResult.Healthy(probe.Detail, data)
                : HealthCheckResult.Unhealthy(probe.Detail, data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("No silo answered the storage probe.", ex);
        }
    }
}
