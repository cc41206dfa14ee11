using Microsoft.Extensions.Logging;

namespace Amas.Orleans.Telemetry;

/// <summary>
/// The logging scope of everything done for one task: every line logged inside carries <c>TaskId</c> (and the agent,
/// in an agent's scope). The trace and span ids come with the current activity (the host's
/// <c>ActivityTrackingOptions</c>).
/// </summary>
public static class TaskLogScope
{
    public const string TaskIdKey = "TaskId";
    public const string AgentKey = "Agent";

    public static IDisposable? BeginTaskScope(this ILogger logger, Guid taskId)
        => logger.BeginScope(new TaskScopeState([new(TaskIdKey, taskId)]));

    public static IDisposable? BeginAgentScope(this ILogger logger, Guid taskId, string agent)
        => logger.BeginScope(new TaskScopeState([new(TaskIdKey, taskId), new(AgentKey, agent)]));

    /// <summary>A list of pairs, so structured sinks (and OpenTelemetry logs) see the fields, and a readable text.</summary>
    private sealed class TaskScopeState(KeyValuePair<string, object?>[] fields) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] => fields[index];

        public int Count => fields.Length;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)fields).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => fields.GetEnumerator();

        public override string ToString() => string.Join(", ", fields.Select(f => $"{f.Key}:{f.Value}"));
    }
}
