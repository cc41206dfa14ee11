using Amas.Orleans.Agents.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Amas.Orleans.Gateway;
using Amas.Orleans.Testing;
using Amas.Orleans.Testing.Agents;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Amas.Orleans.Gateway.Tests;

/// <summary>
/// The gateway as users start it (embedded silo, in-memory state), on free loopback ports, with the scripted
/// agents added. Tests talk to it over real HTTP. OSINT may fetch loopback pages (the tests' sites) and nothing else
/// that is not public; forensics may read files under <see cref="Root"/>; uploads are limited to
/// <see cref="MaxUploadBytes"/>.
/// </summary>
public class EmbeddedGateway : IAsyncLifetime
{
    public const int MaxUploadBytes = 256 * 1024;

    /// <summary>The product token the fixture site's robots.txt has a group for.</summary>
    public const string OsintUserAgent = "AmasOsintTest/1.0 (+https://example.invalid/bot)";

    private WebApplication? _app;

    public string Root { get; } = Directory.CreateTempSubdirectory("amas-gateway-").FullName;

    public HttpClient Http { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The embedded silo's services (the cluster client, the upload store).</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The gateway has not started.");

    /// <summary>The key every request sends when the gateway runs with authentication (any shape but the embedded default).</summary>
    protected virtual string? ApiKey => null;

    /// <summary>Who the gateway takes <see cref="Http"/>'s requests to come from.</summary>
    public virtual string Caller => Amas.Orleans.Gateway.Api.Callers.Anonymous;

    /// <summary>Whether the scripted test agents (one fails, one stalls) run beside the production ones.</summary>
    protected virtual bool WithScriptedAgents => true;

    /// <summary>Arguments a derived fixture adds (persistence, retention, …); they win over the defaults.</summary>
    protected virtual Task<IEnumerable<string>> MoreArgumentsAsync() => Task.FromResult(Enumerable.Empty<string>());

    public async Task InitializeAsync()
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Amas:Silo:SiloPort={FreePorts.Next()}",
            $"--Amas:Silo:GatewayPort={FreePorts.Next()}",
            $"--Amas:Silo:ClusterId=gateway-tests-{Guid.NewGuid():N}",
            $"--Amas:Repositories:AllowedRoots:0={Root}",
            $"--Amas:Repositories:CacheDirectory={Path.Combine(Root, ".checkouts")}",
            "--Amas:Orchestrator:DeadlineCheckInterval=00:00:00.200",
            "--Amas:Learning:FlushInterval=00:00:00.200",
            "--Amas:Osint:AllowedNetworks:0=127.0.0.0/8",
            $"--Amas:Osint:UserAgent={OsintUserAgent}",
            "--Amas:Osint:PerHostIntervalMilliseconds=0",
            $"--Amas:Forensics:AllowedRoots:0={Root}",
            $"--Amas:Uploads:MaxBytes={MaxUploadBytes}",
            "--Amas:Uploads:ChunkBytes=65536",
            $"--Amas:Uploads:ScratchDirectory={Path.Combine(Root, ".scratch")}",
            "--Logging:LogLevel:Default=Warning",
            .. await MoreArgumentsAsync(),
        ];
        _app = GatewayApp.Build(args, silo =>
        {
            if (WithScriptedAgents)
            {
                silo.Services.AddAgent<FailingAgent>();
                silo.Services.AddAgent<StallingAgent>();
            }
        });
        await _app.StartAsync();

        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (ApiKey is { } key)
        {
            Http.DefaultRequestHeaders.Add("X-API-Key", key);
        }
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(Root, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class EmbeddedGatewayCollection : ICollectionFixture<EmbeddedGateway>
{
    public const string Name = "embedded gateway";
}
