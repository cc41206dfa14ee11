using Orleans.Storage;

namespace Amas.Orleans.Learning;

/// <summary>
/// Grain state read on first use rather than at activation, for the cluster-wide views. With <c>[PersistentState]</c>
/// a storage outage fails the activation itself, which Orleans logs as an error each time a silo's flush knocks; read
/// here, an outage fails one call, the caller (a flush) keeps its tallies and tries again, and the outage is logged
/// once by the storage's own health watch. After a failed write the copy in memory is dropped, so a delta that was
/// not stored is never counted twice when its silo sends it again.
/// </summary>
internal sealed class LazyGrainState<T>(IGrainStorage storage, string stateName, Func<GrainId> grainId)
    where T : class, new()
{
    private GrainState<T>? _state;

    /// <summary>The state, or null when storage could not be read.</summary>
    public async Task<T?> TryGetAsync()
    {
        if (_state is null)
        {
            var state = new GrainState<T>(new T());
            try
            {
                await storage.ReadStateAsync(stateName, grainId(), state);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return null;
            }

            state.State ??= new T();
            _state = state;
        }

        return _state.State;
    }

    /// <summary>Writes the state read by <see cref="TryGetAsync"/>; false (and the copy dropped) when storage refused.</summary>
    public async Task<bool> TryWriteAsync()
    {
        if (_state is null)
        {
            return false;
        }

        try
        {
            await storage.WriteStateAsync(stateName, grainId(), _state);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _state = null;
            return false;
        }
    }
}
