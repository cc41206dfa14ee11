using Amas.Orleans.Agents;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Orchestration;

/// <summary>Turns the orchestrator's record into what callers see.</summary>
public static class TaskSnapshots
{
    public static TaskSnapshot From(Guid taskId, TaskRecord record)
    {
        var spec = record.Spec ?? throw new InvalidOperationException("A task without a spec has no snapshot.");
        var layers = record.Layers.Select(l => new LayerSnapshot
        {
            Layer = l.Layer,
            Name = l.Name,
            Status = StatusOf(l, record),
            Agents = l.Agents.Select(a => new AgentSnapshot
            {
                Agent = a.Agent,
                Status = a.Status,
                Silo = a.Silo,
                StartedAt = a.StartedAt,
                CompletedAt = a.CompletedAt,
                DurationMs = a is { StartedAt: { } s, CompletedAt: { } c } ? (long)(c - s).TotalMilliseconds : null,
                FindingCount = a.FindingCount,
                Error = a.Error,
                SkipReason = a.SkipReason,
            }).ToArray(),
        }).ToArray();

        return new TaskSnapshot
        {
            TaskId = taskId,
            Kind = spec.Kind,
            Options = spec.Options,
            Target = spec.Target,
            Submitter = spec.Submitter,
            Lifecycle = record.Lifecycle,
            CreatedAt = record.CreatedAt,
            StartedAt = record.StartedAt,
            CompletedAt = record.CompletedAt,
            Deadline = record.Deadline,
            CurrentLayer = record.Lifecycle == TaskLifecycle.Running
                ? layers.FirstOrDefault(l => l.Status is LayerStatus.Running or LayerStatus.Pending)?.Layer
                : null,
            Layers = layers,
            Error = record.Error,
            FindingCount = record.Layers.LastOrDefault()?.Agents.FirstOrDefault(a => a.Agent == ReporterAgent.AgentName)?.FindingCount ?? 0,
            Commit = record.Repository?.Commit,
        };
    }

    private static LayerStatus StatusOf(LayerRecord layer, TaskRecord record)
    {
        if (layer.Agents.Count == 0)
        {
            return LayerStatus.Skipped;
        }

        if (layer.Agents.Any(a => a.Status == AgentRunStatus.Running))
        {
            return LayerStatus.Running;
        }

        if (layer.Agents.All(a => a.IsTerminal))
        {
            return layer.Agents.All(a => a.Status == AgentRunStatus.Skipped) ? LayerStatus.Skipped : LayerStatus.Completed;
        }

        return record.IsTerminal ? LayerStatus.Skipped : LayerStatus.Pending;
    }
}
