namespace Amas.Orleans.Providers;

/// <summary>
/// How one call to one provider ended. The router decides from this alone whether to try another provider, so every
/// failure a provider can cause has its own value rather than a generic "error".
/// </summary>
[GenerateSerializer, Alias("amas.ProviderOutcome")]
public enum ProviderOutcome
{
    Success = 0,
    /// <summary>The provider's own timeout passed before it answered.</summary>
    Timeout = 1,
    /// <summary>HTTP 429, or still inside the window a previous 429 announced (then the provider was not called).</summary>
    RateLimited = 2,
    /// <summary>HTTP 5xx, or any other status that says "try again later".</summary>
    ServerError = 3,
    /// <summary>The answer was not the JSON we expect: truncated, not an object, or without a choice.</summary>
    Malformed = 4,
    /// <summary>No HTTP answer at all: connection refused, reset, DNS failure.</summary>
    ConnectionFailed = 5,
    /// <summary>HTTP 400, 401 or 403: our request or key is wrong for this provider; retrying it cannot help.</summary>
    Misconfigured = 6,
    /// <summary>The circuit is open: the provider was not called.</summary>
    CircuitOpen = 7,
    /// <summary>The provider has no API key: it is never called.</summary>
    Unconfigured = 8,
    /// <summary>The caller cancelled (for example a hedged call that lost the race).</summary>
    Cancelled = 9,
}
