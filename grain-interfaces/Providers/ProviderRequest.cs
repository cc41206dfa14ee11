namespace Amas.Orleans.Providers;

/// <summary>What the router asks of one provider: the conversation and the few generation options we pass on.</summary>
[GenerateSerializer, Immutable, Alias("amas.ProviderRequest")]
public sealed record ProviderRequest
{
    [Id(0)] public required IReadOnlyList<ProviderMessage> Messages { get; init; }
    [Id(1)] public int? MaxTokens { get; init; }
    [Id(2)] public double? Temperature { get; init; }
    /// <summary>
    /// An upper bound on this call, below the provider's own timeout when the router's total deadline is nearer.
    /// Null: the provider's own timeout.
    /// </summary>
    [Id(3)] public TimeSpan? Timeout { get; init; }
}
