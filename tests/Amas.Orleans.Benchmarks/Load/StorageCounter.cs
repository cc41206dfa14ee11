using System.Collections.Concurrent;
using Amas.Orleans.Agents;
using Amas.Orleans.Orchestration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>
/// Grain state writes as the storage provider receives them: how many, per state name, the size of each state as
/// Orleans' serializer writes it (the silo stores exactly that with PostgreSQL), and how many wrote a state equal,
/// byte for byte, to the one the same grain wrote before (a write of unchanged state).
/// </summary>
public sealed class StorageCounter(Serializer serializer)
{
    private readonly ConcurrentDictionary<string, byte[]> _last = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _writesByState = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _unchangedByState = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _unchangedFrom = new(StringComparer.Ordinal);
    private long _writes, _bytes, _unchanged, _reads, _clears;

    /// <summary>
    /// Off outside a counted batch: serialising every written state to compare it is the benchmark's cost, not the
    /// system's, and must not fall on a measured latency or throughput.
    /// </summary>
    public bool Enabled { get; set; }

    public long Writes => Interlocked.Read(ref _writes);

    public long Bytes => Interlocked.Read(ref _bytes);

    public long Unchanged => Interlocked.Read(ref _unchanged);

    public long Reads => Interlocked.Read(ref _reads);

    public long Clears => Interlocked.Read(ref _clears);

    public IReadOnlyDictionary<string, long> WritesByState => new Dictionary<string, long>(_writesByState, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> UnchangedByState => new Dictionary<string, long>(_unchangedByState, StringComparer.Ordinal);

    /// <summary>The unchanged writes by what they stored (for the orchestrator: its lifecycle and its agents' progress).</summary>
    public IReadOnlyDictionary<string, long> UnchangedFrom => new Dictionary<string, long>(_unchangedFrom, StringComparer.Ordinal);

    public void Reset()
    {
        _last.Clear();
        _unchangedFrom.Clear();
        _unchangedByState.Clear();
        _writesByState.Clear();
        Interlocked.Exchange(ref _writes, 0);
        Interlocked.Exchange(ref _bytes, 0);
        Interlocked.Exchange(ref _unchanged, 0);
        Interlocked.Exchange(ref _reads, 0);
        Interlocked.Exchange(ref _clears, 0);
    }

    public void Read()
    {
        if (Enabled)
        {
            Interlocked.Increment(ref _reads);
        }
    }

    public void Cleared()
    {
        if (Enabled)
        {
            Interlocked.Increment(ref _clears);
        }
    }

    public void Written<T>(string provider, string stateName, GrainId grainId, T state)
    {
        if (!Enabled)
        {
            return;
        }

        var bytes = serializer.SerializeToArray(state);
        Interlocked.Increment(ref _writes);
        Interlocked.Add(ref _bytes, bytes.Length);
        var kind = $"{provider}/{stateName}";
        _writesByState.AddOrUpdate(kind, 1, (_, n) => n + 1);
        var key = $"{kind}/{grainId}";
        if (_last.TryGetValue(key, out var before) && before.AsSpan().SequenceEqual(bytes))
        {
            Interlocked.Increment(ref _unchanged);
            _unchangedByState.AddOrUpdate(kind, 1, (_, n) => n + 1);
            _unchangedFrom.AddOrUpdate(Describe(state), 1, (_, n) => n + 1);
        }

        _last[key] = bytes;
    }

    /// <summary>Where in a task's life an unchanged state was written again: the orchestrator's lifecycle and its agents' progress.</summary>
    private static string Describe<T>(T state) => state switch
    {
        TaskRecord task => $"task {task.Lifecycle.ToString().ToLowerInvariant()}: {task.Agents.Count(a => a.IsTerminal)} of {task.Agents.Count()} agents ended, {task.Agents.Count(a => a.Status == AgentRunStatus.Running)} running",
        null => "(null)",
        _ => state.GetType().Name,
    };
}

/// <summary>A grain storage that tells <see cref="StorageCounter"/> about every call before passing it on.</summary>
public sealed class CountingGrainStorage(string provider, IGrainStorage inner, StorageCounter counter)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        counter.Read();
        return inner.ReadStateAsync(stateName, grainId, grainState);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        counter.Written(provider, stateName, grainId, grainState.State);
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        counter.Cleared();
        return inner.ClearStateAsync(stateName, grainId, grainState);
    }

    public void Participate(ISiloLifecycle observer) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(observer);
}
