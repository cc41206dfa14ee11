using Amas.Orleans.Learning;
using Amas.Orleans.Testing.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace Amas.Orleans.Providers.Tests.Cluster;

/// <summary>The <c>intelligent</c> strategy reads the LearningSystem's history for the kind of prompt it routes.</summary>
[Collection(SystemClockCollection.Name)]
public sealed class LearnedRoutingTests(SystemClockCluster cluster)
{
    private Task<GenerateResponse> AskAsync(string prompt, string kind) => cluster.Router.GenerateAsync(new GenerateRequest
    {
        Prompt = prompt,
        Strategy = RoutingStrategy.Intelligent,
        Providers = ["lh-a", "lh-b"],
        PromptKind = kind,
    });

    [Fact]
    public async Task History_for_a_kind_of_prompt_moves_that_kind_to_the_provider_that_answers_it_well()
    {
        // Nothing known yet: equal scores, so the configured priority decides.
        var before = await AskAsync("summarise the findings", "summaries");
        Assert.Equal("lh-a", before.Provider);

        // The cluster learned that lh-a keeps failing summaries and lh-b answers them.
        var stored = await cluster.Client.GetGrain<ILearningSystemGrain>(0).MergeAsync(new LearningTallies
        {
            Providers =
            [
                new ProviderTally { Provider = "lh-a", PromptKind = "summaries", Calls = 20, Failures = 20, LatencyMsTotal = 20 * 100 },
                new ProviderTally { Provider = "lh-b", PromptKind = "summaries", Calls = 20, Successes = 20, LatencyMsTotal = 20 * 100 },
            ],
        });
        Assert.True(stored);
        var history = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredService<ProviderHistory>();
        await Eventually.TrueAsync(() => history.For("lh-b", "summaries")?.Calls >= 20, "the silo's copy of the provider history was not refreshed", TimeSpan.FromSeconds(30));

        var other = await AskAsync("explain CWE-89", "explanations");
        var summaries = await AskAsync("summarise the findings again", "summaries");

        Assert.True(summaries.Success, summaries.Error);
        Assert.Equal("lh-b", summaries.Provider);
        Assert.Equal("lh-b", summaries.Attempts[0].Provider);
        // Another kind of prompt has no such history: lh-a, which answered well a moment ago, stays first for it.
        Assert.True(other.Success, other.Error);
        Assert.Equal("lh-a", other.Provider);
    }

    [Fact]
    public async Task Every_call_the_router_makes_is_tallied_for_its_provider_and_prompt_kind()
    {
        cluster.Server.Script("lt-a").Then(FakeReply.Status(500, "boom"));

        var response = await cluster.Router.GenerateAsync(new GenerateRequest
        {
            Prompt = "count me", Strategy = RoutingStrategy.Priority, Providers = ["lt-a", "lt-b"], PromptKind = "tallied",
        });

        Assert.True(response.Success, response.Error);
        var learning = cluster.Client.GetGrain<ILearningSystemGrain>(0);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        LearningTallies history;
        while ((history = (await learning.GetHistoryAsync())!).Providers.Count(p => p.PromptKind == "tallied") < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the router's calls did not reach the LearningSystem");
            await Task.Delay(50);
        }

        var failed = history.Providers.Single(p => p is { Provider: "lt-a", PromptKind: "tallied" });
        var answered = history.Providers.Single(p => p is { Provider: "lt-b", PromptKind: "tallied" });
        Assert.Equal((1, 0, 1), (failed.Calls, failed.Successes, failed.Failures));
        Assert.Equal((1, 1, 0), (answered.Calls, answered.Successes, answered.Failures));
        Assert.True(answered.Tokens > 0);
    }
}
