using System.Net;
using Amas.Orleans.Gateway;
using Amas.Orleans.Silo.Migrations;
using Amas.Orleans.Testing;
using Amas.Orleans.Testing.Servers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Amas.Orleans.Observability.Tests;

/// <summary>Readiness follows the grain storage: a real PostgreSQL, stopped and started under a running gateway.</summary>
public sealed class PostgresReadinessTests : IAsyncLifetime
{
    private PostgresServer _postgres = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        var database = await _postgres.CreateDatabaseAsync();
        await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).RunAsync();
        _app = GatewayApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Amas:Silo:SiloPort={FreePorts.Next()}",
            $"--Amas:Silo:GatewayPort={FreePorts.Next()}",
            $"--Amas:Silo:ClusterId=readiness-{Guid.NewGuid():N}",
            "--Amas:Silo:Persistence=postgres",
            $"--Amas:Postgres:ConnectionString={database}",
            // PostgreSQL persistence is not the embedded default: the gateway requires authentication (probes need none).
            "--Amas:Security:Enabled=true",
            $"--Amas:Security:BootstrapApiKeyHash={new string('0', 64)}",
            $"--Amas:Repositories:AllowedRoots:0={Path.GetTempPath()}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task Ready_turns_503_naming_the_storage_while_PostgreSQL_is_down_and_200_when_it_is_back()
    {
        var up = await _http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        Assert.Equal("postgres", (await up.ReadJsonAsync()).GetProperty("checks").GetProperty("storage").GetProperty("data").GetProperty("storage").GetString());

        await _postgres.StopAsync();
        var down = await _http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        var report = await down.ReadJsonAsync();
        Assert.Equal("unhealthy", report.GetProperty("status").GetString());
        Assert.Equal("healthy", report.GetProperty("checks").GetProperty("cluster").GetProperty("status").GetString());
        var storage = report.GetProperty("checks").GetProperty("storage");
        Assert.Equal("unhealthy", storage.GetProperty("status").GetString());
        Assert.StartsWith("PostgreSQL did not answer", storage.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health/live")).StatusCode);

        await _postgres.StartAgainAsync();
        Assert.True(await Eventually.HoldsAsync(async () => (await _http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30)),
            "Ready did not come back with PostgreSQL.");
    }
}
