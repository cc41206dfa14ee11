namespace Amas.Orleans.Providers.Configuration;

/// <summary>
/// <c>Amas:Providers:Cache</c>: the router's response cache, per silo, off by default. Keyed by the provider group,
/// prompt, system prompt, data and generation options; only successful answers are kept.
/// </summary>
public sealed class ResponseCacheOptions
{
    public bool Enabled { get; set; }

    /// <summary>How long an answer is served from the cache.</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The most answers kept; the least recently used goes first.</summary>
    public int MaxEntries { get; set; } = 1000;
}
