using System.Globalization;
using Amas.Orleans.Providers.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Providers.Budgets;

/// <summary>
/// The token and cost budgets of <c>Amas:Providers:Budgets</c>: which apply to a request (its task's, its caller's
/// day), whether one is spent, and charging a call's usage to each. A request without a task id or caller, or
/// with no limit configured for it, costs no grain call.
/// </summary>
public sealed class AiBudgets(
    IGrainFactory grains,
    ProviderCatalog catalog,
    IOptions<ProvidersOptions> options,
    [FromKeyedServices(ProviderServices.ClockKey)] TimeProvider time,
    ILogger<AiBudgets> logger)
{
    public const string TaskScope = "task";
    public const string CallerScope = "caller";
    public const string Tokens = "tokens";
    public const string CostUsd = "cost_usd";

    /// <summary>The first spent budget that applies to the request, or null when every one has something left.</summary>
    public async Task<BudgetExhaustion?> CheckAsync(GenerateRequest request)
    {
        var budgets = Applying(request);
        if (budgets.Count == 0)
        {
            return null;
        }

        var spent = await Task.WhenAll(budgets.Select(b => grains.GetGrain<IAiBudgetGrain>(b.Key).GetSpentAsync()));
        for (var i = 0; i < budgets.Count; i++)
        {
            var budget = budgets[i];
            if (budget.TokenLimit is { } tokens && spent[i].Tokens >= tokens)
            {
                return budget.Exhausted(Tokens, tokens, spent[i].Tokens);
            }

            if (budget.CostLimit is { } cost && spent[i].CostUsd >= cost)
            {
                return budget.Exhausted(CostUsd, cost, spent[i].CostUsd);
            }
        }

        return null;
    }

    /// <summary>
    /// Charges one answer's usage to every budget that applies. The provider has already answered, so a failure to
    /// record is logged rather than taking the answer away.
    /// </summary>
    public async Task ChargeAsync(GenerateRequest request, int promptTokens, int completionTokens, decimal costUsd)
    {
        var budgets = Applying(request);
        if (budgets.Count == 0)
        {
            return;
        }

        try
        {
            await Task.WhenAll(budgets.Select(b => grains.GetGrain<IAiBudgetGrain>(b.Key).ChargeAsync(promptTokens + (long)completionTokens, costUsd)));
        }
        catch (Exception exception)
        {
            ProviderLog.BudgetChargeFailed(logger, exception, request.TaskId, request.Caller, promptTokens + (long)completionTokens);
        }
    }

    /// <summary>The estimated cost of a call from the deployment's configured prices (0 when none are).</summary>
    public decimal CostOf(string provider, int promptTokens, int completionTokens)
        => catalog.Find(provider) is { } deployment
            ? (promptTokens * deployment.PromptCostPerMillion + completionTokens * deployment.CompletionCostPerMillion) / 1_000_000m
            : 0;

    private List<Budget> Applying(GenerateRequest request)
    {
        var limits = options.Value.Budgets;
        var budgets = new List<Budget>(2);
        if (request.TaskId is { } taskId && limits.LimitsTasks)
        {
            budgets.Add(new Budget(AiBudgetKeys.ForTask(taskId), TaskScope, taskId.ToString("D"), limits.TokensPerTask, limits.CostPerTaskUsd, null));
        }

        if (!string.IsNullOrEmpty(request.Caller) && limits.LimitsCallers)
        {
            var now = time.GetUtcNow();
            var day = DateOnly.FromDateTime(now.UtcDateTime);
            var midnight = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            budgets.Add(new Budget(AiBudgetKeys.ForCallerDay(request.Caller, day), CallerScope, request.Caller,
                limits.TokensPerCallerPerDay, limits.CostPerCallerPerDayUsd, midnight));
        }

        return budgets;
    }

    private sealed record Budget(string Key, string Scope, string Owner, long? TokenLimit, decimal? CostLimit, DateTimeOffset? ResetsAt)
    {
        public BudgetExhaustion Exhausted(string resource, decimal limit, decimal spent) => new()
        {
            Scope = Scope,
            Owner = Owner,
            Resource = resource,
            Limit = limit,
            Spent = spent,
            ResetsAt = ResetsAt,
        };
    }

    /// <summary>"The task 3f…'s budget of 24 tokens is spent (24 used); no provider was called."</summary>
    public static string Describe(BudgetExhaustion budget)
    {
        var whose = budget.Scope == TaskScope ? $"Task {budget.Owner}" : $"Caller '{budget.Owner}' today (UTC)";
        var amount = budget.Resource == Tokens
            ? $"{budget.Limit.ToString("0", CultureInfo.InvariantCulture)} tokens ({budget.Spent.ToString("0", CultureInfo.InvariantCulture)} used)"
            : $"US${budget.Limit.ToString("0.######", CultureInfo.InvariantCulture)} of estimated cost (US${budget.Spent.ToString("0.######", CultureInfo.InvariantCulture)} used)";
        var reset = budget.ResetsAt is { } at ? $" It resets at {at.ToString("O", CultureInfo.InvariantCulture)}." : "";
        return $"{whose} has spent its AI budget of {amount}; no provider was called.{reset}";
    }
}
