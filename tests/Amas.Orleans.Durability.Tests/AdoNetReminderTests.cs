using Amas.Orleans.Durability.Tests.Grains;
using Amas.Orleans.Silo.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Amas.Orleans.Durability.Tests;

[Collection(PostgresCollection.Name)]
public sealed class AdoNetReminderTests(PostgresFixture fixture)
{
    [Fact]
    public async Task A_registered_reminder_is_stored_in_the_table_listed_by_the_grain_and_removed_when_unregistered()
    {
        var database = await fixture.Server.CreateDatabaseAsync();
        await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).RunAsync();
        await using var cluster = await PostgresCluster.StartAsync(database);
        var grain = cluster.Client.GetGrain<IReminderHolderGrain>("task-5");

        await grain.RegisterAsync("deadline", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
        await grain.RegisterAsync("resume", TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));
        await grain.RegisterAsync("resume", TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15));

        Assert.Equal(["deadline", "resume"], await grain.ListAsync());
        Assert.Equal(["deadline", "resume"], await Sql.ColumnAsync(database, "SELECT reminder_name FROM orleans_reminders ORDER BY 1"));
        Assert.Equal(15 * 60 * 1000L, await Sql.ScalarAsync<long>(database, "SELECT period_ms FROM orleans_reminders WHERE reminder_name = 'resume'"));
        Assert.Equal(1, await Sql.ScalarAsync<int>(database, "SELECT version FROM orleans_reminders WHERE reminder_name = 'resume'"));

        await grain.UnregisterAsync("deadline");

        Assert.Equal(["resume"], await grain.ListAsync());
        Assert.Equal(["resume"], await Sql.ColumnAsync(database, "SELECT reminder_name FROM orleans_reminders ORDER BY 1"));
    }
}
