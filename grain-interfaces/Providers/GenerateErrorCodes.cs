namespace Amas.Orleans.Providers;

/// <summary>The <see cref="GenerateResponse.ErrorCode"/> values: what kind of failure, for callers that act on it.</summary>
public static class GenerateErrorCodes
{
    /// <summary>The request itself is wrong (empty prompt, unknown provider…); no provider was called.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>A token or cost budget of the task or the caller is spent; no provider was called.</summary>
    public const string BudgetExhausted = "budget_exhausted";

    /// <summary>No provider answered: every attempt failed, or none could take the request.</summary>
    public const string ProvidersFailed = "providers_failed";
}
