using System.Net;
using Amas.Orleans.Gateway.Security.ApiKeys;
using Amas.Orleans.Gateway.Security.Audit;
using Amas.Orleans.Silo.Migrations;
using Amas.Orleans.Testing.Servers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Amas.Orleans.Gateway.Security.Tests;

/// <summary>What every key store and audit log must do, whichever implementation: memory or PostgreSQL.</summary>
public abstract class StoreContractTests
{
    protected abstract Task<(IApiKeyStore Keys, IAuditLog Audit)> CreateAsync();

    private static ApiKeyRecord Key(string owner, string role = "viewer", DateTimeOffset? at = null)
    {
        var key = ApiKeySecrets.NewKey();
        return new ApiKeyRecord
        {
            Id = ApiKeySecrets.NewId(),
            KeyHash = ApiKeySecrets.Hash(key),
            Hint = ApiKeySecrets.Hint(key),
            Owner = owner,
            Role = role,
            CreatedAt = at ?? DateTimeOffset.UtcNow,
            CreatedBy = "tests",
        };
    }

    [Fact]
    public async Task A_key_is_found_by_its_hash_listed_newest_first_and_revoked_once()
    {
        var (keys, _) = await CreateAsync();
        var older = Key("olive", at: DateTimeOffset.UtcNow.AddMinutes(-1));
        var newer = Key("peggy", "admin");
        await keys.AddAsync(older, CancellationToken.None);
        await keys.AddAsync(newer, CancellationToken.None);

        var found = await keys.FindByHashAsync(newer.KeyHash, CancellationToken.None);
        Assert.Equal(("peggy", "admin", newer.Id), (found!.Owner, found.Role, found.Id));
        Assert.Null(await keys.FindByHashAsync(ApiKeySecrets.Hash("nothing"), CancellationToken.None));
        Assert.Equal([newer.Id, older.Id], (await keys.ListAsync(CancellationToken.None)).Select(k => k.Id));

        var first = DateTimeOffset.UtcNow;
        Assert.Equal("admin-1", (await keys.RevokeAsync(older.Id, "admin-1", first, CancellationToken.None))?.RevokedBy);
        Assert.Equal("admin-1", (await keys.RevokeAsync(older.Id, "admin-2", first.AddMinutes(1), CancellationToken.None))?.RevokedBy);
        Assert.Null(await keys.RevokeAsync(ApiKeySecrets.NewId(), "admin-1", first, CancellationToken.None));
        var revoked = await keys.FindByHashAsync(older.KeyHash, CancellationToken.None);
        Assert.Equal("admin-1", revoked!.RevokedBy);
        Assert.Equal(first.ToUnixTimeMilliseconds(), revoked.RevokedAt!.Value.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Two_keys_with_the_same_id_or_hash_are_refused()
    {
        var (keys, _) = await CreateAsync();
        var key = Key("quinn");
        await keys.AddAsync(key, CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() => keys.AddAsync(key with { Id = ApiKeySecrets.NewId() }, CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(() => keys.AddAsync(Key("quinn") with { Id = key.Id }, CancellationToken.None));
    }

    [Fact]
    public async Task The_audit_log_keeps_every_field_and_pages_newest_first_with_filters()
    {
        var (_, audit) = await CreateAsync();
        var at = DateTimeOffset.UtcNow;
        for (var i = 0; i < 5; i++)
        {
            await audit.WriteAsync(new AuditEntry
            {
                At = at.AddSeconds(i),
                Caller = i % 2 == 0 ? "rita" : "sam",
                Action = "task.submit",
                Resource = $"/api/v1/tasks/{i}",
                Result = i == 4 ? AuditResults.Denied : AuditResults.Succeeded,
                Ip = IPAddress.Parse(i == 0 ? "2001:db8::1" : "127.0.0.1"),
                TraceId = $"trace-{i}",
                Detail = new Dictionary<string, string> { ["status"] = "202", ["n"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            }, CancellationToken.None);
        }

        var first = await audit.ReadAsync(new AuditQuery { Caller = "rita", Limit = 2 }, CancellationToken.None);
        Assert.Equal(["/api/v1/tasks/4", "/api/v1/tasks/2"], first.Items.Select(e => e.Resource));
        Assert.NotNull(first.Next);
        var second = await audit.ReadAsync(new AuditQuery { Caller = "rita", Limit = 2, Before = first.Next }, CancellationToken.None);
        var last = Assert.Single(second.Items);
        Assert.Null(second.Next);
        Assert.Equal(("rita", "task.submit", "/api/v1/tasks/0", "succeeded", "2001:db8::1", "trace-0"),
            (last.Caller, last.Action, last.Resource, last.Result, last.Ip?.ToString(), last.TraceId));
        Assert.Equal("0", last.Detail["n"]);
        Assert.Equal(at.ToUnixTimeMilliseconds(), last.At.ToUnixTimeMilliseconds());

        var denied = await audit.ReadAsync(new AuditQuery { Result = AuditResults.Denied }, CancellationToken.None);
        Assert.Equal(["/api/v1/tasks/4"], denied.Items.Select(e => e.Resource));
        Assert.Empty((await audit.ReadAsync(new AuditQuery { Action = "api_key.create" }, CancellationToken.None)).Items);
    }
}

public sealed class InMemoryStoreContractTests : StoreContractTests
{
    protected override Task<(IApiKeyStore Keys, IAuditLog Audit)> CreateAsync()
        => Task.FromResult<(IApiKeyStore, IAuditLog)>((new InMemoryApiKeyStore(), new InMemoryAuditLog(1000)));

    [Fact]
    public async Task The_in_memory_audit_log_keeps_only_the_newest_entries_up_to_its_capacity()
    {
        var audit = new InMemoryAuditLog(3);
        for (var i = 0; i < 5; i++)
        {
            await audit.WriteAsync(new AuditEntry { At = DateTimeOffset.UtcNow, Caller = "c", Action = $"a{i}", Result = AuditResults.Denied }, CancellationToken.None);
        }

        Assert.Equal(["a4", "a3", "a2"], (await audit.ReadAsync(new AuditQuery(), CancellationToken.None)).Items.Select(e => e.Action));
    }
}

[Collection(PostgresServerCollection.Name)]
public sealed class PostgresStoreContractTests(PostgresServerFixture fixture) : StoreContractTests
{
    protected override async Task<(IApiKeyStore Keys, IAuditLog Audit)> CreateAsync()
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        await new MigrationRunner(connectionString, NullLogger<MigrationRunner>.Instance).RunAsync();
        var database = new SecurityDatabase(connectionString);
        return (new PostgresApiKeyStore(database), new PostgresAuditLog(database));
    }
}

public sealed class PostgresServerFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL server has not started.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresServerCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres server";
}
