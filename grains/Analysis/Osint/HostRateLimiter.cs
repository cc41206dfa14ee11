using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Amas.Orleans.Analysis.Osint;

/// <summary>
/// At least one interval between two requests to the same host. A token bucket would not do: its refill ticks on a
/// fixed clock, so a request just before a tick and one just after it would go out back to back. A sliding window
/// of one permit, with the window one segment longer than the interval, frees a permit no sooner than a full
/// interval after the segment it was taken in ended.
/// </summary>
public sealed class HostRateLimiter(TimeSpan interval) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RateLimiter>> _limiters = new(StringComparer.OrdinalIgnoreCase);

    private const int Segments = 10;

    public TimeSpan Interval { get; } = interval;

    public async ValueTask WaitAsync(string host, CancellationToken cancellationToken)
    {
        if (Interval <= TimeSpan.Zero)
        {
            return;
        }

        var limiter = _limiters.GetOrAdd(host, _ => new Lazy<RateLimiter>(() => new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = 1,
            Window = Interval + (Interval / Segments),
            SegmentsPerWindow = Segments + 1,
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
