using Amas.Orleans.Silo.Migrations;
using Amas.Orleans.Testing.Servers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Amas.Orleans.Durability.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MigrationRunnerTests(PostgresFixture fixture)
{
    private PostgresServer Server => fixture.Server;

    private static MigrationRunner Runner(string connectionString) => new(connectionString, NullLogger<MigrationRunner>.Instance);

    [Fact]
    public void Embedded_migrations_are_numbered_from_one_without_gaps()
    {
        var versions = MigrationCatalog.Embedded.Select(migration => migration.Version).ToList();

        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
        Assert.Equal(["orleans_persistence", "orleans_reminders", "application"], MigrationCatalog.Embedded.Take(3).Select(migration => migration.Name));
    }

    [Fact]
    public async Task Migrating_an_empty_database_applies_every_migration_and_creates_the_tables()
    {
        var database = await Server.CreateDatabaseAsync();

        var outcomes = await Runner(database).RunAsync();

        Assert.All(outcomes, outcome => Assert.Equal(MigrationAction.Applied, outcome.Action));
        Assert.Equal(MigrationCatalog.Embedded.Count, outcomes.Count);
        var tables = await Sql.ColumnAsync(database, "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
        Assert.Equal(
            ["agent_runs", "api_keys", "audit_logs", "orleans_reminders", "orleans_storage", "orleansquery", "schema_migrations", "task_index", "task_upload_chunks", "task_uploads"],
            tables);
        var rows = await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM schema_migrations WHERE length(checksum) = 64");
        Assert.Equal(MigrationCatalog.Embedded.Count, rows);
    }

    [Fact]
    public async Task The_orleans_query_table_holds_every_key_the_10_x_providers_load()
    {
        var database = await Server.CreateDatabaseAsync();
        await Runner(database).RunAsync();

        var keys = await Sql.ColumnAsync(database, "SELECT querykey FROM orleansquery ORDER BY 1");

        Assert.Equal(
            [
                "ClearStorageKey", "DeleteReminderRowKey", "DeleteReminderRowsKey", "DeleteStorageKey", "ReadFromStorageKey",
                "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "ReadReminderRowsKey", "UpsertReminderRowKey",
                "WriteToStorageKey",
            ],
            keys);
    }

    [Fact]
    public async Task The_uploads_migration_changes_nothing_when_its_script_runs_a_second_time()
    {
        var database = await Server.CreateDatabaseAsync();
        await Runner(database).RunAsync();
        var uploads = MigrationCatalog.Embedded.Single(migration => migration.Name == "uploads");
        await Sql.ExecuteAsync(database, "INSERT INTO task_uploads (upload_id, file_name) VALUES ('00000000-0000-0000-0000-000000000001', 'kept.bin')");

        await Sql.ExecuteAsync(database, uploads.Sql);

        Assert.Equal(5, uploads.Version);
        Assert.Equal(1, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM task_uploads"));
    }

    [Fact]
    public async Task A_second_run_applies_nothing_and_succeeds()
    {
        var database = await Server.CreateDatabaseAsync();
        await Runner(database).RunAsync();

        var outcomes = await Runner(database).RunAsync();

        Assert.All(outcomes, outcome => Assert.Equal(MigrationAction.Skipped, outcome.Action));
        Assert.Equal(MigrationCatalog.Embedded.Count, outcomes.Count);
    }

    [Fact]
    public async Task Two_concurrent_runs_both_succeed_and_apply_each_migration_once()
    {
        var database = await Server.CreateDatabaseAsync();

        var runs = await Task.WhenAll(Runner(database).RunAsync(), Runner(database).RunAsync());

        foreach (var migration in MigrationCatalog.Embedded)
        {
            var actions = runs.Select(run => run.Single(outcome => outcome.Version == migration.Version).Action).ToList();
            Assert.Single(actions, MigrationAction.Applied);
            Assert.Single(actions, MigrationAction.Skipped);
        }

        var rows = await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM schema_migrations");
        Assert.Equal(MigrationCatalog.Embedded.Count, rows);
    }

    [Fact]
    public async Task A_changed_script_of_an_applied_migration_is_reported_with_its_version_and_nothing_more_is_applied()
    {
        var database = await Server.CreateDatabaseAsync();
        var original = MigrationCatalog.Embedded.Take(2).ToList();
        await new MigrationRunner(database, original, NullLogger<MigrationRunner>.Instance).RunAsync();
        var tampered = new List<Migration>
        {
            original[0],
            MigrationCatalog.Create(original[1].Version, original[1].Name, original[1].Sql + "\n-- edited after release\n"),
            MigrationCatalog.Embedded[2],
        };

        var error = await Assert.ThrowsAsync<MigrationChecksumMismatchException>(
            () => new MigrationRunner(database, tampered, NullLogger<MigrationRunner>.Instance).RunAsync());

        Assert.Equal(2, error.Version);
        Assert.Contains("0002_orleans_reminders", error.Message, StringComparison.Ordinal);
        Assert.Equal(original[1].Checksum, error.AppliedChecksum);
        var taskIndex = await Sql.ScalarAsync<string>(database, "SELECT to_regclass('task_index')::text");
        Assert.Null(taskIndex);
    }

    [Fact]
    public async Task A_checksum_changed_in_the_database_is_reported()
    {
        var database = await Server.CreateDatabaseAsync();
        await Runner(database).RunAsync();
        await Sql.ExecuteAsync(database, "UPDATE schema_migrations SET checksum = repeat('0', 64) WHERE version = 1");

        var error = await Assert.ThrowsAsync<MigrationChecksumMismatchException>(() => Runner(database).RunAsync());

        Assert.Equal(1, error.Version);
        Assert.Equal(new string('0', 64), error.AppliedChecksum);
    }

    [Fact]
    public async Task A_failing_migration_leaves_nothing_of_itself_and_keeps_the_earlier_ones()
    {
        var database = await Server.CreateDatabaseAsync();
        var migrations = new List<Migration>
        {
            MigrationCatalog.Create(1, "first", "CREATE TABLE first_table (id integer);"),
            MigrationCatalog.Create(2, "broken", "CREATE TABLE second_table (id integer); SELECT * FROM no_such_table;"),
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new MigrationRunner(database, migrations, NullLogger<MigrationRunner>.Instance).RunAsync());

        Assert.Contains("0002_broken", error.Message, StringComparison.Ordinal);
        Assert.Equal("first_table", await Sql.ScalarAsync<string>(database, "SELECT to_regclass('first_table')::text"));
        Assert.Null(await Sql.ScalarAsync<string>(database, "SELECT to_regclass('second_table')::text"));
        Assert.Equal(1L, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM schema_migrations"));
    }
}
