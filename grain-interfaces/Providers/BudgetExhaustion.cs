namespace Amas.Orleans.Providers;

/// <summary>Which budget stopped a request, and how far it is spent.</summary>
[GenerateSerializer, Immutable, Alias("amas.BudgetExhaustion")]
public sealed record BudgetExhaustion
{
    /// <summary><c>task</c> (per task, never resets) or <c>caller</c> (per caller and UTC day).</summary>
    [Id(0)] public required string Scope { get; init; }
    /// <summary>The task id or the caller's name.</summary>
    [Id(1)] public required string Owner { get; init; }
    /// <summary><c>tokens</c> or <c>cost_usd</c>.</summary>
    [Id(2)] public required string Resource { get; init; }
    [Id(3)] public required decimal Limit { get; init; }
    [Id(4)] public required decimal Spent { get; init; }
    /// <summary>When the budget starts afresh (the next UTC midnight for a caller's day); null for a task's.</summary>
    [Id(5)] public DateTimeOffset? ResetsAt { get; init; }
}
