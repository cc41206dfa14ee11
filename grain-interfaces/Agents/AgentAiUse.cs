namespace Amas.Orleans.Agents;

/// <summary>
/// Which path an agent took for the text it wrote, so its output always says so: the provider and model that wrote
/// it, or why the rules did (<c>no AI provider configured</c>, the providers failed, the budget is spent).
/// </summary>
[GenerateSerializer, Immutable, Alias("amas.AgentAiUse")]
public sealed record AgentAiUse
{
    [Id(0)] public required TextPath Path { get; init; }
    /// <summary>The provider's deployment id, when <see cref="Path"/> is <see cref="TextPath.Ai"/>.</summary>
    [Id(1)] public string? Provider { get; init; }
    [Id(2)] public string? ProviderName { get; init; }
    [Id(3)] public string? Model { get; init; }
    /// <summary>Why the rule-based path was taken; null on the AI path.</summary>
    [Id(4)] public string? Reason { get; init; }
    [Id(5)] public int PromptTokens { get; init; }
    [Id(6)] public int CompletionTokens { get; init; }
}
