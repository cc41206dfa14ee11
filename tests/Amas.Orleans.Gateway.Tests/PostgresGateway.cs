using Amas.Orleans.Silo.Migrations;
using Amas.Orleans.Testing.Servers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Amas.Orleans.Gateway.Tests;

/// <summary>
/// The embedded gateway with PostgreSQL persistence on a throwaway server (grain state, reminders, the task index,
/// uploads), the schema applied as <c>silo migrate</c> applies it, and finished tasks purged a few seconds after they end.
/// </summary>
public sealed class PostgresGateway : EmbeddedGateway
{
    public static readonly TimeSpan FinishedTaskRetention = TimeSpan.FromSeconds(4);

    private PostgresServer? _server;

    public string Database { get; private set; } = "";

    protected override async Task<IEnumerable<string>> MoreArgumentsAsync()
    {
        _server = await PostgresServer.StartAsync();
        Database = await _server.CreateDatabaseAsync();
        await new MigrationRunner(Database, NullLogger<MigrationRunner>.Instance).RunAsync();
        return
        [
            "--Amas:Silo:Persistence=postgres",
            $"--Amas:Postgres:ConnectionString={Database}",
            $"--Amas:Retention:FinishedTasks={FinishedTaskRetention}",
            "--Amas:Retention:SweepInterval=00:00:00.500",
        ];
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresGatewayCollection : ICollectionFixture<PostgresGateway>
{
    public const string Name = "postgres gateway";
}
