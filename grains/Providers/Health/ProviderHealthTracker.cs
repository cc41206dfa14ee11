using Amas.Orleans.Providers.Configuration;

namespace Amas.Orleans.Providers.Health;

/// <summary>
/// Everything a provider grain knows about its provider's health: the circuit, the rate limit a 429 announced,
/// a misconfiguration a 400/401/403 revealed, recent latency and error rate, and usage. It decides whether a call
/// may go out (<see cref="Admit"/>) and learns from each call's end (<see cref="Record"/>). Single-threaded, like
/// the grain's turns.
/// </summary>
public sealed class ProviderHealthTracker(ProviderDeployment deployment, ProvidersOptions options, TimeProvider time)
{
    private const int ErrorRateWindow = 50;

    private readonly CircuitBreaker _circuit = new(options.CircuitBreaker, time);
    private readonly Queue<double> _latenciesMs = new();
    private readonly Queue<bool> _recent = new();
    private long _calls;
    private long _successes;
    private long _failures;
    private long _promptTokens;
    private long _completionTokens;
    private DateTimeOffset? _rateLimitedUntil;
    private DateTimeOffset? _misconfiguredUntil;
    private string? _misconfiguration;
    private string? _lastError;

    /// <summary>Null and a permit when the call may go out; otherwise the refusal, as a result that made no call.</summary>
    public (ProviderCallResult? Refusal, CircuitPermit Permit) Admit()
    {
        var now = time.GetUtcNow();
        if (!deployment.Configured)
        {
            return (Refuse(ProviderOutcome.Unconfigured, $"no API key (set one of {string.Join(", ", deployment.KeySources)})"), CircuitPermit.Rejected);
        }

        if (_misconfiguredUntil > now)
        {
            return (Refuse(ProviderOutcome.Misconfigured, $"misconfigured until {_misconfiguredUntil:O}: {_misconfiguration}"), CircuitPermit.Rejected);
        }

        if (_rateLimitedUntil > now)
        {
            return (Refuse(ProviderOutcome.RateLimited, $"rate-limited until {_rateLimitedUntil:O}", _rateLimitedUntil), CircuitPermit.Rejected);
        }

        var permit = _circuit.TryAcquire();
        return permit == CircuitPermit.Rejected
            ? (Refuse(ProviderOutcome.CircuitOpen, _circuit.State == CircuitState.Open
                ? $"circuit open until {_circuit.OpenUntil:O}"
                : "circuit half-open and its probes are in flight", _circuit.OpenUntil), permit)
            : (null, permit);
    }

    public void Record(ProviderCallResult result, CircuitPermit permit)
    {
        if (result.Outcome == ProviderOutcome.Cancelled)
        {
            // A lost hedge or a caller that gave up says nothing about the provider.
            _circuit.Release(permit);
            return;
        }

        _calls++;
        _promptTokens += result.PromptTokens;
        _completionTokens += result.CompletionTokens;
        Remember(result.IsSuccess);
        if (result.IsSuccess)
        {
            _successes++;
            _latenciesMs.Enqueue(result.Latency.TotalMilliseconds);
            while (_latenciesMs.Count > options.LatencyWindow)
            {
                _latenciesMs.Dequeue();
            }

            _circuit.RecordSuccess(permit);
            return;
        }

        _failures++;
        _lastError = $"{OutcomeNames.Of(result.Outcome)}: {result.Error}";
        switch (result.Outcome)
        {
            case ProviderOutcome.RateLimited:
                // The provider told us when it will take calls again; it is not broken, so the circuit is left alone.
                _rateLimitedUntil = result.RetryAt ?? time.GetUtcNow() + options.DefaultRateLimitCoolDown;
                _circuit.Release(permit);
                break;
            case ProviderOutcome.Misconfigured:
                _misconfiguredUntil = time.GetUtcNow() + options.MisconfiguredCoolDown;
                _misconfiguration = result.Error;
                _circuit.Release(permit);
                break;
            default:
                _circuit.RecordFailure(permit);
                break;
        }
    }

    public void Reset()
    {
        _circuit.Reset();
        _rateLimitedUntil = null;
        _misconfiguredUntil = null;
        _misconfiguration = null;
    }

    public CircuitState Circuit => _circuit.State;

    public ProviderHealth Snapshot()
    {
        var now = time.GetUtcNow();
        return new ProviderHealth
        {
            Id = deployment.Id,
            Name = deployment.Name,
            Model = deployment.Model,
            Priority = deployment.Priority,
            Timeout = deployment.Timeout,
            Configured = deployment.Configured,
            Misconfiguration = _misconfiguredUntil > now ? _misconfiguration : null,
            MisconfiguredUntil = _misconfiguredUntil > now ? _misconfiguredUntil : null,
            Circuit = _circuit.State,
            CircuitOpenUntil = _circuit.State == CircuitState.Open ? _circuit.OpenUntil : null,
            ConsecutiveFailures = _circuit.ConsecutiveFailures,
            RateLimitedUntil = _rateLimitedUntil > now ? _rateLimitedUntil : null,
            Calls = _calls,
            Successes = _successes,
            Failures = _failures,
            ErrorRate = _recent.Count == 0 ? 0 : (double)_recent.Count(ok => !ok) / _recent.Count,
            AverageLatencyMs = _latenciesMs.Count == 0 ? null : _latenciesMs.Average(),
            PromptTokens = _promptTokens,
            CompletionTokens = _completionTokens,
            EstimatedCostUsd = (double)((_promptTokens * deployment.PromptCostPerMillion + _completionTokens * deployment.CompletionCostPerMillion) / 1_000_000m),
            LastError = _lastError,
            At = now,
        };
    }

    private ProviderCallResult Refuse(ProviderOutcome outcome, string error, DateTimeOffset? retryAt = null) => new()
    {
        Provider = deployment.Id,
        Outcome = outcome,
        Called = false,
        Error = error,
        RetryAt = retryAt,
    };

    private void Remember(bool success)
    {
        _recent.Enqueue(success);
        while (_recent.Count > ErrorRateWindow)
        {
            _recent.Dequeue();
        }
    }
}
