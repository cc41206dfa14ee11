namespace Amas.Orleans.Providers;

/// <summary>How the router orders the providers it may call (design §4).</summary>
[GenerateSerializer, Alias("amas.RoutingStrategy")]
public enum RoutingStrategy
{
    /// <summary>The configured priority order, skipping providers that cannot take a call now.</summary>
    Priority = 0,
    /// <summary>Rotate over the providers that can take a call, one cursor per group of providers.</summary>
    RoundRobin = 1,
    /// <summary>Lowest recent latency first; optionally hedged with a second provider after a delay.</summary>
    Fastest = 2,
    /// <summary>A score from success rate, latency and rate-limit state.</summary>
    Intelligent = 3,
}
