namespace Amas.Orleans.Providers;

/// <summary>
/// The end of one call to one provider. <see cref="Called"/> is false when the provider grain answered from its own
/// health (unconfigured, misconfigured, circuit open, rate-limited) without an HTTP request.
/// </summary>
[GenerateSerializer, Immutable, Alias("amas.ProviderCallResult")]
public sealed record ProviderCallResult
{
    [Id(0)] public required string Provider { get; init; }
    [Id(1)] public required ProviderOutcome Outcome { get; init; }
    [Id(2)] public bool Called { get; init; }
    [Id(3)] public string? Content { get; init; }
    [Id(4)] public string? Model { get; init; }
    [Id(5)] public int? StatusCode { get; init; }
    /// <summary>A sentence for people; never contains the API key.</summary>
    [Id(6)] public string? Error { get; init; }
    [Id(7)] public TimeSpan Latency { get; init; }
    [Id(8)] public int PromptTokens { get; init; }
    [Id(9)] public int CompletionTokens { get; init; }
    /// <summary>When a rate limit lifts, as the provider announced it.</summary>
    [Id(10)] public DateTimeOffset? RetryAt { get; init; }
    /// <summary>The provider's health right after this call, so the router's cache never lags behind its own calls.</summary>
    [Id(11)] public ProviderHealth? Health { get; init; }

    public bool IsSuccess => Outcome == ProviderOutcome.Success;
}
