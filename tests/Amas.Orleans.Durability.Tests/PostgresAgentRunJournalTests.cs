using Amas.Orleans.Agents;
using Amas.Orleans.Agents.Journal;
using Amas.Orleans.Silo.Migrations;
using Amas.Orleans.Silo.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Amas.Orleans.Durability.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresAgentRunJournalTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static AgentRunRecord Run(Guid task, string agent, int start, AgentRunStatus status, int endedAfterSeconds) => new()
    {
        TaskId = task,
        Agent = agent,
        Start = start,
        Silo = $"127.0.0.1:1111{start}@1",
        Status = status,
        Findings = start * 3,
        StartedAt = T0,
        EndedAt = T0.AddSeconds(endedAfterSeconds),
    };

    private async Task<PostgresAgentRunJournal> NewJournalAsync()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).RunAsync();
        return new PostgresAgentRunJournal(NpgsqlDataSource.Create(database));
    }

    [Fact]
    public async Task Every_run_of_a_task_is_kept_in_the_order_it_ended_with_each_status_as_the_api_names_it()
    {
        var journal = await NewJournalAsync();
        var task = Guid.NewGuid();
        var other = Guid.NewGuid();
        var runs = Enum.GetValues<AgentRunStatus>().Select((status, i) => Run(task, "security-scanner", i + 1, status, 10 - i)).ToArray();
        foreach (var run in runs.Append(Run(other, "security-scanner", 1, AgentRunStatus.Succeeded, 1)))
        {
            await journal.RecordAsync(run, CancellationToken.None);
        }

        var read = await journal.RunsOfAsync(task, CancellationToken.None);

        Assert.Equal(runs.OrderBy(run => run.EndedAt), read);
        Assert.Equal("timed_out", PostgresAgentRunJournal.StatusName(AgentRunStatus.TimedOut));
    }

    [Fact]
    public async Task Purging_a_task_removes_its_runs_and_only_its_runs()
    {
        var journal = await NewJournalAsync();
        var purged = Guid.NewGuid();
        var kept = Guid.NewGuid();
        await journal.RecordAsync(Run(purged, "docker-monitor", 1, AgentRunStatus.Succeeded, 1), CancellationToken.None);
        await journal.RecordAsync(Run(purged, "docker-monitor", 2, AgentRunStatus.Succeeded, 2), CancellationToken.None);
        await journal.RecordAsync(Run(kept, "docker-monitor", 1, AgentRunStatus.Failed, 3), CancellationToken.None);

        await journal.PurgeAsync(purged, CancellationToken.None);

        Assert.Empty(await journal.RunsOfAsync(purged, CancellationToken.None));
        Assert.Equal([Run(kept, "docker-monitor", 1, AgentRunStatus.Failed, 3)], await journal.RunsOfAsync(kept, CancellationToken.None));
    }
}
