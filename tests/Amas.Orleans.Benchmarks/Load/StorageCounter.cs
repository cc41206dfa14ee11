using System.Collections.Concurrent;
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

    public long Writes => Interlocked.Read(ref _writes);

    public long Bytes => Interlocked.Read(ref _bytes);

    public long Unchanged => Interlocked.Read(ref _unchanged);

    public long Reads => Interlocked.Read(ref _reads);

    public long Clears => Interlocked.Read(ref _clears);

    public IReadOnlyDictionary<string, long> WritesByState => new Dictionary<string, long>(_writesByState, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> UnchangedByState => new Dictionary<string, long>(_unchangedByState, StringComparer.Ordinal);

    /// <summary>Where the unchanged writes came from: the application methods on the stack when the write was made.</summary>
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

    public void Read() => Interlocked.Increment(ref _reads);

    public void Cleared() => Interlocked.Increment(ref _clears);

    public void Written<T>(string provider, string stateName, GrainId grainId, T state)
    {
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
            _unchangedFrom.AddOrUpdate(Origin(), 1, (_, n) => n + 1);
        }

        _last[key] = bytes;
    }

    private static string Origin()
    {
        // The grain methods on the stack (async frames show as their state machines: <Method>d__N.MoveNext).
        var frames = new System.Diagnostics.StackTrace(skipFrames: 2, fNeedFileInfo: false).GetFrames()
            .Select(f => f.GetMethod())
            .Where(m => m?.DeclaringType?.FullName is { } type && type.StartsWith("Amas.Orleans.", StringComparison.Ordinal)
                && !type.StartsWith("Amas.Orleans.Benchmarks.", StringComparison.Ordinal))
            .Select(m => Name(m!))
            .Distinct()
            .Take(3);
        return string.Join(" ← ", frames);
    }

    private static string Name(System.Reflection.MethodBase method)
    {
        var type = method.DeclaringType!;
        // An async method's state machine is a nested type named <Method>d__N inside its class.
        if (type.Name.StartsWith('<') && type.DeclaringType is { } owner)
        {
            return $"{owner.Name}.{type.Name[1..type.Name.IndexOf('>')]}";
        }

        return $"{type.Name}.{method.Name}";
    }
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
