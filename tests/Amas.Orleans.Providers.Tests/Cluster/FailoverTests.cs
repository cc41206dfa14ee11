using Amas.Orleans.Testing.Providers;

namespace Amas.Orleans.Providers.Tests.Cluster;

[Collection(SystemClockCollection.Name)]
public sealed class FailoverTests(SystemClockCluster cluster)
{
    [Fact]
    public async Task A_500_fails_over_to_the_second_provider_and_both_attempts_are_listed_in_order()
    {
        cluster.Server.Script("fo-a").Then(FakeReply.Status(500, """{"error":{"message":"upstream exploded"}}"""));

        var response = await cluster.GenerateAsync("failover", "fo-a", "fo-b");

        Assert.True(response.Success, response.Error);
        Assert.Equal("fo-b", response.Provider);
        Assert.Equal("answer from fo-b", response.Content);
        Assert.Equal("fo-b-model", response.Model);
        Assert.Collection(response.Attempts,
            first =>
            {
                Assert.Equal("fo-a", first.Provider);
                Assert.Equal(ProviderOutcome.ServerError, first.Outcome);
                Assert.Equal(500, first.StatusCode);
                Assert.Contains("upstream exploded", first.Error);
            },
            second =>
            {
                Assert.Equal("fo-b", second.Provider);
                Assert.Equal(ProviderOutcome.Success, second.Outcome);
            });
        var sent = Assert.Single(cluster.Server.Script("fo-b").Received);
        Assert.Equal(ProviderCluster.TestKey, sent.BearerToken);
        Assert.Equal("fo-b-model", sent.Body["model"]!.GetValue<string>());
        Assert.Equal("failover", sent.Body["messages"]![0]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_timeout_is_a_provider_failure_with_its_own_reason_and_the_next_provider_answers()
    {
        cluster.Server.Script("to-slow").Always(FakeReply.Answer("too late", TimeSpan.FromSeconds(20)));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var response = await cluster.GenerateAsync("timeout", "to-slow", "to-ok");

        Assert.True(response.Success, response.Error);
        Assert.Equal("to-ok", response.Provider);
        var timedOut = response.Attempts[0];
        Assert.Equal(ProviderOutcome.Timeout, timedOut.Outcome);
        Assert.Contains("no answer within 1 s", timedOut.Error);
        // Only the lower bound: the timeout must have been waited out; an upper bound would measure the machine's load.
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"answered after {watch.Elapsed}, before the 1 s timeout");
        await Eventually.TrueAsync(() => cluster.Server.Script("to-slow").Aborted == 1, "the timed-out HTTP request was not cancelled");
    }

    [Fact]
    public async Task Truncated_json_is_a_malformed_answer_and_the_next_provider_answers()
    {
        cluster.Server.Script("tr-bad").Always(FakeReply.TruncatedJson);

        var response = await cluster.GenerateAsync("truncated", "tr-bad", "tr-ok");

        Assert.Equal("tr-ok", response.Provider);
        Assert.Equal(ProviderOutcome.Malformed, response.Attempts[0].Outcome);
        Assert.Contains("not valid JSON", response.Attempts[0].Error);
    }

    [Fact]
    public async Task Empty_choices_is_a_malformed_answer_and_the_next_provider_answers()
    {
        cluster.Server.Script("em-bad").Always(FakeReply.EmptyChoices);

        var response = await cluster.GenerateAsync("empty", "em-bad", "em-ok");

        Assert.Equal("em-ok", response.Provider);
        Assert.Equal(ProviderOutcome.Malformed, response.Attempts[0].Outcome);
        Assert.Contains("empty choices", response.Attempts[0].Error);
    }

    [Fact]
    public async Task A_refused_connection_is_a_connection_failure_and_the_next_provider_answers()
    {
        var response = await cluster.GenerateAsync("refused", SystemClockCluster.RefusingProvider, "cr-ok");

        Assert.Equal("cr-ok", response.Provider);
        Assert.Equal(ProviderOutcome.ConnectionFailed, response.Attempts[0].Outcome);
        Assert.Contains("could not reach 127.0.0.1", response.Attempts[0].Error);
    }

    [Fact]
    public async Task A_401_marks_the_provider_misconfigured_and_it_is_not_called_again()
    {
        cluster.Server.Script("au-bad").Always(FakeReply.Status(401, """{"error":{"message":"Invalid API key"}}"""));

        var first = await cluster.GenerateAsync("auth one", "au-bad", "au-ok");
        var second = await cluster.GenerateAsync("auth two", "au-bad", "au-ok");

        Assert.Equal("au-ok", first.Provider);
        Assert.Equal(ProviderOutcome.Misconfigured, first.Attempts[0].Outcome);
        Assert.Equal(401, first.Attempts[0].StatusCode);
        Assert.Equal(new[] { "au-ok" }, second.Attempts.Select(a => a.Provider));
        Assert.Single(cluster.Server.Script("au-bad").Received);
        var health = await cluster.Provider("au-bad").GetHealthAsync();
        Assert.Contains("Invalid API key", health.Misconfiguration);
        Assert.Equal("misconfigured", health.Status(DateTimeOffset.UtcNow));
        Assert.DoesNotContain(ProviderCluster.TestKey, health.Misconfiguration);
    }

    [Fact]
    public async Task A_400_is_not_retried_on_any_provider()
    {
        cluster.Server.Script("br-bad").Always(FakeReply.Status(400, """{"error":{"message":"messages[0].name is not supported"}}"""));

        var response = await cluster.GenerateAsync("bad request", "br-bad", "br-ok");

        Assert.False(response.Success);
        Assert.Equal(ProviderOutcome.Misconfigured, Assert.Single(response.Attempts).Outcome);
        Assert.Empty(cluster.Server.Script("br-ok").Received);
        Assert.Contains("HTTP 400", response.Error);
    }

    [Fact]
    public async Task When_every_provider_fails_the_error_names_each_attempt()
    {
        cluster.Server.Script("af-1").Always(FakeReply.Status(500));
        cluster.Server.Script("af-2").Always(FakeReply.TruncatedJson);
        cluster.Server.Script("af-3").Always(FakeReply.Status(503, "overloaded"));

        var response = await cluster.GenerateAsync("doomed", "af-1", "af-2", "af-3");

        Assert.False(response.Success);
        Assert.Null(response.Content);
        Assert.Equal(new[] { "af-1", "af-2", "af-3" }, response.Attempts.Select(a => a.Provider));
        Assert.StartsWith("All 3 attempts failed: 1. af-1: server_error (HTTP 500); 2. af-2: malformed (", response.Error);
        Assert.Contains("3. af-3: server_error (HTTP 503: overloaded)", response.Error);
    }

    [Fact]
    public async Task Unconfigured_providers_are_never_called_and_are_listed_as_unconfigured()
    {
        var response = await cluster.GenerateAsync("unconfigured", "deepseek", "uc-ok");

        Assert.Equal("uc-ok", response.Provider);
        Assert.Equal(new[] { "uc-ok" }, response.Attempts.Select(a => a.Provider));
        Assert.Empty(cluster.Server.Script("deepseek").Received);

        var direct = await cluster.Provider("deepseek").CompleteAsync(new ProviderRequest { Messages = [ProviderMessage.User("hi")] });
        Assert.Equal(ProviderOutcome.Unconfigured, direct.Outcome);
        Assert.False(direct.Called);
        Assert.Contains("DEEPSEEK_API_KEY", direct.Error);
        Assert.Empty(cluster.Server.Script("deepseek").Received);

        var listed = await cluster.Router.GetProvidersAsync();
        Assert.Equal(15, listed.Count(p => !p.Configured));
        Assert.Equal("unconfigured", listed.Single(p => p.Id == "deepseek").Status(DateTimeOffset.UtcNow));
        Assert.True(listed.Single(p => p.Id == "uc-ok").Configured);
    }
}
