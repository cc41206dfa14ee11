using Amas.Orleans.Gateway.Security.ApiKeys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Gateway.Security.Tests;

/// <summary>Only the embedded default may start without authentication; other shapes refuse, naming what to set.</summary>
public sealed class StartupTests
{
    private static readonly string Hash = ApiKeySecrets.Hash(ApiKeySecrets.NewKey());

    [Theory]
    [InlineData("--Amas:Gateway:Cluster=client")]
    [InlineData("--Amas:Silo:Persistence=postgres")]
    public void A_gateway_that_is_not_the_embedded_default_refuses_to_start_without_authentication(string shape)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => GatewayApp.Build([shape, "--Amas:Postgres:ConnectionString=Host=127.0.0.1;Port=1"]));

        var message = string.Join(" ", exception.Failures);
        Assert.Contains("Authentication is off", message, StringComparison.Ordinal);
        Assert.Contains("Amas:Security:Enabled=true", message, StringComparison.Ordinal);
        Assert.Contains("Amas:Security:BootstrapApiKeyHash", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Amas:Security:Jwt:Issuer=https://issuer", "Amas:Security:Jwt:Audience is required")]
    [InlineData("--Amas:Security:Jwt:SigningKey=short", "at least 32 bytes")]
    [InlineData("--Amas:Security:BootstrapApiKeyHash=amas_this-is-a-key-not-a-hash", "not the key itself")]
    [InlineData("--Amas:Security:Store=redis", "Amas:Security:Store is 'redis'")]
    [InlineData("--Amas:Security:RateLimit:PermitLimit=0", "PermitLimit must be at least 1")]
    [InlineData("--Amas:Security:Limits:MaxBodyBytes=10", "MaxBodyBytes must be at least 1024")]
    public void A_bad_security_setting_stops_the_gateway_with_the_keys_name(string setting, string says)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => GatewayApp.Build(["--Amas:Security:Enabled=true", $"--Amas:Security:BootstrapApiKeyHash={Hash}", setting]));

        Assert.Contains(exception.Failures, f => f.Contains(says, StringComparison.Ordinal));
    }

    [Fact]
    public void Authentication_with_in_memory_keys_and_no_way_in_refuses_to_start()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => GatewayApp.Build(["--Amas:Security:Enabled=true"]));

        Assert.Contains(exception.Failures, f => f.Contains("nobody could ever authenticate", StringComparison.Ordinal));
    }

    [Fact]
    public void A_client_gateway_keeps_its_keys_in_postgres_and_needs_the_connection_string()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => GatewayApp.Build(
            ["--Amas:Gateway:Cluster=client", "--Amas:Security:Enabled=true", $"--Amas:Security:BootstrapApiKeyHash={Hash}"]));

        Assert.Contains(exception.Failures, f => f.Contains("Amas:Postgres:ConnectionString is required", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_gateway_with_authentication_configured_builds()
    {
        await using var app = GatewayApp.Build(
        [
            "--Amas:Gateway:Cluster=client", "--Amas:Security:Enabled=true", $"--Amas:Security:BootstrapApiKeyHash={Hash}",
            "--Amas:Postgres:ConnectionString=Host=127.0.0.1;Port=1",
        ]);

        Assert.NotNull(app);
    }

    [Fact]
    public async Task The_open_embedded_default_says_at_startup_that_authentication_is_off()
    {
        var logs = new CapturedLogs();

        // In the embedded default the silo's services are the host's, so a logger provider added there sees the gateway's log.
        await using var app = GatewayApp.Build([], silo => silo.Services.AddSingleton<ILoggerProvider>(logs));

        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Authentication is OFF", StringComparison.Ordinal)
                                         && l.Message.Contains("Do not expose", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_gateway_with_authentication_says_how_callers_authenticate()
    {
        var logs = new CapturedLogs();

        await using var app = GatewayApp.Build(
            ["--Amas:Security:Enabled=true", $"--Amas:Security:BootstrapApiKeyHash={Hash}"],
            silo => silo.Services.AddSingleton<ILoggerProvider>(logs));

        Assert.Contains(logs.Lines, l => l.Message.StartsWith("Authentication required: API keys in X-API-Key (store memory, bootstrap key configured), JWT bearer tokens off", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Message.StartsWith("Authentication is OFF", StringComparison.Ordinal));
    }
}
