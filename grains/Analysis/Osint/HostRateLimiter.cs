using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Amas.Orleans.Analysis.Osint;

/// <summary>
/// One request per interval per host: a token bucket of one token per host, created on the host's first request so
/// that request goes at once and the next waits a full interval.
/// </summary>
public sealed class HostRateLimiter(TimeSpan interval) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RateLimiter>> _limiters = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan Interval { get; } = interval;

    public async ValueTask WaitAsync(string host, CancellationToken cancellationToken)
    {
        if (Interval <= TimeSpan.Zero)
        {
            return;
        }

        var limiter = _limiters.GetOrAdd(host, _ => new Lazy<RateLimiter>(() => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = Interval,
            AutoReplenishment = true,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }))).Value;
        using var lease = await limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException($"Rate limiter for {host} refused a request.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var limiter in _limiters.Values.Where(l => l.IsValueCreated))
        {
            await limiter.Value.DisposeAsync();
        }
    }
}
