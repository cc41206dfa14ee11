using Amas.Orleans.Agents;
using Amas.Orleans.Hosting;
using Amas.Orleans.Repositories;
using Amas.Orleans.Silo.Migrations;
using Amas.Orleans.Tasks;
using Amas.Orleans.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit.Abstractions;

namespace Amas.Orleans.Durability.Tests.Failover;

[Collection(PostgresCollection.Name)]
public sealed class StorageOutageTests(PostgresFixture postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const int TaskCount = 6;
    private readonly string _root = Directory.CreateTempSubdirectory("amas-outage-").FullName;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _database = await postgres.Server.CreateDatabaseAsync();
        await new MigrationRunner(_database, NullLogger<MigrationRunner>.Instance).RunAsync();
        await CountingAgent.CreateTableAsync(_database);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Tasks_wait_through_a_five_second_postgres_outage_then_finish_and_the_outage_is_logged_once_per_silo()
    {
        var logs = new CapturedLogs();
        await using var cluster = await DurableCluster.StartAsync(2, redis: null, _database, _root, "outage-" + Guid.NewGuid().ToString("N")[..8], logs);
        var repository = SampleRepository.Create(_root);
        var ids = Enumerable.Range(0, TaskCount).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var id in ids)
        {
            await cluster.Client.GetGrain<ITaskOrchestratorGrain>(id).SubmitAsync(new TaskSpec
            {
                Kind = TaskKind.Orchestrate,
                Target = new RepositoryTarget { Path = repository },
                Options = new TaskOptions { Components = ["code_quality", "documentation"] },
                Submitter = "outage-test",
            });
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        await postgres.Server.StopAsync(immediate: true);
        await Task.Delay(TimeSpan.FromSeconds(5));
        await postgres.Server.StartAgainAsync();

        var statuses = await Task.WhenAll(ids.Select(id => WaitUntilEndedAsync(cluster.Client.GetGrain<ITaskOrchestratorGrain>(id))));

        foreach (var agent in statuses.SelectMany(s => s.Layers.SelectMany(l => l.Agents)).Where(a => a.Status != AgentRunStatus.Succeeded))
        {
            output.WriteLine($"{agent.Agent} {agent.Status}: {agent.Error}");
        }

        Assert.All(statuses, s => Assert.Equal(TaskLifecycle.Succeeded, s.Lifecycle));
        Assert.All(statuses, s => Assert.All(s.Layers.SelectMany(l => l.Agents), a => Assert.Equal(AgentRunStatus.Succeeded, a.Status)));
        var completions = await CompletionsAsync();
        Assert.Equal(TaskCount * 2, completions.Count);
        Assert.All(completions, c => Assert.Equal(1, c));

        var storage = logs.Lines.Where(l => l.Category == typeof(StorageHealth).FullName).ToArray();
        foreach (var line in storage)
        {
            output.WriteLine($"{line.Level}: {line.Message}");
        }

        var started = storage.Count(l => l.Level == LogLevel.Error);
        var ended = storage.Count(l => l.Level == LogLevel.Warning);
        Assert.InRange(started, 1, 2);
        Assert.Equal(started, ended);
        // Orleans' storage provider and reminder service would log each failed call; StorageHealth speaks for them.
        var others = logs.Lines.Where(l => l.Level >= LogLevel.Error && l.Category != typeof(StorageHealth).FullName).ToArray();
        Assert.True(others.Length == 0, "Other errors were logged: " + string.Join(" | ", others.Take(5).Select(l => $"{l.Category}: {l.Message}")));
    }

    private async Task<List<long>> CompletionsAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {CountingAgent.Table} GROUP BY task_id, agent", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new List<long>();
        while (await reader.ReadAsync())
        {
            counts.Add(reader.GetInt64(0));
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
            catch (Exception ex) when (ex is TimeoutException or OrleansException)
            {
                // Storage is still coming back; ask again.
            }

            await Task.Delay(250);
        }

        var agents = last is null ? "" : string.Join("; ", last.Layers.SelectMany(l => l.Agents).Select(a => $"{a.Agent} {a.Status}"));
        throw new TimeoutException($"The task did not end: {last?.Lifecycle}; agents: {agents}");
    }
}
