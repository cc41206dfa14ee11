using Amas.Orleans.Testing.Providers;

namespace Amas.Orleans.Providers.Tests.Cluster;

[Collection(FakeClockCollection.Name)]
public sealed class FakeClockTests(FakeClockCluster cluster)
{
    [Fact]
    public async Task A_429_with_Retry_After_7_keeps_the_provider_out_for_exactly_7_seconds_and_the_next_answers_at_once()
    {
        cluster.Server.Script("rl-a").Then(FakeReply.RateLimited("7"));
        var start = cluster.Clock.GetUtcNow();

        var limited = await cluster.GenerateAsync("limit 1", "rl-a", "rl-b");

        // The clock did not move: the router did not wait on rl-a before asking rl-b.
        Assert.Equal("rl-b", limited.Provider);
        Assert.Equal(ProviderOutcome.RateLimited, limited.Attempts[0].Outcome);
        Assert.Equal(429, limited.Attempts[0].StatusCode);

        cluster.Clock.Advance(TimeSpan.FromSeconds(6.9));
        var during = await cluster.GenerateAsync("limit 2", "rl-a", "rl-b");
        Assert.Equal(new[] { "rl-b" }, during.Attempts.Select(a => a.Provider));
        Assert.Equal(start + TimeSpan.FromSeconds(7), (await cluster.Provider("rl-a").GetHealthAsync()).RateLimitedUntil);
        Assert.Single(cluster.Server.Script("rl-a").Received);

        cluster.Clock.Advance(TimeSpan.FromSeconds(0.1));
        var after = await cluster.GenerateAsync("limit 3", "rl-a", "rl-b");
        Assert.Equal("rl-a", after.Provider);
        Assert.Equal(2, cluster.Server.Script("rl-a").Received.Count);
    }

    [Fact]
    public async Task The_circuit_opens_after_the_threshold_rejects_without_a_call_half_opens_after_the_cool_down_and_closes_after_two_successes()
    {
        var broken = cluster.Server.Script("cb-a").Always(FakeReply.Status(500));
        var provider = cluster.Provider("cb-a");
        for (var i = 0; i < 3; i++)
        {
            var response = await cluster.GenerateAsync($"circuit {i}", "cb-a", "cb-b");
            Assert.Equal("cb-b", response.Provider);
            Assert.Equal(ProviderOutcome.ServerError, response.Attempts[0].Outcome);
        }

        var opened = await provider.GetHealthAsync();
        Assert.Equal(CircuitState.Open, opened.Circuit);
        Assert.Equal(cluster.Clock.GetUtcNow() + TimeSpan.FromSeconds(30), opened.CircuitOpenUntil);

        var whileOpen = await cluster.GenerateAsync("circuit open", "cb-a", "cb-b");
        Assert.Equal(new[] { "cb-b" }, whileOpen.Attempts.Select(a => a.Provider));
        var rejected = await provider.CompleteAsync(new ProviderRequest { Messages = [ProviderMessage.User("direct")] });
        Assert.Equal(ProviderOutcome.CircuitOpen, rejected.Outcome);
        Assert.False(rejected.Called);
        Assert.Equal(3, broken.Received.Count);

        cluster.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(ProviderOutcome.CircuitOpen, (await provider.CompleteAsync(new ProviderRequest { Messages = [ProviderMessage.User("direct")] })).Outcome);
        Assert.Equal(3, broken.Received.Count);

        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        broken.Always(FakeReply.Answer("cb-a is back"));
        var probe = await cluster.GenerateAsync("probe 1", "cb-a", "cb-b");
        Assert.Equal("cb-a", probe.Provider);
        Assert.Equal(CircuitState.HalfOpen, (await provider.GetHealthAsync()).Circuit);

        var secondProbe = await cluster.GenerateAsync("probe 2", "cb-a", "cb-b");
        Assert.Equal("cb-a", secondProbe.Provider);
        var closed = await provider.GetHealthAsync();
        Assert.Equal(CircuitState.Closed, closed.Circuit);
        Assert.Equal(0, closed.ConsecutiveFailures);
        Assert.Equal(5, broken.Received.Count);
    }
}
