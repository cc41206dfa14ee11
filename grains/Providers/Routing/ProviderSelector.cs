namespace Amas.Orleans.Providers.Routing;

/// <summary>
/// The order in which a strategy tries the providers that can take a call now. Pure, so each strategy's choice is
/// tested without a cluster. Ties always fall back to the configured priority, then the id, so the order is stable.
/// </summary>
public static class ProviderSelector
{
    public static IReadOnlyList<ProviderHealth> Order(RoutingStrategy strategy, IEnumerable<ProviderHealth> available, long turn = 0)
    {
        var byPriority = available.OrderBy(p => p.Priority).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        return strategy switch
        {
            RoutingStrategy.RoundRobin => Rotate(byPriority, turn),
            // Providers without a measured latency go after the measured ones: a known-fast provider beats a guess.
            RoutingStrategy.Fastest => [.. byPriority.OrderBy(p => p.AverageLatencyMs is null).ThenBy(p => p.AverageLatencyMs ?? 0)],
            RoutingStrategy.Intelligent => [.. byPriority.OrderByDescending(Score)],
            _ => byPriority,
        };
    }

    /// <summary>
    /// Higher is better, about 0 to 1: recent success rate weighs most, then latency (1 s halves its part); a
    /// half-open circuit and a run of failures cost extra, since the next call is likelier to fail than the rate says.
    /// Providers that are rate-limited never get here; their 429s lower the success rate once the limit lifts.
    /// </summary>
    public static double Score(ProviderHealth provider)
    {
        // A provider nobody called yet gets a hopeful but not perfect record, so proven ones stay ahead.
        var successRate = provider.Calls == 0 ? 0.9 : 1 - provider.ErrorRate;
        var speed = provider.AverageLatencyMs is { } ms ? 1 / (1 + ms / 1000) : 0.5;
        var penalty = (provider.Circuit == CircuitState.Closed ? 0 : 0.3) + 0.05 * Math.Min(provider.ConsecutiveFailures, 5);
        return 0.6 * successRate + 0.4 * speed - penalty;
    }

    private static List<ProviderHealth> Rotate(List<ProviderHealth> providers, long turn)
    {
        if (providers.Count < 2)
        {
            return providers;
        }

        var start = (int)(turn % providers.Count);
        return [.. providers.Skip(start), .. providers.Take(start)];
    }
}
