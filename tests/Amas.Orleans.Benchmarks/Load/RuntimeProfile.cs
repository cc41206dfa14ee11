using System.Diagnostics;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>
/// The System.Runtime counters that dotnet-counters would show, read in-process over one measured phase: CPU,
/// garbage collections, allocation, lock contention, thread-pool threads and queue. dotnet-counters is not a
/// dependency of the repository, so a row that misses its target is explained with these.
/// </summary>
public sealed record RuntimeProfile(double WallSeconds, double CpuSeconds, int Gen0, int Gen1, int Gen2, long AllocatedBytes,
    long LockContentions, int ThreadPoolThreads, long CompletedWorkItems)
{
    public double CpuUtilisation => CpuSeconds / WallSeconds / Environment.ProcessorCount;

    public static Func<RuntimeProfile> Start()
    {
        var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var cpu = process.TotalProcessorTime;
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetTotalAllocatedBytes();
        var locks = Monitor.LockContentionCount;
        var items = ThreadPool.CompletedWorkItemCount;
        return () =>
        {
            process.Refresh();
            return new RuntimeProfile(clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds,
                GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2,
                GC.GetTotalAllocatedBytes() - allocated, Monitor.LockContentionCount - locks, ThreadPool.ThreadCount,
                ThreadPool.CompletedWorkItemCount - items);
        };
    }

    public string Summary(double operations, string unit) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{WallSeconds:F1} s wall, CPU {CpuSeconds:F1} s ({CpuUtilisation:P0} of {Environment.ProcessorCount} cores), " +
        $"GC gen0/1/2 {Gen0}/{Gen1}/{Gen2}, {AllocatedBytes / operations / 1024:F1} KiB allocated per {unit}, " +
        $"{LockContentions / operations:F2} lock contentions per {unit}, {CompletedWorkItems / operations:F1} thread-pool work items per {unit}, {ThreadPoolThreads} pool threads");
}
