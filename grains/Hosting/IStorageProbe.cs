using Amas.Orleans.Health;

namespace Amas.Orleans.Hosting;

/// <summary>Reaches for this silo's grain storage. In memory unless the host registers its database's probe.</summary>
public interface IStorageProbe
{
    Task<StorageProbeResult> ProbeAsync(CancellationToken cancellationToken);
}

/// <summary>In-memory grain storage lives in the silo itself: reachable whenever the silo answers.</summary>
public sealed class MemoryStorageProbe : IStorageProbe
{
    public Task<StorageProbeResult> ProbeAsync(CancellationToken cancellationToken)
        => Task.FromResult(new StorageProbeResult { Reachable = true, Storage = "memory", Detail = "In-memory grain storage (lost when the silo stops)." });
}
