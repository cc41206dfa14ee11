namespace Amas.Orleans.Providers.Budgets;

/// <summary>An <see cref="AiBudgetGrain"/>'s persisted totals.</summary>
[GenerateSerializer, Alias("amas.AiBudgetState")]
public sealed class AiBudgetState
{
    /// <summary>Shape version, so a later silo can read what an earlier one wrote during a rolling upgrade.</summary>
    [Id(0)] public int Version { get; set; } = 1;
    [Id(1)] public long Tokens { get; set; }
    [Id(2)] public decimal CostUsd { get; set; }
    [Id(3)] public long Calls { get; set; }
    /// <summary>A caller's day: whether its expiry reminder is registered.</summary>
    [Id(4)] public bool ExpiryArmed { get; set; }
}
