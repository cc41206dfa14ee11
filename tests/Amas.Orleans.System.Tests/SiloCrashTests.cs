using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace Amas.Orleans.SystemTests;

/// <summary>
/// Three silo processes, Redis membership, PostgreSQL state: a silo process is killed with SIGKILL, a real crash, or
/// stopped with SIGTERM, and the cluster carries on. The tests share one cluster; each starts with every silo running.
/// </summary>
[Collection(LocalClusterCollection.Name)]
public sealed class SiloCrashTests(ThreeSiloCluster fixture, ITestOutputHelper output) : IClassFixture<ThreeSiloCluster>, IAsyncLifetime
{
    private const int TaskCount = 20;
    private readonly LocalCluster _cluster = fixture.Cluster;
    private readonly Gateway _gateway = fixture.Gateway;
    private readonly TaskIndex _index = new(fixture.Cluster.PostgresConnectionString);
    private readonly RunJournal _journal = new(fixture.Cluster.PostgresConnectionString);

    public async Task InitializeAsync()
    {
        // An earlier test may have left a silo dead; start-silo leaves a running one alone.
        for (var silo = 1; silo <= fixture.Silos; silo++)
        {
            await _cluster.StartSiloAsync(silo);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Twenty_tasks_all_succeed_when_the_silo_process_hosting_most_orchestrators_is_killed()
    {
        var repository = Workload.Repository(fixture.Root, extraModules: 60);
        var ids = await Task.WhenAll(Enumerable.Range(0, TaskCount).Select(_ => _gateway.SubmitAsync(repository)));

        // Mid-run: the tasks have started, most are still in their first layer.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var (victim, interrupted) = await _index.BusiestSiloAsync(ids, unfinishedOnly: true);
        var silo = _cluster.SiloNumberOf(victim);

        var clock = Stopwatch.StartNew();
        await _cluster.KillSiloAsync(silo);
        var recovery = await _index.WaitUntilMovedAsync(interrupted, victim, TimeSpan.FromSeconds(90));
        output.WriteLine($"SIGKILL of silo {silo} ({victim}) hosting {interrupted.Count} of {TaskCount} unfinished orchestrators; " +
                         $"every interrupted task was running on another silo {recovery.TotalMilliseconds:F0} ms after the kill.");

        var statuses = await Task.WhenAll(ids.Select(id => _gateway.WaitUntilEndedAsync(id, TimeSpan.FromMinutes(3))));
        output.WriteLine($"All {TaskCount} tasks ended {clock.Elapsed.TotalSeconds:F1} s after the kill.");

        Assert.All(statuses, status => Assert.Equal("succeeded", status.GetProperty("lifecycle").GetString()));
        Assert.All(statuses, status =>
        {
            var agents = Agents(status);
            Assert.NotEmpty(agents);
            Assert.All(agents, agent => Assert.Equal("succeeded", agent.GetProperty("status").GetString()));
            // Each agent of a task has one state, however often its run was re-sent: it is listed exactly once.
            Assert.Equal(agents.Count, agents.Select(agent => agent.GetProperty("agent").GetString()).Distinct().Count());
        });

        // The run journal is written before a report is stored, so a run whose report died with its silo shows here.
        var completions = await _journal.CompletionsAsync(ids);
        var expected = ids.Zip(statuses).SelectMany(pair => Agents(pair.Second).Select(agent => (pair.First, agent.GetProperty("agent").GetString()!))).ToList();
        output.WriteLine($"{completions.Values.Sum()} completed agent runs in the journal for {expected.Count} agents of {TaskCount} tasks.");
        Assert.Equal(expected.Order().ToArray(), completions.Keys.Order().ToArray());
        Assert.All(completions, pair => Assert.True(pair.Value == 1, $"Agent {pair.Key.Agent} of task {pair.Key.Task} ran to completion {pair.Value} times."));
    }

    [Fact]
    public async Task A_silo_stopped_gracefully_hands_its_unfinished_agents_over_and_every_task_succeeds_with_each_agent_completed_once()
    {
        var repository = Workload.Repository(fixture.Root, extraModules: 30);
        var ids = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _gateway.SubmitAsync(repository)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        var (victim, _) = await _index.BusiestSiloAsync(ids, unfinishedOnly: true);
        var silo = _cluster.SiloNumberOf(victim);

        var clock = Stopwatch.StartNew();
        await _cluster.StopSiloAsync(silo);
        output.WriteLine($"SIGTERM of silo {silo} ({victim}): the process ended {clock.Elapsed.TotalSeconds:F1} s later.");
        var statuses = await Task.WhenAll(ids.Select(id => _gateway.WaitUntilEndedAsync(id, TimeSpan.FromMinutes(3))));

        Assert.All(statuses, status => Assert.Equal("succeeded", status.GetProperty("lifecycle").GetString()));
        var completions = await _journal.CompletionsAsync(ids);
        Assert.All(completions, pair => Assert.True(pair.Value == 1, $"Agent {pair.Key.Agent} of task {pair.Key.Task} ran to completion {pair.Value} times."));
        Assert.Equal(statuses.Sum(status => Agents(status).Count), completions.Count);
        // Work cut short by the stop is handed over, never recorded as a failure or a cancellation.
        Assert.Empty(await _journal.UnsuccessfulRunsAsync(ids));
        // ...and finished by a later start on another silo: the stopped silo had agents queued or running.
        Assert.True(await _journal.HighestCompletedStartAsync(ids) >= 2, "No agent's work moved to another silo: the stop handed nothing over.");
    }

    [Fact]
    public async Task The_gateway_answers_every_status_request_within_ten_seconds_while_a_silo_dies_and_while_it_joins_again()
    {
        var repository = Workload.Repository(fixture.Root, extraModules: 10);
        var ids = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _gateway.SubmitAsync(repository)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        // Kill the silo holding the most of these orchestrators, so status requests reach activations that die.
        var (victim, _) = await _index.BusiestSiloAsync(ids, unfinishedOnly: false);
        var silo = _cluster.SiloNumberOf(victim);

        using var stop = new CancellationTokenSource();
        var probing = ProbeStatusesAsync(ids, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await _cluster.KillSiloAsync(silo);
        // Long enough for the death to be detected (ProbeTimeout 2 s x 2 missed probes) and the grains to move.
        await Task.Delay(TimeSpan.FromSeconds(12));
        await _cluster.StartSiloAsync(silo);
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        var answers = await probing;

        var slowest = answers.Max(answer => answer.Elapsed);
        output.WriteLine($"{answers.Count} status requests: {answers.Count(a => a.Status == HttpStatusCode.OK)} × 200, " +
                         $"{answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable)} × 503, slowest {slowest.TotalMilliseconds:F0} ms.");
        Assert.True(answers.Count >= 50, $"Only {answers.Count} requests were made.");
        Assert.All(answers, answer => Assert.Null(answer.Failure));
        Assert.All(answers, answer => Assert.True(
            answer.Status == HttpStatusCode.OK || (answer.Status == HttpStatusCode.ServiceUnavailable && answer.RetryAfter),
            $"{answer.Status} at {answer.At:HH:mm:ss.fff} is neither a 200 nor a 503 with Retry-After."));
        Assert.True(slowest < Gateway.RequestTimeout, $"The slowest answer took {slowest}.");
    }

    [Fact]
    public async Task Starting_a_running_cluster_again_leaves_every_process_as_it_is_and_status_shows_them_ready()
    {
        var before = await _cluster.StatusAsync();
        await _cluster.StartAgainAsync();
        var after = await _cluster.StatusAsync();

        Assert.Equal(before, after);
        var processes = after.Split('\n').Where(line => line.StartsWith("silo-", StringComparison.Ordinal) || line.StartsWith("gateway", StringComparison.Ordinal)).ToList();
        Assert.Equal(fixture.Silos + 1, processes.Count);
        Assert.All(processes, line => Assert.Contains("running", line, StringComparison.Ordinal));
        Assert.All(processes, line => Assert.Contains("(ready: 200)", line, StringComparison.Ordinal));
    }

    private static List<JsonElement> Agents(JsonElement status) =>
        status.GetProperty("layers").EnumerateArray().SelectMany(layer => layer.GetProperty("agents").EnumerateArray()).ToList();

    private sealed record Answer(DateTime At, HttpStatusCode? Status, bool RetryAfter, TimeSpan Elapsed, string? Failure);

    /// <summary>GET the status of one task after another, every 100 ms, until stopped; one answer per request.</summary>
    private async Task<List<Answer>> ProbeStatusesAsync(IReadOnlyList<Guid> tasks, CancellationToken stop)
    {
        var answers = new List<Answer>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var at = DateTime.UtcNow;
            var clock = Stopwatch.StartNew();
            try
            {
                // No cancellation token: only the client's 10 s timeout may end a request.
                using var response = await _gateway.GetAsync($"/api/v1/tasks/{tasks[i % tasks.Count]}");
                answers.Add(new Answer(at, response.StatusCode, response.Headers.RetryAfter is not null, clock.Elapsed, null));
            }
            catch (TaskCanceledException)
            {
                answers.Add(new Answer(at, null, false, clock.Elapsed, $"no answer within {Gateway.RequestTimeout}"));
            }
            catch (HttpRequestException exception)
            {
                answers.Add(new Answer(at, null, false, clock.Elapsed, exception.Message));
            }

            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return answers;
    }
}
