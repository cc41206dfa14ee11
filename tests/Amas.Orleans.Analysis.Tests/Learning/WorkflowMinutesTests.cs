using Amas.Orleans.Monitoring;

namespace Amas.Orleans.Analysis.Tests.Learning;

public sealed class WorkflowMinutesTests
{
    private static readonly DateTimeOffset To = new(2026, 11, 25, 12, 0, 30, TimeSpan.Zero);
    private static readonly WorkflowThresholds Defaults = new() { MinSuccessRate = 0.95, MaxResponseSeconds = 300, MaxErrorRate = 0.05 };

    private static long MinuteOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / 60;

    private static WorkflowMinute Minute(DateTimeOffset at, long succeeded, long failed, double responseSeconds, long cancelled = 0) => new()
    {
        Minute = MinuteOf(at),
        Succeeded = succeeded,
        Failed = failed,
        Cancelled = cancelled,
        ResponseMsTotal = responseSeconds * 1000 * (succeeded + failed + cancelled),
        ResponseMsMax = responseSeconds * 1000,
    };

    [Fact]
    public void Healthy_minutes_give_rates_throughput_and_no_alert()
    {
        var metrics = WorkflowMinutes.Measure(
            [Minute(To.AddMinutes(-5), 10, 0, 20), Minute(To.AddMinutes(-1), 9, 0, 40, cancelled: 1)],
            To.AddMinutes(-10), To, Defaults);

        Assert.Equal((20, 19, 0, 1), (metrics.TasksEnded, metrics.Succeeded, metrics.Failed, metrics.Cancelled));
        Assert.Equal(0.95, metrics.SuccessRate);
        Assert.Equal(0.0, metrics.ErrorRate);
        Assert.Equal(30.0, metrics.AverageResponseSeconds);
        Assert.Equal(40.0, metrics.MaxResponseSeconds);
        Assert.Equal(2.0, metrics.ThroughputPerMinute);
        Assert.Empty(metrics.Alerts);
    }

    [Fact]
    public void Each_threshold_crossed_raises_its_alert()
    {
        var metrics = WorkflowMinutes.Measure([Minute(To, 9, 1, 301)], To.AddMinutes(-10), To, Defaults);

        Assert.Equal(["low_success_rate", "slow_response", "high_error_rate"], metrics.Alerts.Select(a => a.Name));
        Assert.Equal((0.9, 0.95), (metrics.Alerts[0].Value, metrics.Alerts[0].Threshold));
        Assert.Equal((301.0, 300.0), (metrics.Alerts[1].Value, metrics.Alerts[1].Threshold));
        Assert.Equal((0.1, 0.05), (metrics.Alerts[2].Value, metrics.Alerts[2].Threshold));
    }

    [Fact]
    public void Thresholds_come_from_configuration_and_minutes_outside_the_window_do_not_count()
    {
        var lenient = new WorkflowThresholds { MinSuccessRate = 0.5, MaxResponseSeconds = 1000, MaxErrorRate = 0.5 };

        var metrics = WorkflowMinutes.Measure([Minute(To, 9, 1, 301), Minute(To.AddHours(-2), 0, 50, 900)], To.AddMinutes(-10), To, lenient);

        Assert.Equal(10, metrics.TasksEnded);
        Assert.Empty(metrics.Alerts);
        Assert.Equal(lenient, metrics.Thresholds);
    }

    [Fact]
    public void Provider_use_adds_up_and_no_task_means_no_rate_and_no_alert()
    {
        var a = new WorkflowMinute { Minute = MinuteOf(To), Providers = new Dictionary<string, ProviderUse> { ["groq"] = new() { Calls = 2, Failures = 1 } } };
        var b = new WorkflowMinute { Minute = MinuteOf(To), Providers = new Dictionary<string, ProviderUse> { ["groq"] = new() { Calls = 3 }, ["qwen"] = new() { Calls = 1 } } };

        var metrics = WorkflowMinutes.Measure([a, b], To.AddMinutes(-1), To, Defaults);

        Assert.Equal(0, metrics.TasksEnded);
        Assert.Null(metrics.SuccessRate);
        Assert.Null(metrics.ErrorRate);
        Assert.Empty(metrics.Alerts);
        Assert.Equal(new ProviderUse { Calls = 5, Failures = 1 }, metrics.ProviderUsage["groq"]);
        Assert.Equal(new ProviderUse { Calls = 1 }, metrics.ProviderUsage["qwen"]);
    }
}
