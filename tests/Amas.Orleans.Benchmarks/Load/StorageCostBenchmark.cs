using System.Diagnostics;
using Amas.Orleans.Silo.Migrations;
using Amas.Orleans.Testing.Servers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>
/// What a no-op orchestrate task costs with PostgreSQL persistence and one silo: state writes and their size, SQL
/// statements, grain calls and CPU time; then gateway submissions against a bare Kestrel endpoint doing one INSERT.
/// </summary>
/// <param name="CpuSecondsPerTask">Process CPU time per task while tasks ran 8 at a time, the idle rate taken off.</param>
/// <param name="ChildCpuSecondsPerTask">CPU time of child processes per task (none since the pin reads HEAD in-process), in the same batch.</param>
public sealed record StorageCostFigures(TaskCost Cost, double SqlPerTask, IReadOnlyDictionary<string, long> Sql, int CostTasks,
    double CpuSecondsPerTask, double ChildCpuSecondsPerTask, double IdleCpuPerSecond, double TasksPerSecond, GatewayFigures? Gateway);

public static class StorageCostBenchmark
{
    public const int InFlight = 8;

    public static async Task<StorageCostFigures> RunAsync(bool smoke, bool gateway, Profiling.PhaseProfiler? profiler)
    {
        var (warmup, counted, costTasks) = smoke ? (2, 3, 8) : (10, 100, 400);
        await using var server = await PostgresServer.StartAsync();
        var database = await server.CreateDatabaseAsync("amas_bench");
        await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).RunAsync();
        using var sql = new SqlStatementCounter();
        await using var host = await BenchHost.StartAsync(database);

        Console.WriteLine($"Storage and cost (PostgreSQL, 1 silo): {warmup} warm-up, {counted} counted one at a time, {costTasks} timed {InFlight} at a time ...");
        for (var i = 0; i < warmup; i++)
        {
            await OverheadBenchmark.RunTaskAsync(host);
        }

        sql.Reset();
        sql.Enabled = true;
        var cost = await OverheadBenchmark.CountAsync(host, counted, () => OverheadBenchmark.RunTaskAsync(host));
        sql.Enabled = false;
        var sqlPerTask = (double)sql.Total / counted;
        var sqlKinds = sql.ByKind;

        // The silo's own background work (membership, reminders, dashboard) costs CPU too; measured idle, taken off.
        var idleClock = Stopwatch.StartNew();
        var idleCpu = ProcessCpu.Seconds();
        await Task.Delay(smoke ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(5));
        var idleRate = (ProcessCpu.Seconds().Own - idleCpu.Own) / idleClock.Elapsed.TotalSeconds;

        var clock = Stopwatch.StartNew();
        var cpu = ProcessCpu.Seconds();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= costTasks)
            {
                await OverheadBenchmark.RunTaskAsync(host, TimeSpan.FromMilliseconds(20));
            }
        }));
        var wall = clock.Elapsed.TotalSeconds;
        var after = ProcessCpu.Seconds();
        var cpuPerTask = (after.Own - cpu.Own - idleRate * wall) / costTasks;
        var childCpuPerTask = (after.Children - cpu.Children) / costTasks;

        GatewayFigures? submissions = null;
        if (gateway)
        {
            submissions = await GatewayBenchmark.RunAsync(smoke, host, database, statusReads: false, profiler);
        }

        return new StorageCostFigures(cost, sqlPerTask, sqlKinds, costTasks, cpuPerTask, childCpuPerTask, idleRate, costTasks / wall, submissions);
    }
}
