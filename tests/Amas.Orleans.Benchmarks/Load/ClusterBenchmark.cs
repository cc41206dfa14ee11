using System.Diagnostics;
using System.Globalization;
using Amas.Orleans.SystemTests;
using Amas.Orleans.Testing;
using Npgsql;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>Everything measured on the local cluster: cost per task with 1 and 3 silo processes, recovery, submissions.</summary>
public sealed record ClusterFigures(ClusterCost OneSilo, ClusterCost ThreeSilos, RecoveryFigures Recovery, GatewayFigures Submissions);

/// <summary>
/// The local cluster as <c>deploy/local/cluster.sh</c> starts it (Redis membership, PostgreSQL state, one gateway
/// process) with the real agents on the sample repository, driven as tests/Amas.Orleans.System.Tests drives it.
/// </summary>
public static class ClusterBenchmark
{
    /// <summary>cluster.sh's membership settings: a silo is declared dead after about ProbeTimeout × NumMissedProbesLimit.</summary>
    public const double ProbeTimeoutSeconds = 2;
    public const int NumMissedProbesLimit = 2;
    public const string Membership = "ProbeTimeout 2 s × NumMissedProbesLimit 2, 2 votes, as deploy/local/cluster.sh configures it";

    private const int RecoveryTasks = 20;

    public static async Task<ClusterFigures> RunAsync(bool smoke, Profiling.PhaseProfiler? profiler)
    {
        var root = Directory.CreateTempSubdirectory("amas-bench-cluster-").FullName;
        try
        {
            var small = SampleRepository.Create(Path.Combine(root, "small"));
            var large = LargeRepository(Path.Combine(root, "large"));
            var tasks = smoke ? 4 : 40;
            string[] arguments =
            [
                $"--Amas:Repositories:AllowedRoots:0={root}",
                // As the system tests run it: one agent run at a time per silo, so tasks stay in flight long enough
                // to be interrupted, and two cores keep room for the membership probes.
                "--Amas:Orchestrator:MaxConcurrentAgentRuns=1",
            ];

            ClusterCost one;
            Console.WriteLine("Local cluster, 1 silo process: starting ...");
            var cluster = await LocalCluster.StartAsync(1, arguments);
            try
            {
                one = await CostAsync(cluster, 1, small, tasks);
            }
            finally
            {
                await cluster.StopAsync();
            }

            Console.WriteLine("Local cluster, 3 silo processes: starting ...");
            cluster = await LocalCluster.StartAsync(3, arguments);
            try
            {
                var three = await CostAsync(cluster, 3, small, tasks);
                var recovery = await RecoveryAsync(cluster, large);
                for (var silo = 1; silo <= 3; silo++)
                {
                    await cluster.StartSiloAsync(silo);
                }

                // A miss is profiled in the gateway process and in one silo (the three run the same code).
                var gateway = new GatewayUnderTest(cluster.GatewayUrl, cluster.AdminKey, small, "PostgreSQL, 3 silos",
                    [new("gateway process", Pid(cluster, "gateway")), new("silo-1 process", Pid(cluster, "silo-1"))]);
                var submissions = await GatewayBenchmark.RunAsync(smoke, gateway, cluster.PostgresConnectionString, statusReads: false, profiler);
                return new ClusterFigures(one, three, recovery, submissions);
            }
            finally
            {
                await cluster.StopAsync();
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The sample repository with generated modules, so that twenty tasks stay busy for several seconds.</summary>
    private static string LargeRepository(string parent)
    {
        var repository = SampleRepository.Create(parent);
        var generated = Path.Combine(repository, "src", "generated");
        Directory.CreateDirectory(generated);
        var module = new System.Text.StringBuilder();
        for (var function = 0; function < 40; function++)
        {
            module.Append(CultureInfo.InvariantCulture,
                $"def function_{function}(a, b):\n    if a > b:\n        for k in range(a):\n            if k % 2:\n                b += k\n    return a + b\n\n");
        }

        for (var i = 0; i < 60; i++)
        {
            File.WriteAllText(Path.Combine(generated, string.Create(CultureInfo.InvariantCulture, $"module_{i}.py")), module.ToString());
        }

        return repository;
    }

    private static async Task<ClusterCost> CostAsync(LocalCluster cluster, int silos, string repository, int tasks)
    {
        var gateway = new GatewayUnderTest(cluster.GatewayUrl, cluster.AdminKey, repository, "PostgreSQL", []);
        using var http = gateway.NewClient();
        Console.WriteLine($"  cost: 3 warm-up tasks, then {tasks} tasks 4 at a time ...");
        await RunTasksAsync(http, repository, 3, 3);
        // PostgreSQL publishes a backend's table counters when it goes idle, at the latest after about 10 s; the
        // wait doubles as the measure of the processes' idle CPU (membership, reminders, dashboard), taken off below.
        var idleClock = Stopwatch.StartNew();
        var (idleSilo, idleGateway) = (SiloPids(cluster, silos).Sum(CpuSeconds), CpuSeconds(Pid(cluster, "gateway")));
        await Task.Delay(TimeSpan.FromSeconds(11));
        var rowsBefore = await RowWritesAsync(cluster.PostgresConnectionString);
        var siloCpu = SiloPids(cluster, silos).Sum(CpuSeconds);
        var gatewayCpu = CpuSeconds(Pid(cluster, "gateway"));
        var idleSeconds = idleClock.Elapsed.TotalSeconds;
        var (siloIdleRate, gatewayIdleRate) = ((siloCpu - idleSilo) / idleSeconds, (gatewayCpu - idleGateway) / idleSeconds);
        var clock = Stopwatch.StartNew();
        await RunTasksAsync(http, repository, tasks, 4);
        var seconds = clock.Elapsed.TotalSeconds;
        var siloCpuAfter = SiloPids(cluster, silos).Sum(CpuSeconds);
        var gatewayCpuAfter = CpuSeconds(Pid(cluster, "gateway"));
        await Task.Delay(TimeSpan.FromSeconds(11));
        var rowsAfter = await RowWritesAsync(cluster.PostgresConnectionString);
        return new ClusterCost(silos, tasks, (siloCpuAfter - siloCpu - siloIdleRate * seconds) / tasks,
            (gatewayCpuAfter - gatewayCpu - gatewayIdleRate * seconds) / tasks,
            (double)(rowsAfter.All - rowsBefore.All) / tasks, (double)(rowsAfter.Storage - rowsBefore.Storage) / tasks, seconds,
            siloIdleRate);
    }

    private static async Task<RecoveryFigures> RecoveryAsync(LocalCluster cluster, string repository)
    {
        var gateway = new GatewayUnderTest(cluster.GatewayUrl, cluster.AdminKey, repository, "PostgreSQL", []);
        using var http = gateway.NewClient();
        Console.WriteLine($"  recovery: {RecoveryTasks} tasks, SIGKILL of the silo holding most of them ...");
        var ids = await Task.WhenAll(Enumerable.Range(0, RecoveryTasks).Select(_ => SubmitAsync(http, repository)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var (victim, interrupted) = await BusiestSiloAsync(cluster.PostgresConnectionString, ids);
        if (interrupted.Count == 0)
        {
            return new RecoveryFigures(RecoveryTasks, 0, 0, ProbeTimeoutSeconds * NumMissedProbesLimit, Membership, "every task had ended before the kill");
        }

        var clock = Stopwatch.StartNew();
        await cluster.KillSiloAsync(cluster.SiloNumberOf(victim));
        var moved = await WaitUntilMovedAsync(cluster.PostgresConnectionString, interrupted, victim, TimeSpan.FromSeconds(120));
        Console.WriteLine($"  {interrupted.Count} interrupted tasks running again {clock.Elapsed.TotalSeconds:F1} s after the kill");
        foreach (var id in ids)
        {
            await GatewayRequests.WaitUntilEndedAsync(http, id, TimeSpan.FromMinutes(3));
        }

        return new RecoveryFigures(RecoveryTasks, interrupted.Count, moved.TotalSeconds, ProbeTimeoutSeconds * NumMissedProbesLimit, Membership);
    }

    private static async Task RunTasksAsync(HttpClient http, string repository, int tasks, int inFlight)
    {
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= tasks)
            {
                await GatewayRequests.WaitUntilEndedAsync(http, await SubmitAsync(http, repository), TimeSpan.FromMinutes(3));
            }
        }));
    }

    private static async Task<Guid> SubmitAsync(HttpClient http, string repository)
    {
        using var response = await http.PostAsync("/api/v1/tasks",
            new StringContent(GatewayRequests.Orchestrate(repository), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var body = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content);
        return body.GetProperty("task_id").GetGuid();
    }

    private static IEnumerable<int> SiloPids(LocalCluster cluster, int silos) => Enumerable.Range(1, silos).Select(k => Pid(cluster, $"silo-{k}"));

    private static int Pid(LocalCluster cluster, string name) =>
        int.Parse(File.ReadAllText(Path.Combine(cluster.StateDirectory, name + ".pid")).Trim(), CultureInfo.InvariantCulture);

    /// <summary>User and system CPU of a process and its waited-for children (git), from /proc.</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return Enumerable.Range(14, 4).Sum(n => double.Parse(fields[n - 3], CultureInfo.InvariantCulture)) / 100;
    }

    /// <summary>Rows inserted, updated and deleted so far in every user table, and in Orleans' grain storage table.</summary>
    private static async Task<(long All, long Storage)> RowWritesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint, " +
            "coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del) FILTER (WHERE relname = 'orleans_storage'), 0)::bigint FROM pg_stat_user_tables",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<(string Silo, IReadOnlyList<Guid> Tasks)> BusiestSiloAsync(string connectionString, IReadOnlyList<Guid> tasks)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT silo, task_id FROM task_index WHERE task_id = ANY(@ids) AND silo IS NOT NULL AND lifecycle IN ('pending', 'running')", connection);
        command.Parameters.AddWithValue("ids", tasks.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var bySilo = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            var silo = reader.GetString(0);
            if (!bySilo.TryGetValue(silo, out var onSilo))
            {
                bySilo[silo] = onSilo = [];
            }

            onSilo.Add(reader.GetGuid(1));
        }

        if (bySilo.Count == 0)
        {
            return ("", []);
        }

        var busiest = bySilo.MaxBy(pair => pair.Value.Count);
        return (busiest.Key, busiest.Value);
    }

    /// <summary>Time until every one of the tasks has left the dead silo: recorded on another silo, or ended.</summary>
    private static async Task<TimeSpan> WaitUntilMovedAsync(string connectionString, IReadOnlyList<Guid> tasks, string deadSilo, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM task_index WHERE task_id = ANY(@ids) AND silo = @dead AND lifecycle IN ('pending', 'running')", connection);
            command.Parameters.AddWithValue("ids", tasks.ToArray());
            command.Parameters.AddWithValue("dead", deadSilo);
            if ((long)(await command.ExecuteScalarAsync())! == 0)
            {
                return clock.Elapsed;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The tasks of {deadSilo} were not running elsewhere within {within}.");
    }
}
