using Amas.Orleans.Hosting;
using Amas.Orleans.Testing.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Amas.Orleans.Providers.Tests.Cluster;

/// <summary>
/// One silo in this process with the providers registered as production registers them, every provider pointed at
/// the fake server. Each test uses its own providers (a group), so tests sharing the cluster do not share health.
/// </summary>
public abstract class ProviderCluster : IAsyncLifetime
{
    public const string TestKey = "test-key-not-a-secret";

    private InProcessTestCluster? _cluster;
    private FakeProviderServer? _server;

    public FakeProviderServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("Not deployed.");

    public IClusterClient Client => Cluster.Client;

    public IProviderRouterGrain Router => Client.GetGrain<IProviderRouterGrain>(0);

    public IProviderGrain Provider(string id) => Client.GetGrain<IProviderGrain>(id);

    /// <summary>Providers of this cluster: id, priority and, optionally, timeout and base URL.</summary>
    protected abstract IEnumerable<(string Id, int Priority, string? Timeout, string? BaseUrl)> Providers { get; }

    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public Task<GenerateResponse> GenerateAsync(string prompt, params string[] providers)
        => Router.GenerateAsync(new GenerateRequest { Prompt = prompt, Providers = providers });

    public async Task InitializeAsync()
    {
        _server = await FakeProviderServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            // A built-in provider without a key, pointed at the fake server: it must never be called.
            ["Amas:Providers:Deployments:deepseek:BaseUrl"] = _server.BaseUrlFor("deepseek"),
        };
        foreach (var (id, priority, timeout, baseUrl) in Providers)
        {
            var row = $"Amas:Providers:Custom:{id}:";
            settings[row + "BaseUrl"] = baseUrl ?? _server.BaseUrlFor(id);
            settings[row + "Model"] = $"{id}-model";
            settings[row + "Priority"] = priority.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings[row + "ApiKey"] = TestKey;
            settings[row + "Timeout"] = timeout ?? "00:00:30";
        }

        Configure(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            // The AI budgets' grain state, and the reminders with which a caller's day deletes itself.
            silo.AddMemoryGrainStorage(StorageNames.Tasks);
            silo.UseInMemoryReminderService();
            ConfigureServices(silo.Services);
            silo.Services.AddAmasProviders(configuration);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
