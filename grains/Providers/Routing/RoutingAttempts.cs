using System.Text;

namespace Amas.Orleans.Providers.Routing;

/// <summary>How provider results become the attempts and the error text a caller reads.</summary>
public static class RoutingAttempts
{
    public static ProviderAttempt From(ProviderCallResult result) => new()
    {
        Provider = result.Provider,
        Outcome = result.Outcome,
        Called = result.Called,
        StatusCode = result.StatusCode,
        Error = result.Error,
        LatencyMs = Math.Round(result.Latency.TotalMilliseconds, 3),
    };

    /// <summary>
    /// Whether another provider may still answer. 400 means the request itself is wrong, so every provider would
    /// refuse it; a 401/403 (or 404) is about this provider's key or URL, so the next provider is tried. Either way the
    /// provider that refused is not called again: it is marked misconfigured.
    /// </summary>
    public static bool ShouldFailOver(ProviderCallResult result) => result.Outcome switch
    {
        ProviderOutcome.Success or ProviderOutcome.Cancelled => false,
        ProviderOutcome.Misconfigured => result.StatusCode != 400,
        _ => true,
    };

    /// <summary>"All 2 attempts failed: a: server_error (HTTP 500); b: timeout (…). Not tried: c: unconfigured."</summary>
    public static string Describe(IReadOnlyList<ProviderAttempt> attempts, IReadOnlyList<string> skipped, string? stopReason)
    {
        var text = new StringBuilder();
        text.Append(attempts.Count == 0
            ? "No provider could take the request."
            : $"All {attempts.Count} attempt{(attempts.Count == 1 ? "" : "s")} failed: ");
        text.AppendJoin("; ", attempts.Select((a, i) => $"{i + 1}. {a.Provider}: {OutcomeNames.Of(a.Outcome)}{(a.Error is null ? "" : $" ({a.Error})")}"));
        if (attempts.Count > 0)
        {
            text.Append('.');
        }

        if (stopReason is not null)
        {
            text.Append(' ').Append(stopReason);
        }

        if (skipped.Count > 0)
        {
            text.Append(" Not tried: ").AppendJoin("; ", skipped).Append('.');
        }

        return text.ToString();
    }
}
