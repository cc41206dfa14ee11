namespace Amas.Orleans.Providers.Configuration;

/// <summary><c>Amas:Providers</c>: the provider table, the router's defaults and the health rules.</summary>
public sealed class ProvidersOptions
{
    public const string SectionName = "Amas:Providers";

    /// <summary>The longest call a deployment may configure; the grain interfaces' response timeout stays above it.</summary>
    public static readonly TimeSpan MaxProviderTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Overrides for the fifteen built-in deployments, by id.</summary>
    public Dictionary<string, ProviderDeploymentOptions> Deployments { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>More deployments, any OpenAI-compatible base URL (a local Ollama or llama.cpp server, a proxy).</summary>
    public Dictionary<string, ProviderDeploymentOptions> Custom { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>minimal</c>, <c>basic</c>, <c>standard</c> or <c>full</c>: how many providers must have a key (see <see cref="ProviderModes"/>).</summary>
    public string Mode { get; set; } = "minimal";

    /// <summary>The default strategy: <c>priority</c>, <c>round_robin</c>, <c>fastest</c> or <c>intelligent</c>.</summary>
    public string Strategy { get; set; } = "priority";

    /// <summary>The most providers one request tries.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The default deadline over every attempt of one request.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>For <c>fastest</c>: start a second provider after this delay; null: no hedging unless a request asks.</summary>
    public TimeSpan? HedgeAfter { get; set; }

    /// <summary>How long the router trusts a provider health snapshot.</summary>
    public TimeSpan HealthCacheTtl { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a 429 without a usable Retry-After or reset header keeps a provider out.</summary>
    public TimeSpan DefaultRateLimitCoolDown { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a 400, 401 or 403 keeps a provider out. Finite because a 400 can come from one odd request and a
    /// rotated key should be picked up without a restart.
    /// </summary>
    public TimeSpan MisconfiguredCoolDown { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many recent successful calls the latency average covers.</summary>
    public int LatencyWindow { get; set; } = 20;

    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    public AiBudgetOptions Budgets { get; set; } = new();

    public ResponseCacheOptions Cache { get; set; } = new();
}
