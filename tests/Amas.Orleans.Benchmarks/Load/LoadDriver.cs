using System.Diagnostics;
using System.Net;
using Amas.Orleans.Benchmarks.Router;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>What a load run measured: requests answered as expected per second, and their latencies.</summary>
public sealed record LoadFigures(string Target, double PerSecond, Latencies Latencies, long Unexpected)
{
    /// <summary>Runtime counters over the rounds, for the gateway's side.</summary>
    public RuntimeProfile? Profile { get; init; }

    /// <summary>The dotnet-trace and dotnet-counters profile of an extra round, taken when the row misses its target.</summary>
    public Profiling.PhaseProfile? Trace { get; init; }

    public double P50 => Latencies.Count == 0 ? double.NaN : Latencies.P50;

    public double P99 => Latencies.Count == 0 ? double.NaN : Latencies.P99;
}

/// <summary>
/// A closed-loop HTTP load driver on loopback: <c>concurrency</c> workers, each sending its next request when the
/// last was answered, for a fixed time (or until <c>stop</c>). Bounded in time and in connections; the address must
/// be 127.0.0.1.
/// </summary>
public static class LoadDriver
{
    public static async Task<LoadFigures> RunAsync(string target, Uri address, int concurrency, TimeSpan duration,
        Func<int, HttpRequestMessage> request, HttpStatusCode expected, string? apiKey = null, CancellationToken stop = default)
    {
        if (!IPAddress.IsLoopback(IPAddress.Parse(address.Host)))
        {
            throw new ArgumentException($"The load driver only sends to loopback, not {address}.", nameof(address));
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false };
        using var http = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        }
        var latencies = new List<double>[concurrency];
        long unexpected = 0, sequence = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (clock.Elapsed < duration && !stop.IsCancellationRequested)
            {
                using var message = request((int)Interlocked.Increment(ref sequence));
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(message);
                await response.Content.ReadAsByteArrayAsync();
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode == expected)
                {
                    mine.Add(elapsed);
                }
                else
                {
                    Interlocked.Increment(ref unexpected);
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).ToList();
        return new LoadFigures(target, all.Count / seconds, new Latencies(target, all), unexpected);
    }
}
