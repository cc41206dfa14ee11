using Amas.Orleans.Learning;
using Amas.Orleans.Providers.Routing;

namespace Amas.Orleans.Providers.Tests.Unit;

public sealed class ProviderSelectorTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static ProviderHealth Provider(string id, int priority, double? latencyMs = null, long calls = 0, double errorRate = 0, CircuitState circuit = CircuitState.Closed)
        => new()
        {
            Id = id, Name = id, Model = "m", Priority = priority, Configured = true, At = Now,
            AverageLatencyMs = latencyMs, Calls = calls, ErrorRate = errorRate, Circuit = circuit,
        };

    private static string[] Ids(IEnumerable<ProviderHealth> providers) => [.. providers.Select(p => p.Id)];

    [Fact]
    public void Priority_follows_the_configured_order()
        => Assert.Equal(new[] { "a", "b", "c" }, Ids(ProviderSelector.Order(RoutingStrategy.Priority, [Provider("c", 3), Provider("a", 1), Provider("b", 2)])));

    [Fact]
    public void Round_robin_starts_one_further_each_turn()
    {
        ProviderHealth[] providers = [Provider("a", 1), Provider("b", 2), Provider("c", 3)];

        Assert.Equal(new[] { "a", "b", "c" }, Ids(ProviderSelector.Order(RoutingStrategy.RoundRobin, providers, 0)));
        Assert.Equal(new[] { "b", "c", "a" }, Ids(ProviderSelector.Order(RoutingStrategy.RoundRobin, providers, 1)));
        Assert.Equal(new[] { "c", "a", "b" }, Ids(ProviderSelector.Order(RoutingStrategy.RoundRobin, providers, 5)));
    }

    [Fact]
    public void Fastest_puts_the_lowest_latency_first_and_unmeasured_providers_last()
        => Assert.Equal(new[] { "b", "c", "a" },
            Ids(ProviderSelector.Order(RoutingStrategy.Fastest, [Provider("a", 1), Provider("b", 2, 80), Provider("c", 3, 300)])));

    [Fact]
    public void Intelligent_prefers_a_reliable_fast_provider_over_a_failing_one_of_higher_priority()
        => Assert.Equal(new[] { "steady", "flaky" },
            Ids(ProviderSelector.Order(RoutingStrategy.Intelligent,
                [Provider("flaky", 1, 200, calls: 50, errorRate: 0.4), Provider("steady", 2, 400, calls: 50, errorRate: 0)])));

    [Fact]
    public void Intelligent_ranks_a_half_open_provider_below_a_healthy_one()
        => Assert.Equal(new[] { "healthy", "recovering" },
            Ids(ProviderSelector.Order(RoutingStrategy.Intelligent,
                [Provider("recovering", 1, 100, calls: 10, circuit: CircuitState.HalfOpen), Provider("healthy", 2, 100, calls: 10)])));

    [Fact]
    public void Intelligent_weighs_the_history_of_this_kind_of_prompt_and_only_that_kind()
    {
        ProviderHealth[] providers = [Provider("a", 1, 100, calls: 50), Provider("b", 2, 100, calls: 50)];
        var history = new Dictionary<string, ProviderTally>
        {
            ["a"] = new() { Provider = "a", PromptKind = "summaries", Calls = 10, Failures = 10, LatencyMsTotal = 1000 },
            ["b"] = new() { Provider = "b", PromptKind = "summaries", Calls = 10, Successes = 10, LatencyMsTotal = 1000 },
        };

        Assert.Equal(new[] { "a", "b" }, Ids(ProviderSelector.Order(RoutingStrategy.Intelligent, providers)));
        Assert.Equal(new[] { "b", "a" }, Ids(ProviderSelector.Order(RoutingStrategy.Intelligent, providers, history: history.GetValueOrDefault)));
        Assert.Equal(new[] { "a", "b" }, Ids(ProviderSelector.Order(RoutingStrategy.Intelligent, providers, history: _ => null)));
        // History counts more as it grows: one failed call barely moves a proven provider.
        var once = new ProviderTally { Provider = "a", PromptKind = "summaries", Calls = 1, Failures = 1, LatencyMsTotal = 100 };
        Assert.True(ProviderSelector.Score(providers[0], once, 10) > ProviderSelector.Score(providers[0], history["a"], 10));
        Assert.Equal(ProviderSelector.Order(RoutingStrategy.Priority, providers), ProviderSelector.Order(RoutingStrategy.Priority, providers, history: history.GetValueOrDefault));
    }
}
