namespace Amas.Orleans.Monitoring;

/// <summary>Adding minutes up, and the metrics and alerts of a window of them. Pure, so the thresholds are tested without a cluster.</summary>
public static class WorkflowMinutes
{
    public static WorkflowMinute Add(WorkflowMinute a, WorkflowMinute b)
    {
        var providers = new Dictionary<string, ProviderUse>(a.Providers, StringComparer.Ordinal);
        foreach (var (id, use) in b.Providers)
        {
            providers[id] = providers.TryGetValue(id, out var known)
                ? new ProviderUse { Calls = known.Calls + use.Calls, Failures = known.Failures + use.Failures }
                : use;
        }

        return a with
        {
            Succeeded = a.Succeeded + b.Succeeded,
            Failed = a.Failed + b.Failed,
            Cancelled = a.Cancelled + b.Cancelled,
            ResponseMsTotal = a.ResponseMsTotal + b.ResponseMsTotal,
            ResponseMsMax = Math.Max(a.ResponseMsMax, b.ResponseMsMax),
            Providers = providers,
        };
    }

    /// <summary>The metrics over the minutes from <paramref name="from"/> to <paramref name="to"/>, and the alerts they raise.</summary>
    public static WorkflowMetrics Measure(IEnumerable<WorkflowMinute> minutes, DateTimeOffset from, DateTimeOffset to, WorkflowThresholds thresholds)
    {
        var first = from.ToUnixTimeSeconds() / 60;
        var last = to.ToUnixTimeSeconds() / 60;
        var inWindow = minutes.Where(m => m.Minute >= first && m.Minute <= last).ToArray();
        var total = inWindow.Length == 0 ? new WorkflowMinute { Minute = first } : inWindow.Aggregate(Add);
        var ended = total.Succeeded + total.Failed + total.Cancelled;
        double? successRate = ended == 0 ? null : Math.Round((double)total.Succeeded / ended, 4);
        double? errorRate = ended == 0 ? null : Math.Round((double)total.Failed / ended, 4);
        double? average = ended == 0 ? null : Math.Round(total.ResponseMsTotal / ended / 1000, 3);
        var windowMinutes = Math.Max(1, (to - from).TotalMinutes);

        var alerts = new List<WorkflowAlert>();
        if (successRate < thresholds.MinSuccessRate)
        {
            alerts.Add(new WorkflowAlert { Name = "low_success_rate", Value = successRate.Value, Threshold = thresholds.MinSuccessRate, Message = $"{successRate.Value:P1} of the tasks that ended succeeded, below {thresholds.MinSuccessRate:P1}." });
        }

        if (average > thresholds.MaxResponseSeconds)
        {
            alerts.Add(new WorkflowAlert { Name = "slow_response", Value = average.Value, Threshold = thresholds.MaxResponseSeconds, Message = $"Tasks took {average.Value:0.###} s on average, above {thresholds.MaxResponseSeconds:0.###} s." });
        }

        if (errorRate > thresholds.MaxErrorRate)
        {
            alerts.Add(new WorkflowAlert { Name = "high_error_rate", Value = errorRate.Value, Threshold = thresholds.MaxErrorRate, Message = $"{errorRate.Value:P1} of the tasks that ended failed, above {thresholds.MaxErrorRate:P1}." });
        }

        return new WorkflowMetrics
        {
            WindowSeconds = (long)(to - from).TotalSeconds,
            From = from,
            To = to,
            TasksEnded = ended,
            Succeeded = total.Succeeded,
            Failed = total.Failed,
            Cancelled = total.Cancelled,
            SuccessRate = successRate,
            ErrorRate = errorRate,
            AverageResponseSeconds = average,
            MaxResponseSeconds = ended == 0 ? null : Math.Round(total.ResponseMsMax / 1000, 3),
            ThroughputPerMinute = Math.Round(ended / windowMinutes, 4),
            ProviderUsage = total.Providers.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            Alerts = alerts,
            Thresholds = thresholds,
        };
    }
}
