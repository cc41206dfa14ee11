using System.Net;

namespace Amas.Orleans.Gateway.Security.Tests;

[Collection(RateLimitedGatewayCollection.Name)]
public sealed class RateLimitTests(RateLimitedGateway gateway)
{
    [Fact]
    public async Task The_request_after_the_limit_is_a_429_with_retry_after_and_another_caller_is_unaffected()
    {
        using var alice = gateway.WithKey(gateway.Keys["alice-viewer"]);
        using var bob = gateway.WithKey(gateway.Keys["bob"]);
        for (var i = 1; i <= RateLimitedGateway.PermitLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/api/v1/tasks")).StatusCode);
        }

        using var limited = await alice.GetAsync("/api/v1/tasks");

        HttpJson.AssertProblem(limited, HttpStatusCode.TooManyRequests);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/api/v1/tasks")).StatusCode);

        // Another key of the same owner is the same caller: limits follow the caller, not the key.
        using var aliceOtherKey = gateway.WithKey(gateway.Keys["alice-operator"]);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await aliceOtherKey.GetAsync("/api/v1/tasks")).StatusCode);

        var entry = await Audit.FindAsync(gateway, limited);
        Assert.Equal("denied", entry.GetProperty("result").GetString());
        Assert.Equal("alice", entry.GetProperty("caller").GetString());
        Assert.Equal("429", entry.GetProperty("detail").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Callers_without_credentials_are_limited_by_address_so_guessing_keys_is_limited_too()
    {
        for (var i = 1; i <= RateLimitedGateway.PermitLimit; i++)
        {
            using var guess = gateway.WithKey(Amas.Orleans.Gateway.Security.ApiKeys.ApiKeySecrets.NewKey());
            Assert.Equal(HttpStatusCode.Unauthorized, (await guess.GetAsync("/api/v1/tasks")).StatusCode);
        }

        using var next = gateway.WithKey(Amas.Orleans.Gateway.Security.ApiKeys.ApiKeySecrets.NewKey());
        using var limited = await next.GetAsync("/api/v1/tasks");

        HttpJson.AssertProblem(limited, HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
        using var bob = gateway.WithKey(gateway.Keys["bob"]);
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/api/v1/tasks")).StatusCode);
    }
}
