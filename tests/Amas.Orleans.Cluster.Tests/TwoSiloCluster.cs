using Amas.Orleans.Agents.Registry;
using Amas.Orleans.Hosting;
using Amas.Orleans.Testing;
using Amas.Orleans.Testing.Agents;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Amas.Orleans.Cluster.Tests;

/// <summary>
/// Two silos in this process, configured as production configures the grains (same extension), with in-memory
/// storage and the two scripted agents added. The sample repository lives under the only allowed root.
/// </summary>
public sealed class TwoSiloCluster : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public string Root { get; } = Directory.CreateTempSubdirectory("amas-cluster-").FullName;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("Not deployed.");

    public IClusterClient Client => Cluster.Client;

    public static IConfiguration Configuration(string root) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Amas:Repositories:AllowedRoots:0"] = root,
            ["Amas:Repositories:AllowedGitSchemes:0"] = "file",
            ["Amas:Repositories:CacheDirectory"] = Path.Combine(root, ".checkouts"),
            ["Amas:Orchestrator:DeadlineCheckInterval"] = "00:00:00.200",
            ["Amas:Orchestrator:MaxConcurrentAgentRuns"] = "8",
            [$"Amas:Orchestrator:AgentTimeouts:{StallingAgent.Name}"] = "00:00:02",
            // Each silo adds its tallies to the LearningSystem and WorkflowMonitor often, and history skips early.
            ["Amas:Learning:FlushInterval"] = "00:00:00.200",
            ["Amas:Learning:MinRunsBeforeSkip"] = "2",
        })
        .Build();

    public async Task InitializeAsync()
    {
        var configuration = Configuration(Root);
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Tasks);
            silo.AddMemoryGrainStorage(StorageNames.Agents);
            silo.UseInMemoryReminderService();
            silo.AddAmasGrains(configuration);
            silo.Services.AddAgent<FailingAgent>();
            silo.Services.AddAgent<StallingAgent>();
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

        Directory.Delete(Root, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class TwoSiloClusterCollection : ICollectionFixture<TwoSiloCluster>
{
    public const string Name = "two-silo cluster";
}
