using System.Diagnostics;
using Amas.Orleans.Benchmarks.Profiling;
using Amas.Orleans.Benchmarks.Router;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>What one kind of task costs, counted while a batch of them ran.</summary>
/// <param name="CallsPerTask">Application grain calls received by the silo(s) per task (status polling left out).</param>
/// <param name="WritesPerTask">Grain state writes per task.</param>
/// <param name="BytesPerWrite">Mean size of a written state, serialized as the storage stores it.</param>
/// <param name="UnchangedWrites">Writes of a state equal to the same grain's previous write, in the whole batch.</param>
public sealed record TaskCost(int Tasks, double CallsPerTask, double WritesPerTask, double BytesPerWrite, long UnchangedWrites,
    double ReadsPerTask, IReadOnlyDictionary<string, long> Writes, IReadOnlyDictionary<string, long> Calls,
    IReadOnlyDictionary<string, long> UnchangedByState, IReadOnlyDictionary<string, long> UnchangedFrom)
{
    /// <summary>Agents a task ran: each is started once.</summary>
    public double AgentsPerTask => Calls.Where(c => c.Key.EndsWith("IAgentGrain.StartAsync", StringComparison.Ordinal)).Sum(c => c.Value) / (double)Tasks;
}

/// <summary>Orchestration overhead (issue 11): a no-op orchestrate task against the same grain calls and writes made directly.</summary>
/// <param name="Pin">Pinning the local target to its commit (once per task, before the first agent), timed alone.</param>
/// <param name="Trace">The dotnet-trace and dotnet-counters profile of extra no-op tasks, taken when the target is missed.</param>
public sealed record OverheadFigures(TaskCost Cost, Latencies Orchestrate, Latencies Raw, int RawCalls, int RawWrites, int RawWriteBytes, RuntimeProfile Profile,
    Latencies Pin, PhaseProfile? Trace = null)
{

    public const double Target = 1.5;

    public double Ratio => Orchestrate.P50 / Raw.P50;

    public bool TargetMet => Ratio <= Target;
}

public static class OverheadBenchmark
{
    public static readonly TimeSpan TaskLimit = TimeSpan.FromSeconds(60);

    /// <param name="profileAlways">Profile even when the target is met (the overhead command, for working on the orchestrator).</param>
    public static async Task<OverheadFigures> RunAsync(bool smoke, PhaseProfiler? profiler, bool profileAlways = false)
    {
        var (warmup, tasks) = smoke ? (3, 5) : (30, 200);
        await using var host = await BenchHost.StartAsync();
        Console.WriteLine($"Orchestration overhead: {warmup} warm-up and {tasks} measured no-op orchestrate tasks ...");
        for (var i = 0; i < warmup; i++)
        {
            await RunTaskAsync(host);
        }

        var cost = await CountAsync(host, tasks, () => RunTaskAsync(host));
        var rawCalls = (int)Math.Round(cost.CallsPerTask);
        var rawWrites = (int)Math.Round(cost.WritesPerTask);
        var rawBytes = (int)Math.Round(cost.BytesPerWrite);

        var orchestrate = new List<double>(tasks);
        var raw = new List<double>(tasks);
        for (var i = 0; i < warmup; i++)
        {
            await RawTaskAsync(host, rawCalls, rawWrites, rawBytes);
        }

        var profile = RuntimeProfile.Start();
        // Interleaved, so the load of this shared machine falls on both alike.
        for (var i = 0; i < tasks; i++)
        {
            orchestrate.Add((await RunTaskAsync(host)).TotalMilliseconds);
            raw.Add((await RawTaskAsync(host, rawCalls, rawWrites, rawBytes)).TotalMilliseconds);
        }

        var measuredProfile = profile();
        var pin = await PinCost.MeasureAsync(host, smoke ? 5 : 100);
        var figures = new OverheadFigures(cost, new Latencies("orchestrate", orchestrate), new Latencies("raw", raw), rawCalls, rawWrites, rawBytes,
            measuredProfile, pin);
        if (profiler is null || (figures.TargetMet && !profileAlways))
        {
            return figures;
        }

        // The tasks alone, one after the other as measured, so that the profile is the orchestration's.
        var trace = await profiler.ProfileAsync("the orchestration overhead (no-op orchestrate tasks one after another)", "task",
            [ProfiledProcess.Self("benchmark process (embedded silo)")], async stop =>
            {
                long done = 0;
                while (!stop.IsCancellationRequested)
                {
                    await RunTaskAsync(host);
                    done++;
                }

                return done;
            });
        return figures with { Trace = trace };
    }

    public static TaskSpec OrchestrateSpec(string repository) => new()
    {
        Kind = TaskKind.Orchestrate,
        Target = new RepositoryTarget { Path = repository },
        Submitter = "bench",
    };

    /// <summary>Runs <paramref name="tasks"/> tasks one after the other with the counters reset first; the counts per task.</summary>
    public static async Task<TaskCost> CountAsync(BenchHost host, int tasks, Func<Task<TimeSpan>> run)
    {
        host.Calls.Reset();
        host.Storage.Reset();
        host.Calls.Enabled = host.Storage.Enabled = true;
        try
        {
            for (var i = 0; i < tasks; i++)
            {
                await run();
            }
        }
        finally
        {
            host.Calls.Enabled = host.Storage.Enabled = false;
        }

        var storage = host.Storage;
        return new TaskCost(tasks, (double)host.Calls.Total / tasks, (double)storage.Writes / tasks,
            storage.Writes == 0 ? 0 : (double)storage.Bytes / storage.Writes, storage.Unchanged, (double)storage.Reads / tasks,
            storage.WritesByState, host.Calls.ByMethod, storage.UnchangedByState, storage.UnchangedFrom);
    }

    /// <summary>Submits one no-op orchestrate task inside the silo and waits for its end; the time from submission to end.</summary>
    public static async Task<TimeSpan> RunTaskAsync(BenchHost host, TimeSpan? poll = null)
    {
        var grain = host.Grains.GetGrain<ITaskOrchestratorGrain>(Guid.NewGuid());
        var started = Stopwatch.GetTimestamp();
        await grain.SubmitAsync(OrchestrateSpec(host.Repository));
        while (true)
        {
            var status = await grain.GetStatusAsync();
            if (status is { Lifecycle: TaskLifecycle.Succeeded })
            {
                return Stopwatch.GetElapsedTime(started);
            }

            if (status is { Lifecycle: TaskLifecycle.Failed or TaskLifecycle.Cancelled })
            {
                throw new InvalidOperationException($"A no-op task ended {status.Lifecycle}: {status.Error?.Message}");
            }

            if (Stopwatch.GetElapsedTime(started) > TaskLimit)
            {
                throw new TimeoutException($"A no-op task did not end within {TaskLimit}.");
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(1));
        }
    }

    /// <summary>The anchor: the task's number of grain calls, one after the other, on fresh grains, with its number of state writes spread over them.</summary>
    private static async Task<TimeSpan> RawTaskAsync(BenchHost host, int calls, int writes, int bytes)
    {
        var task = Guid.NewGuid().ToString("N");
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            // Writes spread over the calls as evenly as the counts allow; one grain per call, as every agent is its own.
            var count = (int)((long)(i + 1) * writes / calls - (long)i * writes / calls);
            await host.Grains.GetGrain<IRawWorkGrain>($"{task}/{i}").WorkAsync(bytes, count);
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
