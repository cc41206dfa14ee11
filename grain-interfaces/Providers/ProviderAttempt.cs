namespace Amas.Orleans.Providers;

/// <summary>One provider the router tried for a request, in the order it tried them.</summary>
[GenerateSerializer, Immutable, Alias("amas.ProviderAttempt")]
public sealed record ProviderAttempt
{
    [Id(0)] public required string Provider { get; init; }
    [Id(1)] public required ProviderOutcome Outcome { get; init; }
    /// <summary>False when the provider grain refused without an HTTP call (rate limit, open circuit…).</summary>
    [Id(2)] public bool Called { get; init; }
    [Id(3)] public int? StatusCode { get; init; }
    [Id(4)] public string? Error { get; init; }
    [Id(5)] public double LatencyMs { get; init; }
    /// <summary>Whether this attempt ran as the hedge of another one.</summary>
    [Id(6)] public bool Hedged { get; init; }
}
