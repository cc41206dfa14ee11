using Amas.Orleans.Gateway;
using Amas.Orleans.Gateway.Security.ApiKeys;
using Amas.Orleans.Hosting;
using Amas.Orleans.Agents.Registry;
using Amas.Orleans.Testing;
using Amas.Orleans.Testing.Agents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>
/// The gateway as users start it (embedded silo, the HTTP API on a free loopback port), with every agent replaced
/// by a no-op and counters on grain calls and grain storage. In-memory state unless a PostgreSQL connection string
/// is given (then the silo's own PostgreSQL persistence, schema applied by the caller).
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchHost(WebApplication app, string root, string? apiKey)
    {
        _app = app;
        Root = root;
        ApiKey = apiKey;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    /// <summary>The allowed root tasks' repositories live under; <see cref="Repository"/> is a git work tree of one commit in it.</summary>
    public string Root { get; }

    public string Repository => Path.Combine(Root, "repo");

    public Uri Address { get; }

    /// <summary>The admin key requests must send as X-API-Key, when authentication is on (with PostgreSQL).</summary>
    public string? ApiKey { get; }

    /// <summary>A client of the HTTP API with the key, if any.</summary>
    public HttpClient NewClient(HttpMessageHandler? handler = null)
    {
        var http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = Address;
        http.Timeout = TimeSpan.FromSeconds(30);
        if (ApiKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-API-Key", ApiKey);
        }

        return http;
    }

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    public StorageCounter Storage => _app.Services.GetRequiredService<StorageCounter>();

    public GrainCallCounter Calls => _app.Services.GetRequiredService<GrainCallCounter>();

    /// <param name="holdAdmission">
    /// One running task at a time (<c>MaxRunningTasks=1</c>) and the stalling test agent registered, so that a task
    /// asking for "documentation" holds the only slot and every later submission waits in the admission queue: the
    /// submission path without the work of running tasks beside it. Queued tasks check their deadline once a minute.
    /// </param>
    public static async Task<BenchHost> StartAsync(string? postgres = null, bool holdAdmission = false)
    {
        var root = Directory.CreateTempSubdirectory("amas-bench-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "repo"));
        await File.WriteAllTextAsync(Path.Combine(root, "repo", "README.md"), "# empty\n");
        // A work tree, as targets usually are: each task pins its commit before its first agent.
        SampleRepository.CommitAll(Path.Combine(root, "repo"));
        List<string> args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Amas:Silo:SiloPort={FreePorts.Next()}",
            $"--Amas:Silo:GatewayPort={FreePorts.Next()}",
            $"--Amas:Silo:ClusterId=bench-{Guid.NewGuid():N}",
            $"--Amas:Repositories:AllowedRoots:0={root}",
            $"--Amas:Repositories:CacheDirectory={Path.Combine(root, ".checkouts")}",
            $"--Amas:Uploads:ScratchDirectory={Path.Combine(root, ".scratch")}",
            // The load driver is one caller; the per-caller limit would measure the limiter, not the gateway.
            "--Amas:Security:RateLimit:PermitLimit=100000000",
            // Shutting down with queued tasks logs every interrupted call; the figures are what this reports.
            "--Logging:LogLevel:Default=Critical",
            "--Logging:LogLevel:Orleans=Critical",
            "--Logging:LogLevel:Orleans.Runtime.Watchdog=Critical",
            "--Logging:LogLevel:Polly=Critical",
            "--Logging:LogLevel:Microsoft.AspNetCore=Critical",
        ];
        if (holdAdmission)
        {
            args.Add("--Amas:Orchestrator:MaxRunningTasks=1");
            args.Add("--Amas:Orchestrator:DeadlineCheckInterval=00:01:00");
        }

        string? key = null;
        if (postgres is not null)
        {
            // Outside the embedded default the gateway requires authentication: a bootstrap admin key, as
            // deploy/local/cluster.sh gives its gateway, sent by every request of the load driver.
            key = ApiKeySecrets.NewKey();
            args.Add("--Amas:Silo:Persistence=postgres");
            args.Add($"--Amas:Postgres:ConnectionString={postgres}");
            args.Add("--Amas:Security:Enabled=true");
            args.Add($"--Amas:Security:BootstrapApiKeyHash={ApiKeySecrets.Hash(key)}");
        }

        var app = GatewayApp.Build([.. args], silo =>
        {
            silo.Services.ReplaceAgentsWithNoOps();
            if (holdAdmission)
            {
                silo.Services.AddAgent<StallingAgent>();
            }

            silo.Services.AddSingleton<GrainCallCounter>();
            silo.AddIncomingGrainCallFilter<GrainCallCountingFilter>();
            silo.Services.AddSingleton<StorageCounter>();
            foreach (var name in new[] { StorageNames.Tasks, StorageNames.Agents })
            {
                CountWrites(silo.Services, name);
            }
        });
        await app.StartAsync();
        return new BenchHost(app, root, key);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }

    private static void CountWrites(IServiceCollection services, string name)
    {
        var original = services.Last(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, name));
        services.Remove(original);
        services.AddKeyedSingleton<IGrainStorage>(name, (sp, key) => new CountingGrainStorage(name, original switch
        {
            { KeyedImplementationFactory: { } factory } => (IGrainStorage)factory(sp, key),
            { KeyedImplementationInstance: { } instance } => (IGrainStorage)instance,
            { KeyedImplementationType: { } type } => (IGrainStorage)ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException($"The grain storage '{name}' cannot be wrapped."),
        }, sp.GetRequiredService<StorageCounter>()));
    }
}
