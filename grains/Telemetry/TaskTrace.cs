using System.Diagnostics;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Telemetry;

/// <summary>
/// The spans of one task in one orchestrator activation: a task span, and under it one span per layer. Layers start
/// from agent callbacks, each with its own ambient span, so their parent is set explicitly to the task span; the
/// agent calls of a layer run with the layer span current, so the agents' spans hang under it.
/// </summary>
internal sealed class TaskTrace
{
    private readonly Dictionary<int, Activity> _layers = [];
    private Activity? _task;

    /// <summary>Starts the task span under whatever is current (the submission's grain call, or an activation).</summary>
    public void Start(Guid taskId, TaskKind kind, bool resumed)
    {
        if (_task is not null)
        {
            return;
        }

        var kindName = TaskOptionCatalog.KindNames[kind];
        _task = AmasTelemetry.Orchestration.StartActivity(resumed ? $"task {kindName} resumed" : $"task {kindName}");
        _task?.SetTag(TelemetryTags.TaskId, taskId.ToString());
        _task?.SetTag(TelemetryTags.TaskKind, kindName);
    }

    public void StartLayer(int layer, string name, int agents)
    {
        if (_layers.ContainsKey(layer))
        {
            return;
        }

        var span = AmasTelemetry.Orchestration.StartActivity($"layer {layer} {name}", ActivityKind.Internal, _task?.Context ?? default);
        if (span is null)
        {
            return;
        }

        span.SetTag(TelemetryTags.Layer, layer);
        span.SetTag(TelemetryTags.LayerName, name);
        span.SetTag("amas.layer.agents", agents);
        _layers[layer] = span;
    }

    /// <summary>The span agent calls of this layer should run under: the layer's, else the task's.</summary>
    public Activity? SpanFor(int layer) => _layers.GetValueOrDefault(layer) ?? _task;

    public void EndLayer(int layer)
    {
        if (_layers.Remove(layer, out var span))
        {
            span.Dispose();
        }
    }

    public void End(TaskLifecycle lifecycle, TaskError? error)
    {
        foreach (var layer in _layers.Keys.ToArray())
        {
            EndLayer(layer);
        }

        if (_task is null)
        {
            return;
        }

        _task.SetTag(TelemetryTags.Outcome, Names.Of(lifecycle));
        if (lifecycle == TaskLifecycle.Failed)
        {
            _task.SetStatus(ActivityStatusCode.Error, error?.Code);
        }

        _task.Dispose();
        _task = null;
    }

    /// <summary>The activation goes away before the task ended: close the spans; another activation starts new ones.</summary>
    public void Abandon()
    {
        foreach (var layer in _layers.Keys.ToArray())
        {
            EndLayer(layer);
        }

        _task?.SetTag("amas.task.handed_over", true);
        _task?.Dispose();
        _task = null;
    }
}
