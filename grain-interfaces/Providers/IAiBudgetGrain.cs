namespace Amas.Orleans.Providers;

/// <summary>
/// The spent amounts of one budget, keyed by <see cref="AiBudgetKeys"/>: a task's, or a caller's UTC day. Persisted,
/// so a budget holds across silos and restarts. The router reads it before a call and charges it after.
/// </summary>
[Alias("amas.IAiBudgetGrain")]
public interface IAiBudgetGrain : IGrainWithStringKey
{
    [Alias("GetSpent"), global::Orleans.Concurrency.ReadOnly]
    Task<AiBudgetSpent> GetSpentAsync();

    /// <summary>Adds one call's usage; returns the new totals.</summary>
    [Alias("Charge")]
    Task<AiBudgetSpent> ChargeAsync(long tokens, decimal costUsd);

    /// <summary>Forgets the budget (a purged task's).</summary>
    [Alias("Clear")]
    Task ClearAsync();
}
