namespace Amas.Orleans.Health;

/// <summary>
/// Asks a silo whether it reaches the grain storage it writes to, for readiness: a gateway in client mode has no
/// connection of its own to the database, so it asks the cluster.
/// </summary>
[Alias("amas.IStorageProbeGrain")]
public interface IStorageProbeGrain : IGrainWithIntegerKey
{
    [Alias("Probe")]
    Task<StorageProbeResult> ProbeAsync();
}
