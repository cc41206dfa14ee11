using Amas.Orleans.Hosting;

namespace Amas.Orleans.Providers.Budgets;

/// <summary>
/// One budget's spent amounts. Not reentrant, so charges never interleave; reads are <c>[ReadOnly]</c> and so
/// interleave with each other. Kept in the tasks' store: a budget is task bookkeeping and lives as long as it.
/// </summary>
internal sealed class AiBudgetGrain(
    [PersistentState("budget", StorageNames.Tasks)] IPersistentState<AiBudgetState> state) : Grain, IAiBudgetGrain
{
    public Task<AiBudgetSpent> GetSpentAsync() => Task.FromResult(Spent());

    public async Task<AiBudgetSpent> ChargeAsync(long tokens, decimal costUsd)
    {
        state.State.Tokens += Math.Max(0, tokens);
        state.State.CostUsd += Math.Max(0, costUsd);
        state.State.Calls++;
        await state.WriteStateAsync();
        return Spent();
    }

    public async Task ClearAsync()
    {
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        DeactivateOnIdle();
    }

    private AiBudgetSpent Spent() => new() { Tokens = state.State.Tokens, CostUsd = state.State.CostUsd, Calls = state.State.Calls };
}
