using System.Text.Json;
using Amas.Orleans.Agents;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Gateway.Api;

/// <summary>
/// Turns successive status documents of a task into the progress events between them. The persisted status is the
/// source, not an event log, so a stream survives the orchestrator moving to another silo, and a new client's first
/// step (from nothing to the current status) replays everything that already happened.
/// </summary>
public sealed class TaskEventDeriver
{
    private static readonly JsonNamingPolicy Names = JsonNamingPolicy.SnakeCaseLower;
    private readonly Dictionary<int, LayerStatus> _layers = [];
    private readonly Dictionary<string, AgentRunStatus> _agents = new(StringComparer.Ordinal);
    private bool _created;
    private bool _completed;

    public bool Completed => _completed;

    public IReadOnlyList<TaskEvent> Next(TaskSnapshot task)
    {
        var events = new List<TaskEvent>();
        if (!_created)
        {
            _created = true;
            events.Add(new TaskEvent { Event = "task_created", TaskId = task.TaskId, At = task.CreatedAt, Status = Name(task.Lifecycle) });
        }

        foreach (var layer in task.Layers.OrderBy(l => l.Layer))
        {
            var before = _layers.GetValueOrDefault(layer.Layer, LayerStatus.Pending);
            if (before == LayerStatus.Pending && layer.Status is LayerStatus.Running or LayerStatus.Completed)
            {
                events.Add(LayerEvent("layer_started", task, layer, LayerStatus.Running, layer.Agents.Min(a => a.StartedAt)));
            }

            foreach (var agent in layer.Agents.OrderBy(a => a.StartedAt ?? DateTimeOffset.MaxValue).ThenBy(a => a.Agent, StringComparer.Ordinal))
            {
                events.AddRange(AgentEvents(task, layer, agent));
            }

            if (before is not (LayerStatus.Completed or LayerStatus.Skipped) && layer.Status is LayerStatus.Completed or LayerStatus.Skipped)
            {
                events.Add(LayerEvent("layer_completed", task, layer, layer.Status, layer.Agents.Max(a => a.CompletedAt)));
            }

            _layers[layer.Layer] = layer.Status;
            if (layer.Status is LayerStatus.Pending or LayerStatus.Running)
            {
                // Layers run one after another: a later one (even one skipped from the start) is told after this one.
                break;
            }
        }

        if (!_completed && task.Lifecycle is TaskLifecycle.Succeeded or TaskLifecycle.Failed or TaskLifecycle.Cancelled)
        {
            _completed = true;
            events.Add(new TaskEvent
            {
                Event = "task_completed",
                TaskId = task.TaskId,
                At = task.CompletedAt,
                Status = Name(task.Lifecycle),
                FindingCount = task.FindingCount,
                Error = task.Error,
            });
        }

        return events;
    }

    private IEnumerable<TaskEvent> AgentEvents(TaskSnapshot task, LayerSnapshot layer, AgentSnapshot agent)
    {
        var key = $"{layer.Layer}/{agent.Agent}";
        var before = _agents.GetValueOrDefault(key, AgentRunStatus.Pending);
        _agents[key] = agent.Status;
        var startedBefore = before != AgentRunStatus.Pending;
        var started = agent.Status != AgentRunStatus.Pending && agent.Status != AgentRunStatus.Skipped;
        if (!startedBefore && started)
        {
            yield return Agent("agent_started", task, layer, agent, AgentRunStatus.Running, agent.StartedAt);
        }

        if (!Ended(before) && Ended(agent.Status))
        {
            yield return Agent("agent_completed", task, layer, agent, agent.Status, agent.CompletedAt) with
            {
                DurationMs = agent.DurationMs,
                FindingCount = agent.FindingCount,
                Error = agent.Error,
            };
        }
    }

    private static bool Ended(AgentRunStatus status) => status is not (AgentRunStatus.Pending or AgentRunStatus.Running);

    private static TaskEvent Agent(string name, TaskSnapshot task, LayerSnapshot layer, AgentSnapshot agent, AgentRunStatus status, DateTimeOffset? at) => new()
    {
        Event = name,
        TaskId = task.TaskId,
        At = at,
        Layer = layer.Layer,
        LayerName = layer.Name,
        Agent = agent.Agent,
        Status = Name(status),
        Silo = agent.Silo,
    };

    private static TaskEvent LayerEvent(string name, TaskSnapshot task, LayerSnapshot layer, LayerStatus status, DateTimeOffset? at) => new()
    {
        Event = name,
        TaskId = task.TaskId,
        At = at,
        Layer = layer.Layer,
        LayerName = layer.Name,
        Status = Name(status),
    };

    private static string Name<T>(T value) where T : struct, Enum => Names.ConvertName(value.ToString());
}
