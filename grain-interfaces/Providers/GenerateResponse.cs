namespace Amas.Orleans.Providers;

/// <summary>The answer of <c>POST /api/v1/ai/generate</c> (design §4): the content, who gave it, and every attempt.</summary>
[GenerateSerializer, Immutable, Alias("amas.GenerateResponse")]
public sealed record GenerateResponse
{
    [Id(0)] public required bool Success { get; init; }
    /// <summary>The deployment id that answered.</summary>
    [Id(1)] public string? Provider { get; init; }
    [Id(2)] public string? ProviderName { get; init; }
    [Id(3)] public string? Model { get; init; }
    [Id(4)] public string? Content { get; init; }
    [Id(5)] public IReadOnlyList<ProviderAttempt> Attempts { get; init; } = [];
    [Id(6)] public double LatencyMs { get; init; }
    /// <summary>When <see cref="Success"/> is false: what happened, naming each attempt.</summary>
    [Id(7)] public string? Error { get; init; }
    /// <summary>When <see cref="Success"/> is false: one of <see cref="GenerateErrorCodes"/>.</summary>
    [Id(8)] public string? ErrorCode { get; init; }
    /// <summary>True when the answer came from the router's response cache: no provider was called.</summary>
    [Id(9)] public bool Cached { get; init; }
    /// <summary>Usage the answering provider reported (0 when it reported none, or for a cached answer).</summary>
    [Id(10)] public int PromptTokens { get; init; }
    [Id(11)] public int CompletionTokens { get; init; }
    /// <summary>From the provider's configured prices per million tokens; 0 when none are configured.</summary>
    [Id(12)] public decimal EstimatedCostUsd { get; init; }
    /// <summary>With <see cref="GenerateErrorCodes.BudgetExhausted"/>: which budget is spent.</summary>
    [Id(13)] public BudgetExhaustion? Budget { get; init; }
}
