using Amas.Orleans.Testing.Providers;

namespace Amas.Orleans.Providers.Tests.Cluster;

[Collection(SystemClockCollection.Name)]
public sealed class StrategyTests(SystemClockCluster cluster)
{
    [Fact]
    public async Task Hedged_fastest_lets_the_fast_provider_win_and_cancels_the_slow_call()
    {
        cluster.Server.Script("hd-slow").Always(FakeReply.Answer("slow", TimeSpan.FromSeconds(20)));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var response = await cluster.Router.GenerateAsync(new GenerateRequest
        {
            Prompt = "hedge",
            Strategy = RoutingStrategy.Fastest,
            HedgeAfter = TimeSpan.FromMilliseconds(200),
            Providers = ["hd-slow", "hd-fast"],
        });

        Assert.True(response.Success, response.Error);
        Assert.Equal("hd-fast", response.Provider);
        // The slow provider answers only after 20 s, so winning already bounds the time; only the hedge delay is
        // asserted here, since an upper bound would measure the machine's load rather than the router.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(150), $"the hedge started after {watch.Elapsed}, before its 200 ms delay");
        Assert.Collection(response.Attempts,
            slow =>
            {
                Assert.Equal("hd-slow", slow.Provider);
                Assert.Equal(ProviderOutcome.Cancelled, slow.Outcome);
                Assert.False(slow.Hedged);
            },
            fast =>
            {
                Assert.Equal("hd-fast", fast.Provider);
                Assert.Equal(ProviderOutcome.Success, fast.Outcome);
                Assert.True(fast.Hedged);
            });
        await Eventually.TrueAsync(() => cluster.Server.Script("hd-slow").Aborted == 1, "the slow provider's HTTP request was not cancelled");
        var slowHealth = await cluster.Provider("hd-slow").GetHealthAsync();
        Assert.Equal(0, slowHealth.Failures);
    }

    [Fact]
    public async Task Round_robin_spreads_300_calls_evenly_over_3_healthy_providers()
    {
        var router = cluster.Router;
        for (var i = 0; i < 300; i++)
        {
            var response = await router.GenerateAsync(new GenerateRequest
            {
                Prompt = $"call {i}",
                Strategy = RoutingStrategy.RoundRobin,
                Providers = ["rr-1", "rr-2", "rr-3"],
            });
            Assert.True(response.Success, response.Error);
        }

        var counts = new[] { "rr-1", "rr-2", "rr-3" }.Select(id => cluster.Server.Script(id).Received.Count).ToList();
        Assert.Equal(300, counts.Sum());
        Assert.All(counts, count => Assert.InRange(count, 99, 101));
    }

    [Fact]
    public async Task Five_identical_concurrent_requests_share_one_provider_call()
    {
        cluster.Server.Script("dd-1").Always(FakeReply.Answer("shared answer", TimeSpan.FromMilliseconds(500)));
        var request = new GenerateRequest { Prompt = "same question", Providers = ["dd-1"] };

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => cluster.Router.GenerateAsync(request)));

        Assert.Single(cluster.Server.Script("dd-1").Received);
        Assert.All(responses, r =>
        {
            Assert.True(r.Success, r.Error);
            Assert.Equal("shared answer", r.Content);
        });
    }
}
