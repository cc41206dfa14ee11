using Amas.Orleans.Providers.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Providers.Routing;

/// <summary>
/// Successful answers by <see cref="RequestKeys"/>, per silo, for <c>Amas:Providers:Cache:Ttl</c>, at most
/// <c>MaxEntries</c> of them (the least recently used goes first). Off unless <c>Amas:Providers:Cache:Enabled</c>.
/// Expiry reads the providers' clock, so tests move time instead of waiting.
/// </summary>
public sealed class ResponseCache(
    IOptions<ProvidersOptions> options,
    [FromKeyedServices(ProviderServices.ClockKey)] TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    // Most recently used first.
    private readonly LinkedList<Entry> _recency = new();

    public bool Enabled => options.Value.Cache.Enabled;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The cached answer, marked <see cref="GenerateResponse.Cached"/>, without attempts (no provider was called); null on a miss.</summary>
    public GenerateResponse? TryGet(string key)
    {
        if (!Enabled)
        {
            return null;
        }

        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }

            if (node.Value.ExpiresAt <= now)
            {
                Remove(node);
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Response;
        }
    }

    /// <summary>Keeps a successful answer; anything else is ignored.</summary>
    public void Store(string key, GenerateResponse response)
    {
        if (!Enabled || !response.Success)
        {
            return;
        }

        var settings = options.Value.Cache;
        var entry = new Entry(key, response with { Cached = true, Attempts = [], LatencyMs = 0, PromptTokens = 0, CompletionTokens = 0, EstimatedCostUsd = 0 }, time.GetUtcNow() + settings.Ttl);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                Remove(existing);
            }

            _entries[key] = _recency.AddFirst(entry);
            while (_entries.Count > settings.MaxEntries && _recency.Last is { } oldest)
            {
                Remove(oldest);
            }
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Key);
    }

    private sealed record Entry(string Key, GenerateResponse Response, DateTimeOffset ExpiresAt);
}
