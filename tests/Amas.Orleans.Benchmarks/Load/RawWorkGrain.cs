using Amas.Orleans.Hosting;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>The overhead anchor: a plain grain call that optionally writes a state of a given size, nothing else.</summary>
public interface IRawWorkGrain : IGrainWithStringKey
{
    Task WorkAsync(int writeBytes, int writes);
}

[GenerateSerializer]
public sealed class RawWorkState
{
    [Id(0)] public byte[] Payload { get; set; } = [];

    [Id(1)] public long Version { get; set; }
}

/// <summary>Writes its state <c>writes</c> times (none: a bare call) to the same storage provider as the orchestrator.</summary>
public sealed class RawWorkGrain([PersistentState("raw", StorageNames.Tasks)] IPersistentState<RawWorkState> state) : Grain, IRawWorkGrain
{
    public async Task WorkAsync(int writeBytes, int writes)
    {
        if (state.State.Payload.Length != writeBytes)
        {
            state.State.Payload = new byte[writeBytes];
        }

        for (var i = 0; i < writes; i++)
        {
            state.State.Version++;
            await state.WriteStateAsync();
        }
    }
}
