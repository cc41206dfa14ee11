using Amas.Orleans.Providers.Configuration;
using Amas.Orleans.Providers.Health;
using Microsoft.Extensions.Time.Testing;

namespace Amas.Orleans.Providers.Tests.Unit;

public sealed class ProviderHealthTrackerTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ProvidersOptions _options = new() { DefaultRateLimitCoolDown = TimeSpan.FromSeconds(10), MisconfiguredCoolDown = TimeSpan.FromMinutes(10) };

    private static ProviderDeployment Deployment(string? key = "k") => new()
    {
        Id = "p", Name = "P", BaseUrl = new Uri("http://127.0.0.1/v1"), Model = "m", Priority = 1, Timeout = TimeSpan.FromSeconds(5),
        Adapter = "openai", IsCustom = true, KeySources = ["P_KEY"], ApiKey = key,
        PromptCostPerMillion = 1m, CompletionCostPerMillion = 2m,
    };

    private static ProviderCallResult Result(ProviderOutcome outcome, DateTimeOffset? retryAt = null, double latencyMs = 0, int status = 0)
        => new() { Provider = "p", Outcome = outcome, Called = true, RetryAt = retryAt, Latency = TimeSpan.FromMilliseconds(latencyMs), StatusCode = status, PromptTokens = 1000, CompletionTokens = 500 };

    [Fact]
    public void A_429_without_a_time_keeps_the_provider_out_for_the_default_cool_down()
    {
        var tracker = new ProviderHealthTracker(Deployment(), _options, _clock);
        tracker.Record(Result(ProviderOutcome.RateLimited), tracker.Admit().Permit);

        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(ProviderOutcome.RateLimited, tracker.Admit().Refusal?.Outcome);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(tracker.Admit().Refusal);
    }

    [Fact]
    public void Rate_limits_and_misconfiguration_do_not_open_the_circuit()
    {
        var tracker = new ProviderHealthTracker(Deployment(), _options, _clock);
        for (var i = 0; i < 10; i++)
        {
            tracker.Record(Result(ProviderOutcome.RateLimited, _clock.GetUtcNow()), tracker.Admit().Permit);
        }

        Assert.Equal(CircuitState.Closed, tracker.Circuit);
    }

    [Fact]
    public void A_misconfiguration_expires_after_its_cool_down()
    {
        var tracker = new ProviderHealthTracker(Deployment(), _options, _clock);
        tracker.Record(Result(ProviderOutcome.Misconfigured, status: 401), tracker.Admit().Permit);

        Assert.Equal(ProviderOutcome.Misconfigured, tracker.Admit().Refusal?.Outcome);
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(tracker.Admit().Refusal);
    }

    [Fact]
    public void The_snapshot_counts_calls_tokens_cost_latency_and_error_rate()
    {
        var tracker = new ProviderHealthTracker(Deployment(), _options, _clock);
        tracker.Record(Result(ProviderOutcome.Success, latencyMs: 100), tracker.Admit().Permit);
        tracker.Record(Result(ProviderOutcome.Success, latencyMs: 300), tracker.Admit().Permit);
        tracker.Record(Result(ProviderOutcome.ServerError), tracker.Admit().Permit);
        tracker.Record(Result(ProviderOutcome.Cancelled), tracker.Admit().Permit);

        var health = tracker.Snapshot();

        Assert.Equal((3L, 2L, 1L), (health.Calls, health.Successes, health.Failures));
        Assert.Equal(200, health.AverageLatencyMs);
        Assert.Equal(1.0 / 3, health.ErrorRate, 6);
        Assert.Equal((3000L, 1500L), (health.PromptTokens, health.CompletionTokens));
        Assert.Equal(0.006, health.EstimatedCostUsd, 6);
        Assert.Equal(1, health.ConsecutiveFailures);
    }

    [Fact]
    public void Without_a_key_the_provider_is_refused_without_a_call_naming_where_the_key_goes()
    {
        var refusal = new ProviderHealthTracker(Deployment(key: null), _options, _clock).Admit().Refusal;

        Assert.Equal(ProviderOutcome.Unconfigured, refusal?.Outcome);
        Assert.False(refusal?.Called);
        Assert.Contains("P_KEY", refusal?.Error);
    }
}
