using Npgsql;

namespace Amas.Orleans.Durability.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Data_committed_before_an_immediate_stop_is_there_after_starting_again_on_the_same_port()
    {
        var server = fixture.Server;
        var database = await server.CreateDatabaseAsync();
        await Sql.ExecuteAsync(database, "CREATE TABLE survivor (id integer); INSERT INTO survivor VALUES (42);");
        var port = server.Port;

        await server.StopAsync(immediate: true);
        var noPool = new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString;
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => Sql.ScalarAsync<int>(noPool, "SELECT 1"));
        await server.StartAgainAsync();

        Assert.Equal(port, server.Port);
        Assert.Equal(42, await Sql.ScalarAsync<int>(noPool, "SELECT id FROM survivor"));
    }
}
