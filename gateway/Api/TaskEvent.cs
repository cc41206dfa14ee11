using Amas.Orleans.Agents;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Gateway.Api;

/// <summary>
/// One progress event of <c>GET /api/v1/tasks/{id}/events</c>. <see cref="Event"/> is also the SSE event type:
/// task_created, layer_started, agent_started, agent_completed, layer_completed, task_completed, heartbeat.
/// </summary>
public sealed record TaskEvent
{
    public required string Event { get; init; }
    public required Guid TaskId { get; init; }
    public DateTimeOffset? At { get; init; }
    public int? Layer { get; init; }
    public string? LayerName { get; init; }
    public string? Agent { get; init; }
    /// <summary>The agent's or the layer's status after the event; the task's lifecycle for task events.</summary>
    public string? Status { get; init; }
    public string? Silo { get; init; }
    public long? DurationMs { get; init; }
    public int? FindingCount { get; init; }
    public TaskError? Error { get; init; }
}
