using Orleans.Storage;
using Amas.Orleans.Durability.Tests.Grains;
using Amas.Orleans.Silo.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Amas.Orleans.Durability.Tests;

[Collection(PostgresCollection.Name)]
public sealed class AdoNetGrainStorageTests(PostgresFixture fixture)
{
    private async Task<string> MigratedDatabaseAsync()
    {
        var database = await fixture.Server.CreateDatabaseAsync();
        await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).RunAsync();
        return database;
    }

    [Fact]
    public async Task State_written_by_a_grain_is_read_back_by_its_next_activation_from_the_migrated_schema()
    {
        var database = await MigratedDatabaseAsync();
        await using var cluster = await PostgresCluster.StartAsync(database);
        var grain = cluster.Client.GetGrain<IStoredValueGrain>("task-1");

        await grain.SetAsync("first");
        await grain.SetAsync("second");
        var before = await grain.GetActivationIdAsync();
        await grain.DeactivateAsync();
        var value = await grain.GetAsync();
        var after = await grain.GetActivationIdAsync();

        Assert.NotEqual(before, after);
        Assert.Equal("second", value);
        Assert.Equal(2, await Sql.ScalarAsync<int>(database, "SELECT version FROM orleans_storage WHERE grain_id_extension_string = 'task-1'"));
    }

    [Fact]
    public async Task State_survives_the_whole_cluster_restarting()
    {
        var database = await MigratedDatabaseAsync();
        await using (var first = await PostgresCluster.StartAsync(database))
        {
            await first.Client.GetGrain<IStoredValueGrain>("task-2").SetAsync("kept");
        }

        await using var second = await PostgresCluster.StartAsync(database);

        Assert.Equal("kept", await second.Client.GetGrain<IStoredValueGrain>("task-2").GetAsync());
    }

    [Theory]
    [InlineData(false, 1L)]
    [InlineData(true, 0L)]
    public async Task Cleared_state_reads_back_as_default_and_can_be_written_again(bool deleteStateOnClear, long rowsAfterClear)
    {
        var database = await MigratedDatabaseAsync();
        await using var cluster = await PostgresCluster.StartAsync(database, deleteStateOnClear);
        var grain = cluster.Client.GetGrain<IStoredValueGrain>("task-3");
        await grain.SetAsync("doomed");

        await grain.ClearAsync();
        await grain.DeactivateAsync();

        Assert.Null(await grain.GetAsync());
        Assert.Equal(rowsAfterClear, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM orleans_storage"));
        await grain.SetAsync("reborn");
        await grain.DeactivateAsync();
        Assert.Equal("reborn", await grain.GetAsync());
    }

    [Fact]
    public async Task Clearing_state_that_was_never_written_leaves_no_row_and_no_error()
    {
        var database = await MigratedDatabaseAsync();
        await using var cluster = await PostgresCluster.StartAsync(database);
        var grain = cluster.Client.GetGrain<IStoredValueGrain>("task-never-written");

        await grain.ClearAsync();

        Assert.Null(await grain.GetAsync());
        Assert.Equal(0L, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM orleans_storage"));
    }

    [Fact]
    public async Task A_write_with_a_stale_version_is_rejected_as_a_conflict()
    {
        var database = await MigratedDatabaseAsync();
        await using var cluster = await PostgresCluster.StartAsync(database);
        var grain = cluster.Client.GetGrain<IStoredValueGrain>("task-4");
        await grain.SetAsync("mine");

        // Another writer (a split-brain twin) moves the row on behind this activation's back.
        await Sql.ExecuteAsync(database, "UPDATE orleans_storage SET version = version + 1");

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetAsync("stale"));
    }
}
