using Amas.Orleans.Hosting;
using Amas.Orleans.Testing.Providers;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Amas.Orleans.Cluster.Tests.Fixes;

/// <summary>
/// Two silos configured as production configures the grains, with a local OSV advisory directory (one advisory,
/// written here), one AI provider on a loopback fake server, and <c>file://</c> git URLs allowed under the root, so a
/// fix branch can be analysed again as a git target. A validation command is configured: it fails on a tree holding
/// <see cref="BuildBreaker"/>.
/// </summary>
public sealed class FixPipelineCluster : IAsyncLifetime
{
    public const string ProviderId = "fixer-ai";

    /// <summary>Text that makes the configured validation command fail wherever it appears in the patched tree.</summary>
    public const string BuildBreaker = "BREAKS-THE-BUILD";

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
            // The operator's build/test step: here, a tree that mentions the marker does not "build".
            ["Amas:Fixes:ValidationCommand:Command:0"] = "sh",
            ["Amas:Fixes:ValidationCommand:Command:1"] = "-c",
            ["Amas:Fixes:ValidationCommand:Command:2"] = $"! grep -rq {BuildBreaker} .",
            ["Amas:Fixes:ValidationCommand:TimeoutSeconds"] = "60",
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
