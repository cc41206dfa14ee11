using System.Globalization;
using Amas.Orleans.Hosting;
using Amas.Orleans.Providers.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Providers.Budgets;

/// <summary>
/// One budget's spent amounts. Not reentrant, so charges never interleave; reads are <c>[ReadOnly]</c> and so
/// interleave with each other. Kept in the tasks' store: a task's budget is task bookkeeping, cleared with the task;
/// a caller's day deletes itself, through a durable reminder, <c>CallerDayRetention</c> after the day ends.
/// </summary>
internal sealed class AiBudgetGrain(
    [PersistentState("budget", StorageNames.Tasks)] IPersistentState<AiBudgetState> state,
    IOptions<ProvidersOptions> options,
    [FromKeyedServices(ProviderServices.ClockKey)] TimeProvider time) : Grain, IAiBudgetGrain, IRemindable
{
    private const string ExpiryReminder = "expire";

    private const string CallerDayPrefix = "caller/";

    public Task<AiBudgetSpent> GetSpentAsync() => Task.FromResult(Spent());

    public async Task<AiBudgetSpent> ChargeAsync(long tokens, decimal costUsd)
    {
        state.State.Tokens += Math.Max(0, tokens);
        state.State.CostUsd += Math.Max(0, costUsd);
        state.State.Calls++;
        if (!state.State.ExpiryArmed && ExpiresAt() is { } expiry)
        {
            var period = options.Value.Budgets.ExpiryCheckPeriod;
            var due = expiry - time.GetUtcNow();
            await this.RegisterOrUpdateReminder(ExpiryReminder, due < TimeSpan.Zero ? TimeSpan.Zero : due > period ? period : due, period);
            state.State.ExpiryArmed = true;
        }

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

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // The reminder's clock is the cluster's; the expiry is judged by the providers' clock, which tests control.
        if (ExpiresAt() is { } expiry && time.GetUtcNow() < expiry)
        {
            return;
        }

        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await ClearAsync();
    }

    /// <summary>For a caller's day (<c>caller/yyyy-MM-dd/…</c>, <see cref="AiBudgetKeys"/>): the end of the day plus the retention.</summary>
    private DateTimeOffset? ExpiresAt()
    {
        var key = this.GetPrimaryKeyString();
        if (!key.StartsWith(CallerDayPrefix, StringComparison.Ordinal) || key.Length < CallerDayPrefix.Length + 10
            || !DateOnly.TryParseExact(key.AsSpan(CallerDayPrefix.Length, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return null;
        }

        return new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + options.Value.Budgets.CallerDayRetention;
    }

    private AiBudgetSpent Spent() => new() { Tokens = state.State.Tokens, CostUsd = state.State.CostUsd, Calls = state.State.Calls };
}
