using Amas.Orleans.Tasks;

namespace Amas.Orleans.Monitoring;

/// <summary>
/// This silo's task outcomes and provider calls per minute since its last flush to the
/// <see cref="IWorkflowMonitorGrain"/>. Minutes older than the monitor keeps are dropped rather than carried.
/// </summary>
public sealed class WorkflowLedger(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private Dictionary<long, WorkflowMinute> _minutes = [];

    public void RecordTaskEnded(TaskLifecycle lifecycle, TimeSpan responseTime)
    {
        var ms = Math.Max(0, responseTime.TotalMilliseconds);
        Add(new WorkflowMinute
        {
            Minute = CurrentMinute(),
            Succeeded = lifecycle == TaskLifecycle.Succeeded ? 1 : 0,
            Failed = lifecycle == TaskLifecycle.Failed ? 1 : 0,
            Cancelled = lifecycle == TaskLifecycle.Cancelled ? 1 : 0,
            ResponseMsTotal = ms,
            ResponseMsMax = ms,
        });
    }

    public void RecordProviderCall(string provider, bool success)
        => Add(new WorkflowMinute
        {
            Minute = CurrentMinute(),
            Providers = new Dictionary<string, ProviderUse>(StringComparer.Ordinal) { [provider] = new() { Calls = 1, Failures = success ? 0 : 1 } },
        });

    public IReadOnlyList<WorkflowMinute> Take()
    {
        lock (_gate)
        {
            var taken = _minutes.Values.OrderBy(m => m.Minute).ToArray();
            _minutes = [];
            return taken;
        }
    }

    public void Restore(IEnumerable<WorkflowMinute> minutes)
    {
        var oldest = CurrentMinute() - (long)WorkflowMetrics.MaxWindow.TotalMinutes;
        foreach (var minute in minutes.Where(m => m.Minute >= oldest))
        {
            Add(minute);
        }
    }

    private long CurrentMinute() => clock.GetUtcNow().ToUnixTimeSeconds() / 60;

    private void Add(WorkflowMinute minute)
    {
        lock (_gate)
        {
            _minutes[minute.Minute] = _minutes.TryGetValue(minute.Minute, out var known) ? WorkflowMinutes.Add(known, minute) : minute;
        }
    }
}
