namespace Amas.Orleans.Providers.Configuration;

/// <summary>
/// <c>Amas:Providers:Budgets</c>: token and estimated-cost limits per task and per caller and UTC day. Unset: no
/// limit. A budget is checked before each request and charged after with the usage the provider reported, so the
/// call that crosses a limit completes and the next one is refused.
/// </summary>
public sealed class AiBudgetOptions
{
    public long? TokensPerTask { get; set; }

    /// <summary>US dollars, from the providers' <c>PromptCostPerMillion</c> and <c>CompletionCostPerMillion</c>.</summary>
    public decimal? CostPerTaskUsd { get; set; }

    public long? TokensPerCallerPerDay { get; set; }

    public decimal? CostPerCallerPerDayUsd { get; set; }

    /// <summary>How long a caller's day is kept after it ends (to answer "what did I spend yesterday"), then deleted.</summary>
    public TimeSpan CallerDayRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often a caller's day checks whether it may be deleted (a durable reminder; at least Orleans' minimum reminder period).</summary>
    public TimeSpan ExpiryCheckPeriod { get; set; } = TimeSpan.FromHours(1);

    public bool LimitsTasks => TokensPerTask is not null || CostPerTaskUsd is not null;

    public bool LimitsCallers => TokensPerCallerPerDay is not null || CostPerCallerPerDayUsd is not null;
}
