using Amas.Orleans.Orchestration.Index;
using Amas.Orleans.Silo.Migrations;
using Amas.Orleans.Silo.Persistence;
using Amas.Orleans.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Amas.Orleans.Durability.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresTaskIndexTests(PostgresFixture postgres)
{
    private static TaskIndexEntry Entry(string submitter, TaskLifecycle lifecycle, DateTimeOffset created, string? silo = null) => new(
        Guid.NewGuid(), submitter, TaskKind.Orchestrate, lifecycle, TaskPriority.Normal, null, silo, null, null,
        created, created, lifecycle is TaskLifecycle.Succeeded ? created : null, created.AddHours(1));

    private async Task<PostgresTaskIndex> NewIndexAsync()
    {
        var database = await postgres.Server.CreateDatabaseAsync();
        await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).RunAsync();
        return new PostgresTaskIndex(NpgsqlDataSource.Create(database));
    }

    [Fact]
    public async Task Tasks_are_listed_per_submitter_newest_first_with_a_stable_cursor_and_filters()
    {
        var index = await NewIndexAsync();
        var t0 = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
        var mine = Enumerable.Range(0, 5).Select(i => Entry("alice", i % 2 == 0 ? TaskLifecycle.Succeeded : TaskLifecycle.Running, t0.AddMinutes(i))).ToArray();
        foreach (var entry in mine.Append(Entry("bob", TaskLifecycle.Succeeded, t0.AddMinutes(10))))
        {
            await index.RecordAsync(entry, CancellationToken.None);
        }

        var first = await index.ListAsync(new TaskListQuery { Submitter = "alice", Limit = 3 }, CancellationToken.None);
        var last = first[^1];
        var second = await index.ListAsync(new TaskListQuery { Submitter = "alice", Limit = 3, After = new TaskListCursor(last.CreatedAt, last.TaskId) }, CancellationToken.None);
        var succeeded = await index.ListAsync(new TaskListQuery { Submitter = "alice", Lifecycle = TaskLifecycle.Succeeded, Limit = 10 }, CancellationToken.None);

        Assert.Equal(mine.Reverse().Select(e => e.TaskId), first.Concat(second).Select(e => e.TaskId));
        Assert.Equal(3, succeeded.Count);
        Assert.All(succeeded, e => Assert.Equal(TaskLifecycle.Succeeded, e.Lifecycle));
    }

    [Fact]
    public async Task Unfinished_tasks_of_given_silos_are_found_and_an_update_moves_a_task()
    {
        var index = await NewIndexAsync();
        var now = DateTimeOffset.UtcNow;
        var running = Entry("alice", TaskLifecycle.Running, now, silo: "dead");
        var done = Entry("alice", TaskLifecycle.Succeeded, now, silo: "dead");
        var elsewhere = Entry("alice", TaskLifecycle.Running, now, silo: "alive");
        foreach (var entry in new[] { running, done, elsewhere })
        {
            await index.RecordAsync(entry, CancellationToken.None);
        }

        Assert.Equal([running.TaskId], await index.UnfinishedOnAsync(["dead"], CancellationToken.None));

        await index.RecordAsync(running with { Silo = "alive" }, CancellationToken.None);
        Assert.Empty(await index.UnfinishedOnAsync(["dead"], CancellationToken.None));
    }
}
