using Amas.Orleans.Silo.Migrations;
using Amas.Orleans.Testing.Servers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Amas.Orleans.Gateway.Tests;

/// <summary>
/// The embedded gateway with PostgreSQL persistence on a throwaway server (grain state, reminders, the task index,
/// uploads), the schema applied as <c>silo migrate</c> applies it, and finished tasks purged ten seconds after they end (long enough to read them back on a loaded machine).
/// </summary>
public sealed class PostgresGateway : EmbeddedGateway
{
    public static readonly TimeSpan FinishedTaskRetention = TimeSpan.FromSeconds(10);

    private PostgresServer? _server;

    private const string Key = "amas-postgres-gateway-test-key";

    /// <summary>Who the gateway says every request of this fixture comes from: the bootstrap key's caller.</summary>
    public const string Caller = Amas.Orleans.Gateway.Security.Authentication.ApiKeyAuthenticationHandler.BootstrapCaller;

    public string Database { get; private set; } = "";

    /// <summary>PostgreSQL persistence is not the embedded default, so the gateway requires authentication.</summary>
    protected override string? ApiKey => Key;

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
            "--Amas:Security:Enabled=true",
            $"--Amas:Security:BootstrapApiKeyHash={Amas.Orleans.Gateway.Security.ApiKeys.ApiKeySecrets.Hash(Key)}",
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
