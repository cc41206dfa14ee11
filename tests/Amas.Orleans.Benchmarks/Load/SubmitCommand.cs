using System.Globalization;
using Amas.Orleans.Benchmarks.Profiling;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>
/// <c>submit [--smoke] --root REPO</c>: only the in-memory submission rows (tasks running beside, and queued), printed
/// with their profiles and written nowhere, for working on the gateway between full runs.
/// </summary>
public static class SubmitCommand
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var (tools, missing) = await DiagnosticTools.FindAsync(options.Root);
        var profiler = tools is null ? null
            : new PhaseProfiler(tools, Path.Combine(options.Root, ".amas", "bench", "profiles"), TimeSpan.FromSeconds(options.Smoke ? 2 : 10));
        GatewayFigures memory;
        await using (var host = await BenchHost.StartAsync())
        {
            memory = await GatewayBenchmark.RunAsync(options.Smoke, new GatewayUnderTest(host.Address, host.ApiKey, host.Repository, "in-memory",
                [ProfiledProcess.Self("benchmark process (gateway, embedded silo, load driver)")]), postgres: null, statusReads: false, profiler, profileAlways: true);
        }

        var queued = await GatewayBenchmark.QueuedSubmissionsAsync(options.Smoke, memory.SubmitAnchor, profiler, profileAlways: true);
        foreach (var load in new[] { memory.SubmitAnchor, memory.Submit, queued })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{load.Target}: {load.PerSecond:F0}/s ({load.PerSecond / memory.SubmitAnchor.PerSecond:P0}), p50 {load.P50:F2} ms, p99 {load.P99:F2} ms{(load.Profile is { } p ? "; " + p.Summary(load.Latencies.Count, "request") : "")}"));
        }

        foreach (var load in new[] { memory.Submit, queued })
        {
            Console.WriteLine(load.Trace is null ? $"no profile: {missing}" : ProfileMarkdown.Of(load.Trace, options.Root));
        }

        return 0;
    }
}
