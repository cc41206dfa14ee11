using Amas.Orleans.Agents;
using Amas.Orleans.Agents.Registry;
using Amas.Orleans.Hosting;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Amas.Orleans.Testing;
using Amas.Orleans.Testing.Agents;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Amas.Orleans.Cluster.Tests;

public sealed class RetentionTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("amas-retention-").FullName;
    private InProcessTestCluster? _cluster;

    private string Cache => Path.Combine(_root, ".checkouts");

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(TwoSiloCluster.Configuration(_root))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Amas:Retention:FinishedTasks"] = "00:00:01",
                ["Amas:Retention:Checkouts"] = "1.00:00:00",
                ["Amas:Retention:SweepInterval"] = "00:00:00.300",
            })
            .Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Tasks);
            silo.AddMemoryGrainStorage(StorageNames.Agents);
            silo.UseInMemoryReminderService();
            silo.AddAmasGrains(configuration);
            silo.Services.AddAgent<FailingAgent>();
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

        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_finished_task_and_its_agents_reports_are_deleted_after_the_retention_period()
    {
        var id = Guid.NewGuid();
        var task = _cluster!.Client.GetGrain<ITaskOrchestratorGrain>(id);
        await task.SubmitAsync(new TaskSpec
        {
            Kind = TaskKind.Orchestrate,
            Target = new RepositoryTarget { Path = SampleRepository.Create(_root) },
            Options = new TaskOptions { Components = [FailingAgent.Capability] },
            Submitter = "retention-test",
        });
        var ended = await task.WaitUntilEndedAsync();
        Assert.Equal(TaskLifecycle.Succeeded, ended.Lifecycle);
        Assert.NotNull(await _cluster.Client.GetAgent(id, "Reporter").GetReportAsync());

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await task.GetStatusAsync() is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Null(await task.GetStatusAsync());
        Assert.Null(await _cluster.Client.GetAgent(id, "Reporter").GetReportAsync());
        Assert.Null(await _cluster.Client.GetAgent(id, FailingAgent.Name).GetReportAsync());
        var listed = await _cluster.Client.GetGrain<ITaskDirectoryGrain>(0).ListAsync(new TaskListQuery { Submitter = "retention-test" });
        Assert.DoesNotContain(listed.Items, t => t.TaskId == id);
    }

    [Fact]
    public async Task Checkouts_unused_past_their_retention_are_deleted_and_recent_ones_kept()
    {
        var old = Directory.CreateDirectory(Path.Combine(Cache, "0123456789abcdef", new string('a', 40)));
        var recent = Directory.CreateDirectory(Path.Combine(Cache, "0123456789abcdef", new string('b', 40)));
        File.WriteAllText(Path.Combine(old.FullName, "file.txt"), "old");
        old.LastWriteTimeUtc = old.LastAccessTimeUtc = DateTime.UtcNow.AddDays(-3);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (old.Exists && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            old.Refresh();
        }

        Assert.False(old.Exists);
        Assert.True(Directory.Exists(recent.FullName));
    }
}
