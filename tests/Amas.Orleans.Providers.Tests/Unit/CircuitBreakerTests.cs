using Amas.Orleans.Providers.Configuration;
using Amas.Orleans.Providers.Health;
using Microsoft.Extensions.Time.Testing;

namespace Amas.Orleans.Providers.Tests.Unit;

public sealed class CircuitBreakerTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly CircuitBreakerOptions _options = new()
    {
        FailureThreshold = 3, CoolDown = TimeSpan.FromSeconds(30), HalfOpenSuccesses = 2, MinimumThroughput = 100,
    };

    private CircuitBreaker NewBreaker() => new(_options, _clock);

    private static void Fail(CircuitBreaker breaker, int times)
    {
        for (var i = 0; i < times; i++)
        {
            breaker.RecordFailure(breaker.TryAcquire());
        }
    }

    [Fact]
    public void Opens_after_the_configured_consecutive_failures_and_rejects_while_open()
    {
        var breaker = NewBreaker();
        Fail(breaker, 2);
        Assert.Equal(CircuitState.Closed, breaker.State);

        Fail(breaker, 1);

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(30), breaker.OpenUntil);
        Assert.Equal(CircuitPermit.Rejected, breaker.TryAcquire());
    }

    [Fact]
    public void A_success_resets_the_consecutive_failures()
    {
        var breaker = NewBreaker();
        Fail(breaker, 2);
        breaker.RecordSuccess(breaker.TryAcquire());
        Fail(breaker, 2);

        Assert.Equal(CircuitState.Closed, breaker.State);
    }

    [Fact]
    public void Half_opens_after_the_cool_down_and_closes_after_the_configured_successes()
    {
        var breaker = NewBreaker();
        Fail(breaker, 3);
        _clock.Advance(TimeSpan.FromSeconds(29.999));
        Assert.Equal(CircuitPermit.Rejected, breaker.TryAcquire());

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var first = breaker.TryAcquire();
        Assert.Equal(CircuitPermit.Probe, first);
        Assert.Equal(CircuitState.HalfOpen, breaker.State);
        breaker.RecordSuccess(first);
        Assert.Equal(CircuitState.HalfOpen, breaker.State);

        breaker.RecordSuccess(breaker.TryAcquire());
        Assert.Equal(CircuitState.Closed, breaker.State);
        Assert.Equal(CircuitPermit.Allowed, breaker.TryAcquire());
    }

    [Fact]
    public void A_failed_probe_opens_the_circuit_again_for_a_full_cool_down()
    {
        var breaker = NewBreaker();
        Fail(breaker, 3);
        _clock.Advance(TimeSpan.FromSeconds(30));

        breaker.RecordFailure(breaker.TryAcquire());

        Assert.Equal(CircuitState.Open, breaker.State);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(30), breaker.OpenUntil);
    }

    [Fact]
    public void Half_open_lets_out_only_as_many_probes_as_successes_it_needs()
    {
        var breaker = NewBreaker();
        Fail(breaker, 3);
        _clock.Advance(TimeSpan.FromSeconds(30));

        var probes = new[] { breaker.TryAcquire(), breaker.TryAcquire(), breaker.TryAcquire() };

        Assert.Equal(new[] { CircuitPermit.Probe, CircuitPermit.Probe, CircuitPermit.Rejected }, probes);
        breaker.Release(probes[0]);
        Assert.Equal(CircuitPermit.Probe, breaker.TryAcquire());
    }

    [Fact]
    public void A_failure_ratio_over_the_window_opens_the_circuit_without_consecutive_failures()
    {
        var options = new CircuitBreakerOptions { FailureThreshold = 100, FailureRatio = 0.5, SamplingCalls = 10, MinimumThroughput = 10 };
        var breaker = new CircuitBreaker(options, _clock);
        for (var i = 0; i < 10; i++)
        {
            var permit = breaker.TryAcquire();
            if (i % 2 == 1)
            {
                breaker.RecordFailure(permit);
            }
            else
            {
                breaker.RecordSuccess(permit);
            }
        }

        Assert.Equal(CircuitState.Open, breaker.State);
    }
}
