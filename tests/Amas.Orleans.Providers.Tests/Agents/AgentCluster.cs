using Amas.Orleans.Hosting;
using Amas.Orleans.Testing.Providers;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Amas.Orleans.Providers.Tests.Agents;

/// <summary>
/// A silo configured as production configures the grains (agents, orchestrator, providers), with in-memory state,
/// running real tasks on sample repositories under its own root. With a provider, one <c>custom</c> deployment
/// points at the fake server on loopback; without, no provider has a key.
/// </summary>
public abstract class AgentCluster : IAsyncLifetime
{
    public const string ProviderId = "summary-ai";

    private InProcessTestCluster? _cluster;
    private FakeProviderServer? _server;

    public string Root { get; } = Directory.CreateTempSubdirectory("amas-agents-").FullName;

    public FakeProviderServer Server => _server ?? throw new InvalidOperationException("This cluster has no provider.");

    public IClusterClient Client => (_cluster ?? throw new InvalidOperationException("Not deployed.")).Client;

    protected abstract bool WithProvider { get; }

    /// <summary>How many plan items the ImprovementAdvisor asks the provider about.</summary>
    protected virtual int AiRationales => 0;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Amas:Repositories:AllowedRoots:0"] = Root,
            ["Amas:Repositories:CacheDirectory"] = Path.Combine(Root, ".checkouts"),
            ["Amas:Orchestrator:DeadlineCheckInterval"] = "00:00:00.200",
            ["Amas:Providers:Budgets:TokensPerTask"] = "1000",
            ["Amas:Improvements:MaxAiRationales"] = AiRationales.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (WithProvider)
        {
            _server = await FakeProviderServer.StartAsync();
            settings[$"Amas:Providers:Custom:{ProviderId}:BaseUrl"] = _server.BaseUrlFor(ProviderId);
            settings[$"Amas:Providers:Custom:{ProviderId}:Model"] = $"{ProviderId}-model";
            settings[$"Amas:Providers:Custom:{ProviderId}:ApiKey"] = "test-key-not-a-secret";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Tasks);
            silo.AddMemoryGrainStorage(StorageNames.Agents);
            silo.UseInMemoryReminderService();
            silo.AddAmasGrains(configuration);
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

        Directory.Delete(Root, recursive: true);
    }
}

/// <summary>One provider; only the Reporter asks it (the ImprovementAdvisor's AI rationales are off), once per task.</summary>
public sealed class AiAgentCluster : AgentCluster
{
    protected override bool WithProvider => true;
}

/// <summary>One provider, asked by the ImprovementAdvisor for its top two items' rationales, then by the Reporter.</summary>
public sealed class AiAdvisorCluster : AgentCluster
{
    protected override bool WithProvider => true;

    protected override int AiRationales => 2;
}

public sealed class RuleAgentCluster : AgentCluster
{
    protected override bool WithProvider => false;
}

[CollectionDefinition(Name)]
public sealed class AiAgentCollection : ICollectionFixture<AiAgentCluster>
{
    public const string Name = "agents, one AI provider";
}

[CollectionDefinition(Name)]
public sealed class AiAdvisorCollection : ICollectionFixture<AiAdvisorCluster>
{
    public const string Name = "agents, one AI provider for the improvement plan";
}

[CollectionDefinition(Name)]
public sealed class RuleAgentCollection : ICollectionFixture<RuleAgentCluster>
{
    public const string Name = "agents, no AI provider";
}
