using System.Collections.Concurrent;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>
/// Application grain calls received by this silo, by interface and method. The benchmark's own status polling is
/// left out (<see cref="Ignored"/>), and so are Orleans' own grains, so the count is what a task costs.
/// </summary>
public sealed class GrainCallCounter
{
    public static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "GetStatusAsync" };

    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    /// <summary>Off outside a counted batch, like <see cref="StorageCounter.Enabled"/>.</summary>
    public bool Enabled { get; set; }

    public IReadOnlyDictionary<string, long> ByMethod => new Dictionary<string, long>(_calls, StringComparer.Ordinal);

    public void Reset()
    {
        _calls.Clear();
        Interlocked.Exchange(ref _total, 0);
    }

    public void Count(string interfaceName, string method)
    {
        // Orleans' own grains (the in-memory storage grain, the dashboard's statistics) are infrastructure, not the task's calls.
        if (!Enabled || Ignored.Contains(method) || !interfaceName.StartsWith("amas", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        Interlocked.Increment(ref _total);
        _calls.AddOrUpdate($"{interfaceName}.{method}", 1, (_, n) => n + 1);
    }
}

/// <summary>Feeds <see cref="GrainCallCounter"/> from every incoming application grain call.</summary>
public sealed class GrainCallCountingFilter(GrainCallCounter counter) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        counter.Count(context.InterfaceName, context.MethodName);
        return context.Invoke();
    }
}
