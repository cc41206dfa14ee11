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

    public bool LimitsTasks => TokensPerTask is not null || CostPerTaskUsd is not null;

    public bool LimitsCallers => TokensPerCallerPerDay is not null || CostPerCallerPerDayUsd is not null;
}
