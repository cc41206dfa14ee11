using System.Text.RegularExpressions;
using Amas.Orleans.Providers.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Providers.Configuration;

/// <summary>
/// Fails the silo at start with the key's name and what is wrong with it. With <paramref name="configuration"/> (where
/// the keys are) it also checks that the mode's number of providers have a key.
/// </summary>
public sealed partial class ProvidersOptionsValidator(IConfiguration? configuration = null) : IValidateOptions<ProvidersOptions>
{
    private const string Section = ProvidersOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ProvidersOptions options)
    {
        var errors = new List<string>();
        if (!RoutingStrategyNames.TryParse(options.Strategy, out _))
        {
            errors.Add($"{Section}:Strategy is '{options.Strategy}'; use one of {string.Join(", ", RoutingStrategyNames.All)}.");
        }

        var modeKnown = ProviderModes.Required.ContainsKey(options.Mode ?? "");
        Require(errors, modeKnown, "Mode", $"is '{options.Mode}'; use one of {string.Join(", ", ProviderModes.Required.Keys)}");
        Require(errors, options.MaxAttempts is >= 1 and <= 20, "MaxAttempts", "must be between 1 and 20");
        Require(errors, options.TotalTimeout > TimeSpan.Zero && options.TotalTimeout <= ProvidersOptions.MaxProviderTimeout, "TotalTimeout", $"must be above zero and at most {ProvidersOptions.MaxProviderTimeout}");
        Require(errors, options.HedgeAfter is null || options.HedgeAfter >= TimeSpan.Zero, "HedgeAfter", "must not be negative");
        Require(errors, options.HealthCacheTtl >= TimeSpan.Zero && options.HealthCacheTtl <= TimeSpan.FromMinutes(1), "HealthCacheTtl", "must be between 0 and 1 minute");
        Require(errors, options.DefaultRateLimitCoolDown > TimeSpan.Zero, "DefaultRateLimitCoolDown", "must be above zero");
        Require(errors, options.MisconfiguredCoolDown > TimeSpan.Zero, "MisconfiguredCoolDown", "must be above zero");
        Require(errors, options.LatencyWindow >= 1, "LatencyWindow", "must be 1 or more");

        var breaker = options.CircuitBreaker;
        Require(errors, breaker.FailureThreshold >= 1, "CircuitBreaker:FailureThreshold", "must be 1 or more");
        Require(errors, breaker.FailureRatio is > 0 and <= 1, "CircuitBreaker:FailureRatio", "must be above 0 and at most 1");
        Require(errors, breaker.SamplingCalls >= 1, "CircuitBreaker:SamplingCalls", "must be 1 or more");
        Require(errors, breaker.MinimumThroughput >= 1, "CircuitBreaker:MinimumThroughput", "must be 1 or more");
        Require(errors, breaker.CoolDown > TimeSpan.Zero, "CircuitBreaker:CoolDown", "must be above zero");
        Require(errors, breaker.HalfOpenSuccesses >= 1, "CircuitBreaker:HalfOpenSuccesses", "must be 1 or more");

        var budgets = options.Budgets;
        Require(errors, budgets.TokensPerTask is null or > 0, "Budgets:TokensPerTask", "must be above zero (leave it out for no limit)");
        Require(errors, budgets.CostPerTaskUsd is null or > 0, "Budgets:CostPerTaskUsd", "must be above zero (leave it out for no limit)");
        Require(errors, budgets.TokensPerCallerPerDay is null or > 0, "Budgets:TokensPerCallerPerDay", "must be above zero (leave it out for no limit)");
        Require(errors, budgets.CostPerCallerPerDayUsd is null or > 0, "Budgets:CostPerCallerPerDayUsd", "must be above zero (leave it out for no limit)");
        Require(errors, budgets.CallerDayRetention >= TimeSpan.Zero, "Budgets:CallerDayRetention", "must not be negative");
        Require(errors, budgets.ExpiryCheckPeriod >= TimeSpan.FromSeconds(1), "Budgets:ExpiryCheckPeriod", "must be at least one second");
        Require(errors, options.Cache.Ttl > TimeSpan.Zero, "Cache:Ttl", "must be above zero");
        Require(errors, options.Cache.MaxEntries is >= 1 and <= 1_000_000, "Cache:MaxEntries", "must be between 1 and 1000000");

        foreach (var (id, row) in options.Deployments)
        {
            var key = $"Deployments:{id}";
            if (!BuiltInProviders.IsBuiltIn(id))
            {
                errors.Add($"{Section}:{key} is not a built-in provider ({string.Join(", ", BuiltInProviders.All.Select(p => p.Id))}); put other deployments under {Section}:Custom.");
                continue;
            }

            ValidateRow(errors, key, row, isCustom: false);
        }

        foreach (var (id, row) in options.Custom)
        {
            var key = $"Custom:{id}";
            if (!IdPattern().IsMatch(id))
            {
                errors.Add($"{Section}:{key}: an id is lower-case letters, digits, '-' and '_', starting with a letter or digit.");
            }
            else if (BuiltInProviders.IsBuiltIn(id))
            {
                errors.Add($"{Section}:{key} has the id of a built-in provider; configure that one under {Section}:Deployments:{id}.");
            }

            ValidateRow(errors, key, row, isCustom: true);
        }

        // The mode is judged only on an otherwise valid table: a catalog cannot be built from a broken one.
        if (errors.Count == 0 && modeKnown && configuration is not null
            && ProviderModes.Check(options.Mode!, ProviderCatalog.Build(options, configuration)) is { } shortfall)
        {
            errors.Add(shortfall);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateRow(List<string> errors, string key, ProviderDeploymentOptions row, bool isCustom)
    {
        if (row.BaseUrl is null)
        {
            Require(errors, !isCustom || row.Enabled == false, $"{key}:BaseUrl", "is required for a custom provider (an OpenAI-compatible base URL)");
        }
        else
        {
            Require(errors,
                Uri.TryCreate(row.BaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
                $"{key}:BaseUrl", $"'{row.BaseUrl}' is not an absolute http or https URL");
        }

        Require(errors, !isCustom || row.Enabled == false || !string.IsNullOrWhiteSpace(row.Model), $"{key}:Model", "is required for a custom provider");
        Require(errors, row.Model is null || !string.IsNullOrWhiteSpace(row.Model), $"{key}:Model", "must not be blank");
        Require(errors, row.Priority is null or >= 0, $"{key}:Priority", "must not be negative");
        Require(errors, row.Timeout is null || (row.Timeout > TimeSpan.Zero && row.Timeout <= ProvidersOptions.MaxProviderTimeout),
            $"{key}:Timeout", $"must be above zero and at most {ProvidersOptions.MaxProviderTimeout}");
        Require(errors, row.Adapter is null || ChatRequestAdapter.Exists(row.Adapter),
            $"{key}:Adapter", $"'{row.Adapter}' is unknown; use one of {string.Join(", ", ChatRequestAdapter.Names)}");
        Require(errors, row.PromptCostPerMillion is null or >= 0 && row.CompletionCostPerMillion is null or >= 0, $"{key}:*CostPerMillion", "must not be negative");
    }

    private static void Require(List<string> errors, bool condition, string key, string problem)
    {
        if (!condition)
        {
            errors.Add($"{Section}:{key} {problem}.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex IdPattern();
}
