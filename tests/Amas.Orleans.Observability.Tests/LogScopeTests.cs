using System.Diagnostics;
using Amas.Orleans.Telemetry;

namespace Amas.Orleans.Observability.Tests;

/// <summary>Every log line about a task carries its task id and the task's trace id as structured fields.</summary>
[Collection(ObservedGatewayCollection.Name)]
public sealed class LogScopeTests(ObservedGateway gateway)
{
    [Fact]
    public async Task Every_log_line_about_a_task_carries_the_task_id_and_the_trace_id_in_its_scope()
    {
        var id = await gateway.RunTaskAsync();
        Activity? TaskSpan() => gateway.Spans.Snapshot().FirstOrDefault(s => Equals(s.GetTagItem(TelemetryTags.TaskId), id.ToString()) && s.OperationName.StartsWith("task ", StringComparison.Ordinal));
        Assert.True(await Eventually.HoldsAsync(() => TaskSpan() is not null && gateway.Logs.Lines.Any(l => Equals(l.Fields.GetValueOrDefault("TaskId"), id) && l.Message.Contains("ended Succeeded", StringComparison.Ordinal))));
        var traceId = TaskSpan()!.TraceId.ToHexString();

        var lines = gateway.Logs.Lines
            .Where(l => Equals(l.Fields.GetValueOrDefault("TaskId"), id) || Equals(l.Scope.GetValueOrDefault(TaskLogScope.TaskIdKey), id))
            .ToArray();

        // Submitted, layers started, each agent started and ended, the task ended: the orchestrator's and the agents' lines.
        Assert.Contains(lines, l => l.Category.EndsWith("TaskOrchestratorGrain", StringComparison.Ordinal) && l.Message.Contains("submitted", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Category.EndsWith("AgentGrain", StringComparison.Ordinal) && l.Message.Contains("agent Reporter ended", StringComparison.Ordinal));
        Assert.True(lines.Length >= 10, $"Only {lines.Length} lines about the task were logged.");
        foreach (var line in lines)
        {
            Assert.True(Equals(line.Scope.GetValueOrDefault(TaskLogScope.TaskIdKey), id), $"No TaskId in the scope of: {line.Category}: {line.Message}");
            Assert.True(Equals(line.Scope.GetValueOrDefault("TraceId")?.ToString(), traceId), $"TraceId {line.Scope.GetValueOrDefault("TraceId")} instead of {traceId} in the scope of: {line.Category}: {line.Message}");
            if (line.Category.EndsWith(".AgentGrain", StringComparison.Ordinal))
            {
                Assert.Equal(line.Fields["Agent"], line.Scope.GetValueOrDefault(TaskLogScope.AgentKey));
            }
        }
    }
}
