using Amas.Orleans.Hosting;
using Amas.Orleans.Testing.Providers;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Amas.Orleans.Cluster.Tests.Fixes;

/// <summary>
/// Two silos configured as production configures the grains, with a local OSV advisory directory (one advisory,
/// written here), one AI provider on a loopback fake server, and <c>file://</c> git URLs allowed under the root, so a
/// fix branch can be analysed again as a git target.
/// </summary>
public sealed class FixPipelineCluster : IAsyncLifetime
{
    public const string ProviderId = "fixer-ai";

    private InProcessTestCluster? _cluster;
    private FakeProviderServer? _server;

    public string Root { get; } = Directory.CreateTempSubdirectory("amas-fixes-").FullName;

    public IClusterClient Client => (_cluster ?? throw new InvalidOperationException("Not deployed.")).Client;

    public FakeProviderServer Provider => _server ?? throw new InvalidOperationException("Not deployed.");

    public async Task InitializeAsync()
    {
        var advisories = Directory.CreateDirectory(Path.Combine(Root, "advisories")).FullName;
        await File.WriteAllTextAsync(Path.Combine(advisories, $"{VulnerableRepository.AdvisoryId}.json"), VulnerableRepository.Advisory);
        _server = await FakeProviderServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Amas:Repositories:AllowedRoots:0"] = Root,
            ["Amas:Repositories:AllowedGitSchemes:0"] = "file",
            ["Amas:Repositories:CacheDirectory"] = Path.Combine(Root, ".checkouts"),
            ["Amas:Orchestrator:DeadlineCheckInterval"] = "00:00:00.200",
            ["Amas:Dependencies:AdvisoryDirectory"] = advisories,
            [$"Amas:Providers:Custom:{ProviderId}:BaseUrl"] = _server.BaseUrlFor(ProviderId),
            [$"Amas:Providers:Custom:{ProviderId}:Model"] = $"{ProviderId}-model",
            [$"Amas:Providers:Custom:{ProviderId}:ApiKey"] = "test-key-not-a-secret",
        }).Build();

        var builder = new InProcessTestClusterBuilder(2);
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
