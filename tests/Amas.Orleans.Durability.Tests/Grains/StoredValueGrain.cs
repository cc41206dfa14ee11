using Amas.Orleans.Hosting;

namespace Amas.Orleans.Durability.Tests.Grains;

public sealed class StoredValueGrain([PersistentState("value", StorageNames.Tasks)] IPersistentState<StoredValue> state) : Grain, IStoredValueGrain
{
    private readonly Guid _activationId = Guid.NewGuid();

    public Task SetAsync(string value)
    {
        state.State.Value = value;
        return state.WriteStateAsync();
    }

    public Task<string?> GetAsync() => Task.FromResult(state.State.Value);

    public Task ClearAsync() => state.ClearStateAsync();

    public Task<Guid> GetActivationIdAsync() => Task.FromResult(_activationId);

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
