using Amas.Orleans.Hosting;
using Orleans.Storage;

namespace Amas.Orleans.Silo.Persistence;

/// <summary>
/// The ADO.NET grain storage with every call seen by <see cref="StorageHealth"/>, so a PostgreSQL outage is one
/// event in the log however many grains read and write during it. Lifecycle participation is passed through:
/// Orleans initialises the storage by resolving this service.
/// </summary>
internal sealed class ObservedGrainStorage(IGrainStorage inner, StorageHealth health) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => health.ObserveAsync(() => inner.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => health.ObserveAsync(() => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => health.ObserveAsync(() => inner.ClearStateAsync(stateName, grainId, grainState));

    public void Participate(ISiloLifecycle observer) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(observer);
}
