using System.Text.Json;

namespace Amas.Orleans.Benchmarks.Profiling;

/// <summary>
/// The System.Runtime counters dotnet-counters wrote (JSON, one reading a second) over a profiled phase, as means
/// per second and, given the phase's operations per second, per operation.
/// </summary>
public sealed record CounterSummary(int Readings, double CpuCores, double AllocatedBytesPerSecond, double Gen0, double Gen1, double Gen2,
    double GcPauseSecondsPerSecond, double WorkItemsPerSecond, double LockContentionsPerSecond,
    IReadOnlyDictionary<string, double> ExceptionsPerSecond)
{
    public static CounterSummary Read(string json)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var readings = new Dictionary<string, List<(string Tags, double Value)>>(StringComparer.Ordinal);
        foreach (var e in document.RootElement.GetProperty("Events").EnumerateArray())
        {
            var name = e.GetProperty("name").GetString() ?? "";
            // "dotnet.gc.collections ({collection} / 1 sec)": the name without its unit.
            var plain = name.Split(' ')[0];
            var value = e.GetProperty("value").ValueKind == JsonValueKind.Number ? e.GetProperty("value").GetDouble() : 0;
            if (!readings.TryGetValue(plain, out var list))
            {
                readings[plain] = list = [];
            }

            list.Add((e.GetProperty("tags").GetString() ?? "", value));
        }

        IEnumerable<(string Tags, double Value)> Of(string name) => readings.GetValueOrDefault(name) ?? [];
        double Mean(string name) => Of(name).Select(r => r.Value).DefaultIfEmpty(0).Average();
        // Rates carry one reading per interval (per tag value); the count of intervals is that of an untagged rate.
        var intervals = Math.Max(1, Of("dotnet.thread_pool.work_item.count").Count());
        double Sum(string name, string tags) => Of(name).Where(r => r.Tags == tags).Sum(r => r.Value);
        return new CounterSummary(
            intervals,
            Of("dotnet.process.cpu.time").Sum(r => r.Value) / intervals,
            Mean("dotnet.gc.heap.total_allocated"),
            Sum("dotnet.gc.collections", "gc.heap.generation=gen0"),
            Sum("dotnet.gc.collections", "gc.heap.generation=gen1"),
            Sum("dotnet.gc.collections", "gc.heap.generation=gen2"),
            Of("dotnet.gc.pause.time").Sum(r => r.Value) / intervals,
            Mean("dotnet.thread_pool.work_item.count"),
            Mean("dotnet.monitor.lock_contentions"),
            Of("dotnet.exceptions").GroupBy(r => r.Tags.Replace("error.type=", "", StringComparison.Ordinal), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(r => r.Value) / intervals, StringComparer.Ordinal));
    }

    /// <summary>One line for the report; per-operation figures when the phase's operation rate is known.</summary>
    public string Line(double operationsPerSecond, string unit)
    {
        var per = Math.Max(operationsPerSecond, 1e-9);
        var exceptions = ExceptionsPerSecond.Values.Sum();
        var exceptionKinds = exceptions > 0
            ? " (" + string.Join(", ", ExceptionsPerSecond.OrderByDescending(x => x.Value).Take(3).Select(x => FormattableString.Invariant($"{x.Key} {x.Value:F1}"))) + ")"
            : "";
        return string.Join("; ",
            FormattableString.Invariant($"CPU {CpuCores:F2} of {Environment.ProcessorCount} cores"),
            FormattableString.Invariant($"{AllocatedBytesPerSecond / 1048576:F0} MiB/s allocated ({AllocatedBytesPerSecond / per / 1024:F0} KiB per {unit})"),
            FormattableString.Invariant($"GC gen0/1/2 {Gen0:F0}/{Gen1:F0}/{Gen2:F0} in {Readings} s, {GcPauseSecondsPerSecond:P0} of the time paused"),
            FormattableString.Invariant($"{WorkItemsPerSecond:F0} thread-pool work items/s ({WorkItemsPerSecond / per:F1} per {unit})"),
            FormattableString.Invariant($"{LockContentionsPerSecond:F1} lock contentions/s"),
            FormattableString.Invariant($"{exceptions:F1} exceptions/s{exceptionKinds}"));
    }
}
