using Amas.Orleans.Testing.Providers;

namespace Amas.Orleans.Providers.Tests.Cluster;

[Collection(BudgetCollection.Name)]
public sealed class ResponseCacheTests(BudgetCluster cluster)
{
    [Fact]
    public async Task A_cached_answer_makes_no_provider_call_and_says_it_is_cached_until_the_ttl_passes()
    {
        var request = new GenerateRequest { Prompt = "cache me", Providers = ["cx-1"], Data = [new DataDocument("readme", "text")] };

        var fresh = await cluster.Router.GenerateAsync(request);
        cluster.Clock.Advance(TimeSpan.FromSeconds(59));
        var cached = await cluster.Router.GenerateAsync(request);
        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await cluster.Router.GenerateAsync(request);

        Assert.True(fresh.Success, fresh.Error);
        Assert.False(fresh.Cached);
        Assert.True(cached.Success);
        Assert.True(cached.Cached);
        Assert.Empty(cached.Attempts);
        Assert.Equal(fresh.Content, cached.Content);
        Assert.Equal("cx-1", cached.Provider);
        Assert.Equal("cx-1-model", cached.Model);
        Assert.Equal(0, cached.PromptTokens + cached.CompletionTokens);
        Assert.False(expired.Cached);
        Assert.Equal(2, cluster.Server.Script("cx-1").Received.Count);
    }

    [Fact]
    public async Task Different_data_or_options_are_different_questions_and_a_failure_is_never_cached()
    {
        var script = cluster.Server.Script("ch-1");
        var basic = new GenerateRequest { Prompt = "same prompt", Providers = ["ch-1"], Data = [new DataDocument("a.txt", "one")] };

        await cluster.Router.GenerateAsync(basic);
        await cluster.Router.GenerateAsync(basic with { Data = [new DataDocument("a.txt", "two")] });
        await cluster.Router.GenerateAsync(basic with { Temperature = 0.5 });
        await cluster.Router.GenerateAsync(basic with { SystemPrompt = "be brief" });
        var again = await cluster.Router.GenerateAsync(basic);

        Assert.True(again.Cached);
        Assert.Equal(4, script.Received.Count);

        cluster.Server.Script("ch-2").Then(FakeReply.Status(500));
        var failed = await cluster.Router.GenerateAsync(new GenerateRequest { Prompt = "flaky", Providers = ["ch-2"] });
        var retried = await cluster.Router.GenerateAsync(new GenerateRequest { Prompt = "flaky", Providers = ["ch-2"] });

        Assert.False(failed.Success);
        Assert.True(retried.Success, retried.Error);
        Assert.False(retried.Cached);
        Assert.Equal(2, cluster.Server.Script("ch-2").Received.Count);
    }
}
