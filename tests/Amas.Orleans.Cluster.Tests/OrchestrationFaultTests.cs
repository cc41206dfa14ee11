using System.Diagnostics;
using Amas.Orleans.Agents;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Amas.Orleans.Testing;
using Amas.Orleans.Testing.Agents;

namespace Amas.Orleans.Cluster.Tests;

[Collection(TwoSiloClusterCollection.Name)]
public sealed class OrchestrationFaultTests(TwoSiloCluster fixture)
{
    private ITaskOrchestratorGrain NewTask(out Guid id)
    {
        id = Guid.NewGuid();
        return fixture.Client.GetGrain<ITaskOrchestratorGrain>(id);
    }

    private TaskSpec Spec(string repository, params string[] components) => new()
    {
        Kind = TaskKind.Orchestrate,
        Target = new RepositoryTarget { Path = repository },
        Options = new TaskOptions { Components = components },
        Submitter = "tests",
    };

    private static AgentSnapshot Agent(TaskSnapshot status, string name)
        => status.Layers.SelectMany(l => l.Agents).Single(a => a.Agent == name);

    [Fact]
    public async Task A_failing_agent_is_marked_failed_with_its_cause_and_the_task_still_succeeds()
    {
        var task = NewTask(out _);
        await task.SubmitAsync(Spec(SampleRepository.Create(fixture.Root), FailingAgent.Capability));

        var status = await task.WaitUntilEndedAsync();

        Assert.Equal(TaskLifecycle.Succeeded, status.Lifecycle);
        var failed = Agent(status, FailingAgent.Name);
        Assert.Equal(AgentRunStatus.Failed, failed.Status);
        Assert.Equal("agent_failed", failed.Error?.Code);
        Assert.Contains(FailingAgent.FailureMessage, failed.Error?.Cause);
        Assert.Equal(AgentRunStatus.Succeeded, Agent(status, "ConflictResolver").Status);
        Assert.Equal(AgentRunStatus.Succeeded, Agent(status, "Reporter").Status);
    }

    [Fact]
    public async Task An_agent_past_its_deadline_is_timed_out_while_status_answers_at_once_and_the_task_goes_on()
    {
        var task = NewTask(out var id);
        try
        {
            await task.SubmitAsync(Spec(SampleRepository.Create(fixture.Root), StallingAgent.Capability));
            await StallingAgent.WhenStartedAsync(id).WaitAsync(TimeSpan.FromSeconds(30));

            // The agent holds for a minute; each status read must come back long before that.
            var clock = Stopwatch.StartNew();
            var during = await task.GetStatusAsync();
            var elapsed = clock.Elapsed;

            Assert.True(elapsed < TimeSpan.FromSeconds(1), $"status took {elapsed}");
            Assert.Equal(TaskLifecycle.Running, during!.Lifecycle);
            Assert.Equal(1, during.CurrentLayer);
            Assert.Equal(AgentRunStatus.Running, Agent(during, StallingAgent.Name).Status);

            var status = await task.WaitUntilEndedAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(TaskLifecycle.Succeeded, status.Lifecycle);
            var stalled = Agent(status, StallingAgent.Name);
            Assert.Equal(AgentRunStatus.TimedOut, stalled.Status);
            Assert.Equal("agent_timed_out", stalled.Error?.Code);
            Assert.Equal(AgentRunStatus.Succeeded, Agent(status, "Reporter").Status);
        }
        finally
        {
            StallingAgent.Release(id);
        }
    }

    [Fact]
    public async Task Cancelling_a_running_task_stops_it_and_skips_the_later_layers()
    {
        var task = NewTask(out var id);
        try
        {
            await task.SubmitAsync(Spec(SampleRepository.Create(fixture.Root), StallingAgent.Capability));
            await StallingAgent.WhenStartedAsync(id).WaitAsync(TimeSpan.FromSeconds(30));

            var cancelled = await task.CancelAsync("test cancels");

            Assert.Equal(TaskLifecycle.Cancelled, cancelled!.Lifecycle);
            Assert.Equal(AgentRunStatus.Cancelled, Agent(cancelled, StallingAgent.Name).Status);
            Assert.Equal(AgentRunStatus.Skipped, Agent(cancelled, "ConflictResolver").Status);
            Assert.Equal(AgentRunStatus.Skipped, Agent(cancelled, "Reporter").Status);
            Assert.Equal("cancelled", cancelled.Error?.Code);

            var result = await task.GetResultAsync(0, 10);
            Assert.Equal(0, result!.Findings.Total);
        }
        finally
        {
            StallingAgent.Release(id);
        }
    }

    [Fact]
    public async Task The_result_of_a_running_task_is_refused_until_it_ends()
    {
        var task = NewTask(out var id);
        try
        {
            await task.SubmitAsync(Spec(SampleRepository.Create(fixture.Root), StallingAgent.Capability));
            await StallingAgent.WhenStartedAsync(id).WaitAsync(TimeSpan.FromSeconds(30));

            var ex = await Assert.ThrowsAsync<TaskNotFinishedException>(() => task.GetResultAsync(0, 10));
            Assert.Equal(TaskLifecycle.Running, ex.Lifecycle);
        }
        finally
        {
            StallingAgent.Release(id);
            await task.CancelAsync("test over");
        }
    }

    [Fact]
    public async Task The_same_spec_submitted_again_returns_the_same_task_and_a_different_one_is_refused()
    {
        var task = NewTask(out var id);
        var spec = Spec(SampleRepository.Create(fixture.Root), FailingAgent.Capability);

        var first = await task.SubmitAsync(spec);
        var again = await task.SubmitAsync(spec with { Options = spec.Options with { Components = [FailingAgent.Capability] } });

        Assert.Equal(id, first.TaskId);
        Assert.Equal(first.CreatedAt, again.CreatedAt);
        await Assert.ThrowsAsync<IdempotencyConflictException>(() => task.SubmitAsync(spec with { Options = spec.Options with { Mode = "full_analysis" } }));
    }

    [Fact]
    public async Task A_path_outside_the_allowed_roots_is_rejected_and_nothing_is_stored()
    {
        var task = NewTask(out _);
        var outside = Directory.CreateTempSubdirectory("amas-outside-").FullName;
        try
        {
            var ex = await Assert.ThrowsAsync<TaskRejectedException>(() => task.SubmitAsync(Spec(outside, FailingAgent.Capability)));

            Assert.Contains("target.path", ex.Errors.Keys);
            Assert.Null(await task.GetStatusAsync());
        }
        finally
        {
            Directory.Delete(outside);
        }
    }

    [Fact]
    public async Task A_git_target_is_pinned_to_the_commit_its_ref_names_when_the_task_starts()
    {
        var repository = SampleRepository.Create(fixture.Root);
        var commit = SampleRepository.CommitAll(repository);
        var task = NewTask(out _);

        await task.SubmitAsync(new TaskSpec
        {
            Kind = TaskKind.Orchestrate,
            Target = new RepositoryTarget { GitUrl = new Uri(repository).AbsoluteUri, Ref = "main" },
            Options = new TaskOptions { Components = [FailingAgent.Capability] },
            Submitter = "tests",
        });
        var status = await task.WaitUntilEndedAsync();

        Assert.Equal(TaskLifecycle.Succeeded, status.Lifecycle);
        Assert.Equal(commit, status.Commit);
    }

    [Fact]
    public async Task A_task_is_refused_when_the_target_is_missing()
    {
        var task = NewTask(out _);

        var ex = await Assert.ThrowsAsync<TaskRejectedException>(() => task.SubmitAsync(new TaskSpec { Kind = TaskKind.Orchestrate, Submitter = "tests" }));

        Assert.Contains("target", ex.Errors.Keys);
    }
}
