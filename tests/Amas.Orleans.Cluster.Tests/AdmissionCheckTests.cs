using Amas.Orleans.Hosting;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Amas.Orleans.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Amas.Orleans.Cluster.Tests;

/// <summary>
/// The admission queue's periodic check asks the running tasks whether they ended, while those tasks call the queue
/// themselves: a task that ends releases its slot from inside its own turn. Here the check runs every 50 ms over many
/// short tasks, so checks and releases meet. A check that waited for a task's answer inside the queue's turn would
/// hold that task's release (and so the task, and every submission) until the call timed out; the short response
/// timeout of this cluster turns such a wait into a failed release, which the orchestrator logs.
/// </summary>
public sealed class AdmissionCheckTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("amas-admission-check-").FullName;
    private static readonly CapturedLogs Logs = new(LogLevel.Warning);
    private InProcessTestCluster _cluster = null!;
    private string _repository = "";

    private IClusterClient Client => _cluster.Client;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Amas:Repositories:AllowedRoots:0"] = _root,
            ["Amas:Repositories:CacheDirectory"] = Path.Combine(_root, ".checkouts"),
            ["Amas:Orchestrator:DeadlineCheckInterval"] = "00:00:00.200",
            ["Amas:Orchestrator:AdmissionCheckInterval"] = "00:00:00.050",
        }).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Tasks);
            silo.AddMemoryGrainStorage(StorageNames.Agents);
            silo.UseInMemoryReminderService();
            silo.AddAmasGrains(configuration);
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
            silo.Services.AddSingleton<ILoggerProvider>(Logs);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        _repository = SampleRepository.Create(_root);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Every_task_releases_its_own_slot_while_the_queue_checks_the_running_tasks_every_50_ms()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 24).Select(async _ =>
        {
            var id = Guid.NewGuid();
            await Client.GetGrain<ITaskOrchestratorGrain>(id).SubmitAsync(new TaskSpec
            {
                Kind = TaskKind.Orchestrate,
                Target = new RepositoryTarget { Path = _repository },
                Options = new TaskOptions { Components = ["documentation"] },
                Submitter = "admission-check-test",
            });
            return id;
        }));

        var ended = await Task.WhenAll(ids.Select(id => Client.GetGrain<ITaskOrchestratorGrain>(id).WaitUntilEndedAsync(TimeSpan.FromMinutes(2))));

        Assert.All(ended, status => Assert.Equal(TaskLifecycle.Succeeded, status.Lifecycle));
        Assert.Empty((await Client.GetGrain<ITaskAdmissionGrain>(0).GetAsync()).Running);
        Assert.DoesNotContain(Logs.Lines, line => line.Message.Contains("admission", StringComparison.OrdinalIgnoreCase));
    }
}
