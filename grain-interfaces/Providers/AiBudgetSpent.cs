namespace Amas.Orleans.Providers;

/// <summary>What one budget (a task's, or a caller's day) has spent so far.</summary>
[GenerateSerializer, Immutable, Alias("amas.AiBudgetSpent")]
public sealed record AiBudgetSpent
{
    [Id(0)] public long Tokens { get; init; }
    [Id(1)] public decimal CostUsd { get; init; }
    /// <summary>Provider calls charged (answers with usage), not requests refused.</summary>
    [Id(2)] public long Calls { get; init; }
}
