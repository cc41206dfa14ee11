using System.Globalization;
using Amas.Orleans.Benchmarks.Profiling;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>
/// <c>overhead [--smoke] --root REPO</c>: only the orchestration overhead row, printed with its profile and written
/// nowhere, for working on the orchestrator between full runs.
/// </summary>
public static class OverheadCommand
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var (tools, missing) = await DiagnosticTools.FindAsync(options.Root);
        var profiler = tools is null ? null
            : new PhaseProfiler(tools, Path.Combine(options.Root, ".amas", "bench", "profiles"), TimeSpan.FromSeconds(options.Smoke ? 2 : 10));
        var o = await OverheadBenchmark.RunAsync(options.Smoke, profiler, profileAlways: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"orchestrate p50 {o.Orchestrate.P50:F2} ms p99 {o.Orchestrate.P99:F2} ms; raw ({o.RawCalls} calls, {o.RawWrites} writes) p50 {o.Raw.P50:F2} ms; ratio {o.Ratio:F2}x; pin p50 {o.Pin.P50:F2} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per task: {o.Cost.CallsPerTask:F1} calls, {o.Cost.WritesPerTask:F1} writes, {o.Cost.ReadsPerTask:F1} reads; {string.Join(", ", o.Cost.Calls.OrderByDescending(c => c.Value).Select(c => $"{c.Key.Split('.')[^2]}.{c.Key.Split('.')[^1]} {(double)c.Value / o.Cost.Tasks:F1}"))}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"writes: {string.Join(", ", o.Cost.Writes.Select(w => $"{w.Key} {(double)w.Value / o.Cost.Tasks:F1}"))}"));
        Console.WriteLine(o.Trace is null ? $"no profile: {missing}" : ProfileMarkdown.Of(o.Trace, options.Root));
        return 0;
    }
}
