namespace Amas.Orleans.SystemTests;

/// <summary>
/// The system tests start real processes and kill them: they run one at a time, and never beside each other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalClusterCollection
{
    public const string Name = "local cluster";
}

/// <summary>A local cluster shared by the tests of one class, with an allowed root for the repositories they analyse.</summary>
public abstract class ClusterFixture(int silos) : IAsyncLifetime
{
    private LocalCluster? _cluster;

    public int Silos { get; } = silos;

    public string Root { get; } = Directory.CreateTempSubdirectory("amas-system-").FullName;

    public LocalCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public Gateway Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _cluster = await LocalCluster.StartAsync(Silos,
        [
            $"--Amas:Repositories:AllowedRoots:0={Root}",
            // One agent run at a time per silo: twenty tasks queue up and stay in flight long enough to be
            // interrupted, and two cores keep room for Orleans' membership probes.
            // The orchestrator's re-send of quiet agents keeps its default (10 s): a shorter one re-sends work to a
            // dead silo before it is declared dead, and the orchestrator takes that failed call for a failed agent.
            "--Amas:Orchestrator:MaxConcurrentAgentRuns=1",
        ]);
        Gateway = new Gateway(_cluster.GatewayUrl, _cluster.AdminKey);
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        if (_cluster is not null)
        {
            await _cluster.StopAsync();
        }

        Directory.Delete(Root, recursive: true);
    }
}

public sealed class ThreeSiloCluster() : ClusterFixture(3);

public sealed class TwoSiloCluster() : ClusterFixture(2);
