using Amas.Orleans.Silo.Migrations;
using Amas.Orleans.Testing.Servers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Amas.Orleans.Gateway.Security.Tests;

/// <summary>
/// The secured gateway with its keys and audit log in a real PostgreSQL (a throwaway server on a free loopback
/// port), migrated as <c>silo migrate</c> does.
/// </summary>
public sealed class PostgresGateway : SecuredGateway
{
    private PostgresServer? _server;

    public string ConnectionString { get; private set; } = "";

    protected override IEnumerable<string> Settings =>
    [
        "--Amas:Security:Store=postgres",
        $"--Amas:Postgres:ConnectionString={ConnectionString}",
        "--Amas:Security:RateLimit:PermitLimit=100000",
    ];

    protected override async Task BeforeStartAsync()
    {
        _server = await PostgresServer.StartAsync();
        ConnectionString = await _server.CreateDatabaseAsync();
        await new MigrationRunner(ConnectionString, NullLogger<MigrationRunner>.Instance).RunAsync();
    }

    protected override async Task AfterStopAsync()
    {
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
