using Amas.Orleans.Hosting;
using Orleans.Storage;
using Amas.Orleans.Learning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Monitoring;

/// <summary>
/// The cluster's workflow metrics. Like the LearningSystem it is written once per silo flush, never per task, keeps no
/// more minutes than the longest window it answers for, and reads its state on first use.
/// </summary>
internal sealed class WorkflowMonitorGrain : Grain, IWorkflowMonitorGrain
{
    private readonly LazyGrainState<WorkflowMonitorState> _state;
    private readonly IOptions<WorkflowMonitorOptions> _options;
    private readonly TimeProvider _clock;

    public WorkflowMonitorGrain([FromKeyedServices(StorageNames.Tasks)] IGrainStorage storage, IOptions<WorkflowMonitorOptions> options, TimeProvider clock)
    {
        _state = new LazyGrainState<WorkflowMonitorState>(storage, "workflow-monitor", () => this.GetGrainId());
        _options = options;
        _clock = clock;
    }

    public async Task<bool> MergeAsync(IReadOnlyList<WorkflowMinute> minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        if (minutes.Count == 0)
        {
            return true;
        }

        if (await _state.TryGetAsync() is not { } state)
        {
            return false;
        }

        var kept = state.Minutes;
        foreach (var minute in minutes)
        {
            kept[minute.Minute] = kept.TryGetValue(minute.Minute, out var known) ? WorkflowMinutes.Add(known, minute) : minute;
        }

        var oldest = _clock.GetUtcNow().ToUnixTimeSeconds() / 60 - (long)WorkflowMetrics.MaxWindow.TotalMinutes;
        foreach (var stale in kept.Keys.Where(m => m < oldest).ToArray())
        {
            kept.Remove(stale);
        }

        return await _state.TryWriteAsync();
    }

    public async Task<WorkflowMetrics?> GetMetricsAsync(TimeSpan window)
    {
        if (window < WorkflowMetrics.MinWindow || window > WorkflowMetrics.MaxWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, $"The window must be between {WorkflowMetrics.MinWindow} and {WorkflowMetrics.MaxWindow}.");
        }

        if (await _state.TryGetAsync() is not { } state)
        {
            return null;
        }

        var settings = _options.Value;
        var to = _clock.GetUtcNow();
        var thresholds = new WorkflowThresholds
        {
            MinSuccessRate = settings.MinSuccessRate,
            MaxResponseSeconds = settings.MaxResponseSeconds,
            MaxErrorRate = settings.MaxErrorRate,
        };
        return WorkflowMinutes.Measure(state.Minutes.Values, to - window, to, thresholds);
    }
}
