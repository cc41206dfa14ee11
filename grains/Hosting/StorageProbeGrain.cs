using Amas.Orleans.Health;
using Orleans.Concurrency;

namespace Amas.Orleans.Hosting;

/// <summary>A stateless worker, so a probe runs on the silo the caller reaches (the local one, from inside a silo).</summary>
[StatelessWorker]
internal sealed class StorageProbeGrain(IStorageProbe probe, ILocalSiloDetails silo) : Grain, IStorageProbeGrain
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(4);

    public async Task<StorageProbeResult> ProbeAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var result = await probe.ProbeAsync(timeout.Token);
        return result with { Silo = silo.SiloAddress.ToParsableString() };
    }
}
