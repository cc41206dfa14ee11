using Amas.Orleans.Telemetry;
using Amas.Orleans.Testing.Agents;
using OpenTelemetry.Metrics;

namespace Amas.Orleans.Observability.Tests;

/// <summary>The task, agent and provider instruments move when a task runs, as exported by the OpenTelemetry pipeline.</summary>
[Collection(ObservedGatewayCollection.Name)]
public sealed class MetricsTests(ObservedGateway gateway)
{
    [Fact]
    public async Task Task_agent_and_provider_counters_move_when_a_task_runs()
    {
        var before = gateway.CollectMetrics();

        await gateway.RunTaskAsync();
        // The agent metrics are recorded before the orchestrator hears of the outcome, the task's just after it ended.
        IReadOnlyList<MetricSnapshot> after = [];
        Assert.True(await Eventually.HoldsAsync(() =>
        {
            after = gateway.CollectMetrics();
            return Sum(after, TaskMetrics.Completed, ("amas.task.kind", "orchestrate"), (TelemetryTags.Outcome, "succeeded"))
                > Sum(before, TaskMetrics.Completed, ("amas.task.kind", "orchestrate"), (TelemetryTags.Outcome, "succeeded"));
        }), "amas.tasks.completed did not count the task.");

        Assert.Equal(1, Sum(after, TaskMetrics.Submitted) - Sum(before, TaskMetrics.Submitted));
        Assert.Equal(1, Sum(after, TaskMetrics.Completed) - Sum(before, TaskMetrics.Completed));
        Assert.Equal(1, Count(after, TaskMetrics.Duration) - Count(before, TaskMetrics.Duration));
        Assert.Equal(0, Sum(after, TaskMetrics.Running));

        foreach (var agent in new[] { "SecurityScanner", "ConflictResolver", AdvisingAgent.Name, "Reporter" }) // among others
        {
            var tags = new[] { (TelemetryTags.Agent, agent), (TelemetryTags.Outcome, "succeeded") };
            Assert.Equal(1, Sum(after, AgentMetrics.Runs, tags) - Sum(before, AgentMetrics.Runs, tags));
            Assert.Equal(1, Count(after, AgentMetrics.Duration, tags) - Count(before, AgentMetrics.Duration, tags));
        }

        Assert.Equal(0, Sum(after, AgentMetrics.Failures) - Sum(before, AgentMetrics.Failures));

        var provider = (TelemetryTags.Provider, ObservedGateway.Provider);
        Assert.Equal(1, Sum(after, ProviderMetrics.Calls, provider, (TelemetryTags.Outcome, "success")) - Sum(before, ProviderMetrics.Calls, provider, (TelemetryTags.Outcome, "success")));
        // The fake provider reports 5 prompt and 7 completion tokens per answer.
        Assert.Equal(5, Sum(after, ProviderMetrics.Tokens, provider, (TelemetryTags.TokenType, "input")) - Sum(before, ProviderMetrics.Tokens, provider, (TelemetryTags.TokenType, "input")));
        Assert.Equal(7, Sum(after, ProviderMetrics.Tokens, provider, (TelemetryTags.TokenType, "output")) - Sum(before, ProviderMetrics.Tokens, provider, (TelemetryTags.TokenType, "output")));
        Assert.Equal(0, Gauge(after, ProviderMetrics.Circuit, provider));
    }

    [Fact]
    public async Task A_failing_provider_call_is_counted_as_an_error_and_a_failed_agent_run()
    {
        gateway.ProviderServer.Script(ObservedGateway.Provider).Then(Amas.Orleans.Testing.Providers.FakeReply.Status(500));
        var before = gateway.CollectMetrics();
        var provider = (TelemetryTags.Provider, ObservedGateway.Provider);
        var failed = new[] { (TelemetryTags.Agent, AdvisingAgent.Name), (TelemetryTags.Outcome, "failed") };

        var response = await gateway.Http.PostJsonAsync("/api/v1/tasks", HttpJson.Submission(Amas.Orleans.Testing.SampleRepository.Create(gateway.Root), "security"));
        var id = (await response.ReadJsonAsync()).GetProperty("task_id").GetString()!;
        await gateway.Http.WaitUntilEndedAsync(id);

        IReadOnlyList<MetricSnapshot> after = [];
        Assert.True(await Eventually.HoldsAsync(() =>
        {
            after = gateway.CollectMetrics();
            return Sum(after, AgentMetrics.Failures, failed) > Sum(before, AgentMetrics.Failures, failed);
        }), "amas.agent.failures did not count the failed run.");
        Assert.Equal(1, Sum(after, ProviderMetrics.Errors, provider, (TelemetryTags.Outcome, "server_error")) - Sum(before, ProviderMetrics.Errors, provider, (TelemetryTags.Outcome, "server_error")));
        Assert.Equal(1, Sum(after, AgentMetrics.Runs, failed) - Sum(before, AgentMetrics.Runs, failed));
    }

    private static IEnumerable<MetricPoint> Points(IReadOnlyList<MetricSnapshot> metrics, string name, (string Key, string Value)[] tags)
    {
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (var point in metric.MetricPoints)
            {
                var pointTags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    pointTags[tag.Key] = tag.Value;
                }

                if (tags.All(t => pointTags.TryGetValue(t.Key, out var v) && Equals(v, t.Value)))
                {
                    yield return point;
                }
            }
        }
    }

    private static long Sum(IReadOnlyList<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags)
        => Points(metrics, name, tags).Sum(p => p.GetSumLong());

    private static long Count(IReadOnlyList<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags)
        => Points(metrics, name, tags).Sum(p => p.GetHistogramCount());

    private static long Gauge(IReadOnlyList<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags)
        => Points(metrics, name, tags).Single().GetGaugeLastValueLong();
}
