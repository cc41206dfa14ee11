using Amas.Orleans.Hosting;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Monitoring;

/// <summary>
/// The cluster's workflow metrics. Like the LearningSystem it is written once per silo flush, never per task, and
/// keeps no more minutes than the longest window it answers for.
/// </summary>
internal sealed class WorkflowMonitorGrain(
    [PersistentState("workflow-monitor", StorageNames.Tasks)] IPersistentState<WorkflowMonitorState> state,
    IOptions<WorkflowMonitorOptions> options,
    TimeProvider clock) : Grain, IWorkflowMonitorGrain
{
    public async Task MergeAsync(IReadOnlyList<WorkflowMinute> minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        if (minutes.Count == 0)
        {
            return;
        }

        var kept = state.State.Minutes;
        foreach (var minute in minutes)
        {
            kept[minute.Minute] = kept.TryGetValue(minute.Minute, out var known) ? WorkflowMinutes.Add(known, minute) : minute;
        }

        var oldest = clock.GetUtcNow().ToUnixTimeSeconds() / 60 - (long)WorkflowMetrics.MaxWindow.TotalMinutes;
        foreach (var stale in kept.Keys.Where(m => m < oldest).ToArray())
        {
            kept.Remove(stale);
        }

        await state.WriteStateAsync();
    }

    public Task<WorkflowMetrics> GetMetricsAsync(TimeSpan window)
    {
        if (window < WorkflowMetrics.MinWindow || window > WorkflowMetrics.MaxWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, $"The window must be between {WorkflowMetrics.MinWindow} and {WorkflowMetrics.MaxWindow}.");
        }

        var settings = options.Value;
        var to = clock.GetUtcNow();
        var thresholds = new WorkflowThresholds
        {
            MinSuccessRate = settings.MinSuccessRate,
            MaxResponseSeconds = settings.MaxResponseSeconds,
            MaxErrorRate = settings.MaxErrorRate,
        };
        return Task.FromResult(WorkflowMinutes.Measure(state.State.Minutes.Values, to - window, to, thresholds));
    }
}
