using System.Net.Http.Json;
using System.Text.Json;
using Amas.Orleans.Agents.Registry;
using Amas.Orleans.Gateway.Security.ApiKeys;
using Amas.Orleans.Testing;
using Amas.Orleans.Testing.Agents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Amas.Orleans.Gateway.Security.Tests;

/// <summary>
/// The gateway with authentication on, as an operator would start it (embedded silo here, so no cluster is needed),
/// on free loopback ports. The bootstrap admin key is made fresh for each run and only its hash is configured;
/// JWTs are signed with a key made the same way. Tests reach it over real HTTP.
/// </summary>
public class SecuredGateway : IAsyncLifetime
{
    public const string JwtIssuer = "https://issuer.amas.test";
    public const string JwtAudience = "amas-gateway";

    private WebApplication? _app;

    public string Root { get; } = Directory.CreateTempSubdirectory("amas-security-").FullName;

    public string BootstrapKey { get; } = ApiKeySecrets.NewKey();

    public string JwtSigningKey { get; } = ApiKeySecrets.NewKey();

    public Uri BaseAddress { get; private set; } = null!;

    public WebApplication App => _app ?? throw new InvalidOperationException("The gateway has not started.");

    /// <summary>
    /// Keys made at start: viewer, operator and admin for alice; operator for bob and for mallory (the attacker); admin
    /// for auditor, who reads the audit log in the tests (a caller of its own, so no test's rate limit touches it).
    /// </summary>
    public Dictionary<string, string> Keys { get; } = [];

    /// <summary>Settings on top of the common ones (stores, limits).</summary>
    protected virtual IEnumerable<string> Settings => ["--Amas:Security:RateLimit:PermitLimit=100000"];

    public async Task InitializeAsync()
    {
        await BeforeStartAsync();
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Amas:Silo:SiloPort={FreePorts.Next()}",
            $"--Amas:Silo:GatewayPort={FreePorts.Next()}",
            $"--Amas:Silo:ClusterId=security-tests-{Guid.NewGuid():N}",
            $"--Amas:Repositories:AllowedRoots:0={Root}",
            $"--Amas:Repositories:CacheDirectory={Path.Combine(Root, ".checkouts")}",
            "--Amas:Repositories:AllowedGitSchemes:0=https",
            "--Amas:Repositories:AllowedGitSchemes:1=file",
            "--Amas:Security:Enabled=true",
            $"--Amas:Security:BootstrapApiKeyHash={ApiKeySecrets.Hash(BootstrapKey)}",
            $"--Amas:Security:Jwt:Issuer={JwtIssuer}",
            $"--Amas:Security:Jwt:Audience={JwtAudience}",
            $"--Amas:Security:Jwt:SigningKey={JwtSigningKey}",
            "--Logging:LogLevel:Default=Warning",
            .. Settings,
        ];
        _app = GatewayApp.Build(args, silo =>
        {
            silo.Services.AddAgent<FailingAgent>();
            silo.Services.AddAgent<StallingAgent>();
        });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

        foreach (var (name, owner, role) in new[]
                 {
                     ("alice-viewer", "alice", "viewer"), ("alice-operator", "alice", "operator"), ("alice-admin", "alice", "admin"),
                     ("bob", "bob", "operator"), ("mallory", "mallory", "operator"), ("auditor", "auditor", "admin"),
                 })
        {
            Keys[name] = await CreateKeyAsync(owner, role);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await AfterStopAsync();
        Directory.Delete(Root, recursive: true);
    }

    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    protected virtual Task AfterStopAsync() => Task.CompletedTask;

    /// <summary>A client sending <paramref name="apiKey"/> as X-API-Key; none when null.</summary>
    public HttpClient WithKey(string? apiKey)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        }

        return http;
    }

    public HttpClient WithToken(string token)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public HttpClient Admin() => WithKey(BootstrapKey);

    public Tokens Tokens => new(JwtSigningKey, JwtIssuer, JwtAudience);

    public async Task<string> CreateKeyAsync(string owner, string role)
    {
        using var admin = Admin();
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/api-keys", new { owner, role });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Creating a key answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("key").GetString()!;
    }
}

[CollectionDefinition(Name)]
public sealed class SecuredGatewayCollection : ICollectionFixture<SecuredGateway>
{
    public const string Name = "secured gateway";
}
