namespace Amas.Orleans.Providers;

/// <summary>The body of <c>POST /api/v1/ai/generate</c>, and what agents send the router.</summary>
[GenerateSerializer, Immutable, Alias("amas.GenerateRequest")]
public sealed record GenerateRequest
{
    [Id(0)] public required string Prompt { get; init; }
    [Id(1)] public string? SystemPrompt { get; init; }
    /// <summary>Null: the configured default strategy.</summary>
    [Id(2)] public RoutingStrategy? Strategy { get; init; }
    /// <summary>The total deadline over every attempt; null: the configured default.</summary>
    [Id(3)] public TimeSpan? Timeout { get; init; }
    [Id(4)] public int? MaxTokens { get; init; }
    [Id(5)] public double? Temperature { get; init; }
    /// <summary>Restricts the router to these provider ids (a group); null or empty: every provider.</summary>
    [Id(6)] public IReadOnlyList<string>? Providers { get; init; }
    /// <summary>For <see cref="RoutingStrategy.Fastest"/>: start a second provider when the first has not answered after this delay. Null: the configured default.</summary>
    [Id(7)] public TimeSpan? HedgeAfter { get; init; }
    /// <summary>
    /// Repository, issue or page text the prompt is about. Sent as quoted, untrusted data (fenced, with a per-request
    /// nonce, under a system instruction not to follow it), never mixed into the prompt's instructions.
    /// </summary>
    [Id(8)] public IReadOnlyList<DataDocument>? Data { get; init; }
    /// <summary>The task this request serves: its token and cost budget is checked before and charged after.</summary>
    [Id(9)] public Guid? TaskId { get; init; }
    /// <summary>Who asks (the authenticated caller, or a task's submitter): the caller's daily budget applies.</summary>
    [Id(10)] public string? Caller { get; init; }
    /// <summary>
    /// What kind of prompt this is (an agent asks under its own name: <c>Reporter</c>, <c>ImprovementAdvisor</c>); the
    /// <c>intelligent</c> strategy weighs each provider's history on that kind. Null: <c>general</c>.
    /// </summary>
    [Id(30)] public string? PromptKind { get; init; }
}
