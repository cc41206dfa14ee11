using Amas.Orleans.Learning;

namespace Amas.Orleans.Providers.Routing;

/// <summary>
/// The order in which a strategy tries the providers that can take a call now. Pure, so each strategy's choice is
/// tested without a cluster. Ties always fall back to the configured priority, then the id, so the order is stable.
/// </summary>
public static class ProviderSelector
{
    /// <param name="history">
    /// For <see cref="RoutingStrategy.Intelligent"/>: how each provider did on this kind of prompt (the LearningSystem's
    /// history), null for a provider never tried on it.
    /// </param>
    /// <param name="historyCalls">Calls of history after which it weighs as much as the live health.</param>
    public static IReadOnlyList<ProviderHealth> Order(
        RoutingStrategy strategy, IEnumerable<ProviderHealth> available, long turn = 0, Func<string, ProviderTally?>? history = null, int historyCalls = 10)
    {
        var byPriority = available.OrderBy(p => p.Priority).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        return strategy switch
        {
            RoutingStrategy.RoundRobin => Rotate(byPriority, turn),
            // Providers without a measured latency go after the measured ones: a known-fast provider beats a guess.
            RoutingStrategy.Fastest => [.. byPriority.OrderBy(p => p.AverageLatencyMs is null).ThenBy(p => p.AverageLatencyMs ?? 0)],
            RoutingStrategy.Intelligent => [.. byPriority.OrderByDescending(p => Score(p, history?.Invoke(p.Id), historyCalls))],
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

    /// <summary>
    /// The live score blended with the provider's record on this kind of prompt: the history's own success rate and
    /// speed, weighing up to half of the score as its calls approach <paramref name="historyCalls"/>. So a provider
    /// that keeps failing at one kind of prompt (too long for its context, a format it garbles) drops for that kind
    /// only, while it stays first for the prompts it answers well.
    /// </summary>
    public static double Score(ProviderHealth provider, ProviderTally? history, int historyCalls)
    {
        var live = Score(provider);
        if (history is not { Calls: > 0 } known)
        {
            return live;
        }

        var successRate = (double)known.Successes / known.Calls;
        var speed = 1 / (1 + known.LatencyMsTotal / known.Calls / 1000);
        var learned = 0.6 * successRate + 0.4 * speed;
        var weight = 0.5 * Math.Min(1.0, (double)known.Calls / Math.Max(1, historyCalls));
        return (1 - weight) * live + weight * learned;
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
