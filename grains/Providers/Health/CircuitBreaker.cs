using Amas.Orleans.Providers.Configuration;

namespace Amas.Orleans.Providers.Health;

/// <summary>
/// A provider's circuit. Not thread-safe: the provider grain's turns never run in parallel, even when reentrant.
/// Half-open lets at most <see cref="CircuitBreakerOptions.HalfOpenSuccesses"/> probes out at once, so a provider
/// coming back is not flooded by every request that queued while it was open.
/// </summary>
public sealed class CircuitBreaker(CircuitBreakerOptions options, TimeProvider time)
{
    private readonly Queue<bool> _recent = new();
    private int _probesInFlight;
    private int _probeSuccesses;

    public CircuitState State { get; private set; } = CircuitState.Closed;

    public DateTimeOffset? OpenUntil { get; private set; }

    public int ConsecutiveFailures { get; private set; }

    /// <summary>Whether a call may go out now; moves an open circuit whose cool-down passed to half-open.</summary>
    public CircuitPermit TryAcquire()
    {
        if (State == CircuitState.Open)
        {
            if (time.GetUtcNow() < OpenUntil)
            {
                return CircuitPermit.Rejected;
            }

            State = CircuitState.HalfOpen;
            _probesInFlight = 0;
            _probeSuccesses = 0;
        }

        if (State == CircuitState.HalfOpen)
        {
            if (_probesInFlight >= options.HalfOpenSuccesses)
            {
                return CircuitPermit.Rejected;
            }

            _probesInFlight++;
            return CircuitPermit.Probe;
        }

        return CircuitPermit.Allowed;
    }

    public void RecordSuccess(CircuitPermit permit)
    {
        ConsecutiveFailures = 0;
        Remember(true);
        if (permit == CircuitPermit.Probe && State == CircuitState.HalfOpen)
        {
            _probesInFlight = Math.Max(0, _probesInFlight - 1);
            if (++_probeSuccesses >= options.HalfOpenSuccesses)
            {
                State = CircuitState.Closed;
                OpenUntil = null;
                _recent.Clear();
            }
        }
    }

    public void RecordFailure(CircuitPermit permit)
    {
        ConsecutiveFailures++;
        Remember(false);
        if (State == CircuitState.HalfOpen && permit == CircuitPermit.Probe)
        {
            Open();
        }
        else if (State == CircuitState.Closed && (ConsecutiveFailures >= options.FailureThreshold || RatioExceeded()))
        {
            Open();
        }
    }

    /// <summary>A call that ended without saying anything about the provider (cancelled, rate-limited, misconfigured).</summary>
    public void Release(CircuitPermit permit)
    {
        if (permit == CircuitPermit.Probe && State == CircuitState.HalfOpen)
        {
            _probesInFlight = Math.Max(0, _probesInFlight - 1);
        }
    }

    public void Reset()
    {
        State = CircuitState.Closed;
        OpenUntil = null;
        ConsecutiveFailures = 0;
        _recent.Clear();
    }

    private void Open()
    {
        State = CircuitState.Open;
        OpenUntil = time.GetUtcNow() + options.CoolDown;
        _probesInFlight = 0;
        _probeSuccesses = 0;
    }

    private bool RatioExceeded()
        => _recent.Count >= options.MinimumThroughput
        && _recent.Count(ok => !ok) >= options.FailureRatio * _recent.Count;

    private void Remember(bool success)
    {
        _recent.Enqueue(success);
        while (_recent.Count > options.SamplingCalls)
        {
            _recent.Dequeue();
        }
    }
}

public enum CircuitPermit
{
    Rejected = 0,
    Allowed = 1,
    /// <summary>Allowed while half-open: its result decides whether the circuit closes or opens again.</summary>
    Probe = 2,
}
