using Amas.Orleans.Agents.Registry;
using Amas.Orleans.Hosting;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Amas.Orleans.Testing;
using Amas.Orleans.Testing.Agents;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Amas.Orleans.Cluster.Tests;

/// <summary>
/// The cluster-wide limit on running tasks, set to one here so the queue is easy to see: waiting tasks start by
/// priority (critical and emergency_response first), first come first served within a priority, and a task whose
/// deadline passes while it waits ends failed with that reason.
/// </summary>
public sealed class AdmissionTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("amas-admission-").FullName;
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
            ["Amas:Orchestrator:MaxRunningTasks"] = "1",
        }).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Tasks);
            silo.AddMemoryGrainStorage(StorageNames.Agents);
            silo.UseInMemoryReminderService();
            silo.AddAmasGrains(configuration);
            silo.Services.AddAgent<StallingAgent>();
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

    private async Task<Guid> SubmitAsync(string component, TaskPriority priority = TaskPriority.Normal, string mode = "intelligent", int? deadlineSeconds = null)
    {
        var id = Guid.NewGuid();
        await Client.GetGrain<ITaskOrchestratorGrain>(id).SubmitAsync(new TaskSpec
        {
            Kind = TaskKind.Orchestrate,
            Target = new RepositoryTarget { Path = _repository },
            Options = new TaskOptions { Components = [component], Priority = priority, Mode = mode, DeadlineSeconds = deadlineSeconds },
            Submitter = "admission-test",
        });
        return id;
    }

    private async Task<AdmissionSnapshot> AdmissionAsync() => await Client.GetGrain<ITaskAdmissionGrain>(0).GetAsync();

    /// <summary>Until every one of <paramref name="tasks"/> waits in the queue (a submission returns before it asks).</summary>
    private async Task<AdmissionSnapshot> WaitUntilQueuedAsync(params Guid[] tasks)
    {
        for (var i = 0; i < 200; i++)
        {
            var admission = await AdmissionAsync();
            if (tasks.All(id => admission.Waiting.Any(t => t.TaskId == id)))
            {
                return admission;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The tasks did not reach the admission queue.");
    }

    [Fact]
    public async Task A_critical_task_submitted_last_starts_first_and_emergency_response_counts_as_critical()
    {
        var blocker = await SubmitAsync(StallingAgent.Capability);
        await StallingAgent.WhenStartedAsync(blocker);

        var low = await SubmitAsync("code_quality", TaskPriority.Low);
        var normal = await SubmitAsync("code_quality", TaskPriority.Normal);
        var critical = await SubmitAsync("code_quality", TaskPriority.Critical);
        var emergency = await SubmitAsync("code_quality", TaskPriority.Low, mode: "emergency_response");
        var queue = await WaitUntilQueuedAsync(low, normal, critical, emergency);

        Assert.Equal([blocker], queue.Running);
        Assert.Equal([critical, emergency, normal, low], queue.Waiting.Select(t => t.TaskId));
        foreach (var waiting in new[] { low, normal, critical, emergency })
        {
            var status = await Client.GetGrain<ITaskOrchestratorGrain>(waiting).GetStatusAsync();
            Assert.Equal(TaskLifecycle.Pending, status!.Lifecycle);
            Assert.Null(status.StartedAt);
        }

        StallingAgent.Release(blocker);
        var ended = new Dictionary<Guid, TaskSnapshot>();
        foreach (var id in new[] { blocker, critical, emergency, normal, low })
        {
            ended[id] = await Client.GetGrain<ITaskOrchestratorGrain>(id).WaitUntilEndedAsync(TimeSpan.FromMinutes(2));
        }

        Assert.All(ended.Values, s => Assert.Equal(TaskLifecycle.Succeeded, s.Lifecycle));
        // One at a time, in queue order: each starts after the one before it ended.
        Guid[] order = [blocker, critical, emergency, normal, low];
        for (var i = 1; i < order.Length; i++)
        {
            Assert.True(ended[order[i]].StartedAt >= ended[order[i - 1]].CompletedAt,
                $"Task {i} started at {ended[order[i]].StartedAt:O}, before task {i - 1} ended at {ended[order[i - 1]].CompletedAt:O}.");
        }

        var after = await AdmissionAsync();
        Assert.Empty(after.Running);
        Assert.Empty(after.Waiting);
    }

    [Fact]
    public async Task A_task_whose_deadline_passes_while_it_waits_ends_failed_with_that_reason_and_leaves_the_queue()
    {
        var blocker = await SubmitAsync(StallingAgent.Capability);
        await StallingAgent.WhenStartedAsync(blocker);
        var late = await SubmitAsync("code_quality", TaskPriority.Critical, deadlineSeconds: 2);
        await WaitUntilQueuedAsync(late);

        var status = await Client.GetGrain<ITaskOrchestratorGrain>(late).WaitUntilEndedAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(TaskLifecycle.Failed, status.Lifecycle);
        Assert.Equal("task_deadline_exceeded", status.Error!.Code);
        Assert.Contains("waiting for admission", status.Error.Message, StringComparison.Ordinal);
        Assert.Null(status.StartedAt);
        Assert.All(status.Layers.SelectMany(l => l.Agents), a => Assert.Equal(Agents.AgentRunStatus.Skipped, a.Status));
        var queue = await AdmissionAsync();
        Assert.DoesNotContain(queue.Waiting, t => t.TaskId == late);
        Assert.Equal([blocker], queue.Running);

        StallingAgent.Release(blocker);
        await Client.GetGrain<ITaskOrchestratorGrain>(blocker).WaitUntilEndedAsync(TimeSpan.FromMinutes(1));
        Assert.Empty((await AdmissionAsync()).Running);
    }
}
