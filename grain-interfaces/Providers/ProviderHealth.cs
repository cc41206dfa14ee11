namespace Amas.Orleans.Providers;

/// <summary>A provider's configuration summary and health at <see cref="At"/> (never its key).</summary>
[GenerateSerializer, Immutable, Alias("amas.ProviderHealth")]
public sealed record ProviderHealth
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string Model { get; init; }
    [Id(3)] public required int Priority { get; init; }
    /// <summary>False when the provider has no API key: it is never called.</summary>
    [Id(4)] public required bool Configured { get; init; }
    /// <summary>Why the provider is considered misconfigured (a 400, 401 or 403), until <see cref="MisconfiguredUntil"/>.</summary>
    [Id(5)] public string? Misconfiguration { get; init; }
    [Id(6)] public DateTimeOffset? MisconfiguredUntil { get; init; }
    [Id(7)] public CircuitState Circuit { get; init; }
    [Id(8)] public DateTimeOffset? CircuitOpenUntil { get; init; }
    [Id(9)] public int ConsecutiveFailures { get; init; }
    [Id(10)] public DateTimeOffset? RateLimitedUntil { get; init; }
    [Id(11)] public long Calls { get; init; }
    [Id(12)] public long Successes { get; init; }
    [Id(13)] public long Failures { get; init; }
    /// <summary>Failures over calls in the recent window (0 when there were none).</summary>
    [Id(14)] public double ErrorRate { get; init; }
    /// <summary>Mean latency of the recent successful calls; null before the first.</summary>
    [Id(15)] public double? AverageLatencyMs { get; init; }
    [Id(16)] public long PromptTokens { get; init; }
    [Id(17)] public long CompletionTokens { get; init; }
    [Id(18)] public string? LastError { get; init; }
    [Id(19)] public required DateTimeOffset At { get; init; }
    [Id(20)] public TimeSpan Timeout { get; init; }
    /// <summary>From the configured prices per million tokens; 0 when none are configured.</summary>
    [Id(21)] public double EstimatedCostUsd { get; init; }

    /// <summary>Whether a call now would reach the provider (a half-open circuit lets probes through).</summary>
    public bool IsAvailable(DateTimeOffset now)
        => Configured
        && (MisconfiguredUntil is null || MisconfiguredUntil <= now)
        && (RateLimitedUntil is null || RateLimitedUntil <= now)
        && (Circuit != CircuitState.Open || CircuitOpenUntil <= now);

    /// <summary>The word the API shows: unconfigured, misconfigured, rate_limited, open, half_open or healthy.</summary>
    public string Status(DateTimeOffset now)
        => !Configured ? "unconfigured"
        : MisconfiguredUntil > now ? "misconfigured"
        : RateLimitedUntil > now ? "rate_limited"
        : Circuit == CircuitState.Open && CircuitOpenUntil > now ? "open"
        : Circuit != CircuitState.Closed ? "half_open"
        : "healthy";
}
