using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Amas.Orleans.Providers.Routing;

/// <summary>One cursor per group of providers, shared by every router activation of the silo.</summary>
public sealed class RoundRobinCursors
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _cursors = new(StringComparer.Ordinal);

    /// <summary>The turn for this call: 0, 1, 2… per group.</summary>
    public long Next(string group)
    {
        var cursor = _cursors.GetOrAdd(group, _ => new StrongBox<long>(-1));
        return Interlocked.Increment(ref cursor.Value);
    }
}
