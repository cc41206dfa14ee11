using Amas.Orleans.Gateway.Security.ApiKeys;
using Amas.Orleans.Gateway.Security.Authentication;
using Amas.Orleans.Silo.Migrations;
using Amas.Orleans.Testing.Servers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Amas.Orleans.Gateway.Tests;

/// <summary>
/// The embedded gateway with PostgreSQL persistence on a throwaway server (grain state, reminders, the task index,
/// uploads), the schema applied as <c>silo migrate</c> applies it, and finished tasks purged ten seconds after they end (long enough to read them back on a loaded machine).
/// Beyond the embedded default authentication must be on: requests carry the bootstrap API key.
/// </summary>
public sealed class PostgresGateway : EmbeddedGateway
{
    public const int MaxUploadBytesHere = 4 * 1024 * 1024;

    public static readonly TimeSpan FinishedTaskRetention = TimeSpan.FromSeconds(10);

    private readonly string _bootstrapKey = ApiKeySecrets.NewKey();

    private PostgresServer? _server;

    public string Database { get; private set; } = "";

    /// <summary>PostgreSQL persistence is not the embedded default, so the gateway requires authentication.</summary>
    protected override string? ApiKey => _bootstrapKey;

    /// <summary>The bootstrap key's caller, from which retried uploads derive their ids.</summary>
    public override string Caller => ApiKeyAuthenticationHandler.BootstrapCaller;

    protected override async Task<IEnumerable<string>> MoreArgumentsAsync()
    {
        _server = await PostgresServer.StartAsync();
        Database = await _server.CreateDatabaseAsync();
        await new MigrationRunner(Database, NullLogger<MigrationRunner>.Instance).RunAsync();
        return
        [
            "--Amas:Silo:Persistence=postgres",
            "--Amas:Security:Enabled=true",
            $"--Amas:Security:BootstrapApiKeyHash={ApiKeySecrets.Hash(_bootstrapKey)}",
            $"--Amas:Postgres:ConnectionString={Database}",
            $"--Amas:Retention:FinishedTasks={FinishedTaskRetention}",
            "--Amas:Retention:SweepInterval=00:00:00.500",
            // Above the gateway-wide body cap (1 MiB): an upload is let through up to its own limit.
            $"--Amas:Uploads:MaxBytes={MaxUploadBytesHere}",
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
