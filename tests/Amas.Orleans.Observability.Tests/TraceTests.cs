using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Amas.Orleans.Telemetry;
using Amas.Orleans.Testing.Agents;

namespace Amas.Orleans.Observability.Tests;

/// <summary>One task, one trace: from the HTTP POST through the orchestrator's task and layer spans to every agent run and the provider call.</summary>
[Collection(ObservedGatewayCollection.Name)]
public sealed class TraceTests(ObservedGateway gateway)
{
    [Fact]
    public async Task One_task_is_one_connected_trace_from_the_http_post_to_every_agent_and_the_provider_call()
    {
        var id = await gateway.RunTaskAsync();
        var taskId = id.ToString();
        var status = await gateway.Http.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}");
        var agents = status.GetProperty("layers").EnumerateArray().SelectMany(l => l.GetProperty("agents").EnumerateArray())
            .Select(a => a.GetProperty("agent").GetString()!).ToArray();
        Assert.Contains(AdvisingAgent.Name, agents);
        Assert.Contains("Reporter", agents);

        Activity? TaskSpan() => gateway.Spans.Snapshot().FirstOrDefault(s => s.Source.Name == AmasTelemetry.OrchestrationSourceName && Equals(s.GetTagItem(TelemetryTags.TaskId), taskId) && s.OperationName.StartsWith("task ", StringComparison.Ordinal));
        Activity[] AgentSpans() => [.. gateway.Spans.Snapshot().Where(s => s.Source.Name == AmasTelemetry.AgentsSourceName && Equals(s.GetTagItem(TelemetryTags.TaskId), taskId))];
        Assert.True(await Eventually.HoldsAsync(() => TaskSpan() is not null && AgentSpans().Length == agents.Length), "The task's spans were not all exported.");

        var task = TaskSpan()!;
        var trace = gateway.Spans.Snapshot().Where(s => s.TraceId == task.TraceId).ToArray();
        var byId = trace.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        IEnumerable<Activity> Ancestors(Activity span)
        {
            for (var parent = span.ParentSpanId; byId.TryGetValue(parent, out var p); parent = p.ParentSpanId)
            {
                yield return p;
            }
        }

        // The gateway's server span for the POST; its own parent is the test's HttpClient span.
        var post = Assert.Single(trace, s => s.Kind == ActivityKind.Server && s.Source.Name == "Microsoft.AspNetCore"
            && Equals(s.GetTagItem("http.request.method"), "POST") && Equals(s.GetTagItem("http.route"), "/api/v1/tasks/"));
        Assert.Contains(post, Ancestors(task));

        foreach (var agent in agents)
        {
            var span = Assert.Single(AgentSpans(), s => Equals(s.GetTagItem(TelemetryTags.Agent), agent));
            var ancestors = Ancestors(span).ToArray();
            Assert.Contains(post, ancestors);
            Assert.Contains(task, ancestors);
            Assert.Contains(ancestors, a => a.Source.Name == AmasTelemetry.OrchestrationSourceName && a.OperationName.StartsWith("layer ", StringComparison.Ordinal));
            Assert.Equal("succeeded", span.GetTagItem(TelemetryTags.Outcome));
        }

        // The provider call: our span, and under it the HttpClient span of the request to the fake provider.
        var advising = Assert.Single(AgentSpans(), s => Equals(s.GetTagItem(TelemetryTags.Agent), AdvisingAgent.Name));
        var call = Assert.Single(trace, s => s.Source.Name == AmasTelemetry.ProvidersSourceName);
        Assert.Equal($"chat {ObservedGateway.Provider}", call.DisplayName);
        Assert.Equal("success", call.GetTagItem(TelemetryTags.Outcome));
        Assert.Equal(5, call.GetTagItem(TelemetryTags.GenAiInputTokens));
        Assert.Contains(advising, Ancestors(call));
        Assert.Contains(post, Ancestors(call));
        var http = Assert.Single(trace, s => s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http" && s.ParentSpanId == call.SpanId);
        Assert.Equal(gateway.ProviderServer.Address.Port, http.GetTagItem("server.port"));

        // Every span of the trace hangs, through its parents, from the same root: one connected trace.
        var roots = trace.Where(s => !byId.ContainsKey(s.ParentSpanId)).Select(s => s.ParentSpanId).Distinct().ToArray();
        Assert.Single(roots);
    }
}
