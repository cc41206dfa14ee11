using System.Diagnostics;
using Amas.Orleans.Benchmarks.Profiling;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>
/// <c>system [--smoke] --root REPO [--out FILE]</c>: the system rows of issue 11; replaces their section of the
/// report and leaves the others as they are.
/// </summary>
public static class SystemCommand
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var loadBefore = LoadAverage();
        // A row that misses its target is profiled with dotnet-trace and dotnet-counters (the repository's tool
        // manifest; run.sh restores them). Without them the rows are measured all the same and the report says why
        // no profile was taken. Smoke mode profiles for 2 s, only to keep the path from rotting.
        var (tools, missing) = await DiagnosticTools.FindAsync(options.Root);
        var profiler = tools is null ? null
            : new PhaseProfiler(tools, Path.Combine(options.Root, ".amas", "bench", "profiles"), TimeSpan.FromSeconds(options.Smoke ? 2 : 10));
        Console.WriteLine(tools is null ? $"  no profiles: {missing}" : $"  profiles with dotnet-trace {tools.TraceVersion}");
        var overhead = await OverheadBenchmark.RunAsync(options.Smoke, profiler);
        Console.WriteLine($"  orchestrate p50 {overhead.Orchestrate.P50:F2} ms vs raw p50 {overhead.Raw.P50:F2} ms: {overhead.Ratio:F2}x");

        GatewayFigures memory;
        await using (var host = await BenchHost.StartAsync())
        {
            memory = await GatewayBenchmark.RunAsync(options.Smoke, host, postgres: null, statusReads: true, profiler);
        }

        memory = memory with { Queued = await GatewayBenchmark.QueuedSubmissionsAsync(options.Smoke, memory.SubmitAnchor, profiler) };
        Console.WriteLine($"  queued submit {memory.Queued.PerSecond:F0}/s ({memory.QueuedRatio:P0})");
        Console.WriteLine($"  submit {memory.Submit.PerSecond:F0}/s vs {memory.SubmitAnchor.PerSecond:F0}/s ({memory.SubmitRatio:P0}); status {memory.Status!.PerSecond:F0}/s vs {memory.StatusAnchor!.PerSecond:F0}/s ({memory.StatusRatio:P0})");

        var storage = await StorageCostBenchmark.RunAsync(options.Smoke, gateway: true, profiler);
        Console.WriteLine($"  {storage.Cost.WritesPerTask:F1} writes/task, {storage.Cost.BytesPerWrite:F0} B/write, {storage.Cost.UnchangedWrites} unchanged; {storage.CpuSecondsPerTask * 1000:F1} ms CPU/task; PostgreSQL submit {storage.Gateway!.SubmitRatio:P0}");

        ClusterFigures? cluster = null;
        string? skipped = null;
        if (options.Smoke)
        {
            skipped = "smoke mode: the local cluster takes minutes to start; tests/Amas.Orleans.System.Tests drives it";
        }
        else
        {
            try
            {
                cluster = await ClusterBenchmark.RunAsync(options.Smoke, profiler);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or IOException)
            {
                // Reported, not hidden: the other rows stand, and the section says why these are missing.
                skipped = $"the local cluster failed: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}";
                Console.Error.WriteLine(ex);
            }
        }

        var figures = new SystemFigures(options.Smoke, overhead, memory, storage, cluster, skipped, loadBefore, LoadAverage(),
            Commit(options.Root), DateTimeOffset.UtcNow, missing);
        var command = "tests/Amas.Orleans.Benchmarks/run.sh --system-only" + (options.Smoke ? " --smoke" : "");
        var existing = File.Exists(options.Output) ? await File.ReadAllTextAsync(options.Output) : "# Benchmarks\n\n";
        Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
        await File.WriteAllTextAsync(options.Output, SystemSection.Splice(existing, SystemSection.Markdown(figures, command, options.Root), "## The tree"));
        Console.WriteLine($"Wrote the system section of {options.Output}");
        return 0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static string Commit(string root)
    {
        var start = new ProcessStartInfo("git", ["-C", root, "rev-parse", "--short=12", "HEAD"]) { RedirectStandardOutput = true };
        using var git = Process.Start(start)!;
        var commit = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return git.ExitCode == 0 ? commit : "unknown";
    }
}
