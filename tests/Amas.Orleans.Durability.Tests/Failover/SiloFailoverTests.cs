using System.Diagnostics;
using Amas.Orleans.Agents;
using Amas.Orleans.Repositories;
using Amas.Orleans.Silo.Migrations;
using Amas.Orleans.Tasks;
using Amas.Orleans.Testing;
using Amas.Orleans.Testing.Servers;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Amas.Orleans.Durability.Tests.Failover;

[Collection(PostgresCollection.Name)]
public sealed class SiloFailoverTests(PostgresFixture postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const int TaskCount = 20;

    private readonly string _root = Directory.CreateTempSubdirectory("amas-failover-").FullName;
    private RedisServer? _redis;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _database = await postgres.Server.CreateDatabaseAsync();
        await new MigrationRunner(_database, NullLogger<MigrationRunner>.Instance).RunAsync();
        await CountingAgent.CreateTableAsync(_database);
    }

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Twenty_tasks_all_succeed_when_the_silo_hosting_most_orchestrators_is_killed_and_no_agent_completes_twice()
    {
        await using var cluster = await DurableCluster.StartAsync(3, _redis!, _database, _root, "failover-" + Guid.NewGuid().ToString("N")[..8]);
        // Membership really is in Redis: the silos wrote the cluster's table there.
        Assert.NotEqual("*0", await _redis!.SendAsync("KEYS *"));

        var repository = SampleRepository.Create(_root);
        var ids = Enumerable.Range(0, TaskCount).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var id in ids)
        {
            await cluster.Client.GetGrain<ITaskOrchestratorGrain>(id).SubmitAsync(new TaskSpec
            {
                Kind = TaskKind.Orchestrate,
                Target = new RepositoryTarget { Path = repository },
                Options = new TaskOptions { Components = ["code_quality", "documentation"] },
                Submitter = "failover-test",
            });
        }

        // Mid-run: every task is in layer 1, where the slow counter works for four seconds.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var (victim, interrupted) = await BusiestSiloAsync();
        Assert.NotEmpty(interrupted);
        var handle = cluster.Silos.Single(s => s.SiloAddress.ToParsableString() == victim);

        var clock = Stopwatch.StartNew();
        await cluster.KillSiloAsync(handle);
        var recovery = await WaitUntilMovedAsync(interrupted, victim, TimeSpan.FromSeconds(60));
        output.WriteLine($"Killed {victim} hosting {interrupted.Count} of {TaskCount} orchestrators; every interrupted task was running again on another silo after {recovery.TotalMilliseconds:F0} ms.");

        var statuses = await Task.WhenAll(ids.Select(id => WaitUntilEndedAsync(cluster.Client.GetGrain<ITaskOrchestratorGrain>(id))));
        Assert.All(statuses, s => Assert.Equal(TaskLifecycle.Succeeded, s.Lifecycle));
        Assert.All(statuses, s => Assert.All(s.Layers.SelectMany(l => l.Agents), a => Assert.Equal(AgentRunStatus.Succeeded, a.Status)));

        var completions = await CompletionsAsync();
        Assert.Equal(TaskCount * 2, completions.Count);
        Assert.All(completions, c => Assert.Equal(1, c.Value));
        Assert.Equal(ids.Length, completions.Keys.Select(k => k.Task).Distinct().Count());
    }

    /// <summary>The silo that hosts the most unfinished orchestrators, and their task ids, from the task index.</summary>
    private async Task<(string Silo, IReadOnlyList<Guid> Tasks)> BusiestSiloAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT silo, task_id FROM task_index WHERE lifecycle IN ('pending', 'running')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var bySilo = new Dictionary<string, List<Guid>>();
        while (await reader.ReadAsync())
        {
            var silo = reader.GetString(0);
            if (!bySilo.TryGetValue(silo, out var tasks))
            {
                bySilo[silo] = tasks = [];
            }

            tasks.Add(reader.GetGuid(1));
        }

        var busiest = bySilo.MaxBy(p => p.Value.Count);
        return (busiest.Key, busiest.Value);
    }

    /// <summary>Time until every interrupted task's orchestrator has recorded itself on another silo (or ended).</summary>
    private async Task<TimeSpan> WaitUntilMovedAsync(IReadOnlyList<Guid> tasks, string deadSilo, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            await using var connection = new NpgsqlConnection(_database);
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

        throw new TimeoutException($"Interrupted tasks were not running again within {within}.");
    }

    private async Task<Dictionary<(Guid Task, string Agent), long>> CompletionsAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT task_id, agent, count(*) FROM {CountingAgent.Table} GROUP BY task_id, agent", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<(Guid, string), long>();
        while (await reader.ReadAsync())
        {
            counts[(reader.GetGuid(0), reader.GetString(1))] = reader.GetInt64(2);
        }

        return counts;
    }

    private static async Task<TaskSnapshot> WaitUntilEndedAsync(ITaskOrchestratorGrain task)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        TaskSnapshot? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await task.GetStatusAsync();
                if (last?.Lifecycle is TaskLifecycle.Succeeded or TaskLifecycle.Failed or TaskLifecycle.Cancelled)
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException)
            {
                // The cluster is still settling after the kill; ask again.
            }

            await Task.Delay(250);
        }

        var agents = last is null ? "" : string.Join("; ", last.Layers.SelectMany(l => l.Agents).Select(a => $"{a.Agent} {a.Status} on {a.Silo}"));
        throw new TimeoutException($"The task did not end: {last?.Lifecycle}; agents: {agents}");
    }
}
