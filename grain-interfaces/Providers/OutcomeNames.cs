namespace Amas.Orleans.Providers;

/// <summary>The snake_case words for <see cref="ProviderOutcome"/>, as the API and error texts show them.</summary>
public static class OutcomeNames
{
    public static string Of(ProviderOutcome outcome) => outcome switch
    {
        ProviderOutcome.Success => "success",
        ProviderOutcome.Timeout => "timeout",
        ProviderOutcome.RateLimited => "rate_limited",
        ProviderOutcome.ServerError => "server_error",
        ProviderOutcome.Malformed => "malformed",
        ProviderOutcome.ConnectionFailed => "connection_failed",
        ProviderOutcome.Misconfigured => "misconfigured",
        ProviderOutcome.CircuitOpen => "circuit_open",
        ProviderOutcome.Unconfigured => "unconfigured",
        ProviderOutcome.Cancelled => "cancelled",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
