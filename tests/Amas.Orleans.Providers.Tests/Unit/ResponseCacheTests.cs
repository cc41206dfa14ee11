using Amas.Orleans.Providers.Configuration;
using Amas.Orleans.Providers.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Amas.Orleans.Providers.Tests.Unit;

public sealed class ResponseCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private ResponseCache Cache(bool enabled = true, int maxEntries = 3, int ttlSeconds = 60) => new(
        Options.Create(new ProvidersOptions { Cache = new ResponseCacheOptions { Enabled = enabled, MaxEntries = maxEntries, Ttl = TimeSpan.FromSeconds(ttlSeconds) } }),
        _clock);

    private static GenerateResponse Answer(string content) => new()
    {
        Success = true,
        Provider = "p",
        Content = content,
        Attempts = [new ProviderAttempt { Provider = "p", Outcome = ProviderOutcome.Success, Called = true }],
        PromptTokens = 5,
        CompletionTokens = 7,
    };

    [Fact]
    public void An_entry_is_served_until_its_ttl_and_not_at_it()
    {
        var cache = Cache();
        cache.Store("k", Answer("a"));

        _clock.Advance(TimeSpan.FromSeconds(59.999));
        var hit = cache.TryGet("k");
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var miss = cache.TryGet("k");

        Assert.NotNull(hit);
        Assert.True(hit.Cached);
        Assert.Empty(hit.Attempts);
        Assert.Equal(0, hit.PromptTokens);
        Assert.Equal("a", hit.Content);
        Assert.Null(miss);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void The_least_recently_used_entry_goes_first_when_the_cache_is_full()
    {
        var cache = Cache(maxEntries: 3);
        cache.Store("a", Answer("a"));
        cache.Store("b", Answer("b"));
        cache.Store("c", Answer("c"));
        Assert.NotNull(cache.TryGet("a"));

        cache.Store("d", Answer("d"));

        Assert.Equal(3, cache.Count);
        Assert.Null(cache.TryGet("b"));
        Assert.NotNull(cache.TryGet("a"));
        Assert.NotNull(cache.TryGet("c"));
        Assert.NotNull(cache.TryGet("d"));
    }

    [Fact]
    public void Failures_are_not_kept_and_a_disabled_cache_keeps_nothing()
    {
        var cache = Cache();
        cache.Store("failed", new GenerateResponse { Success = false, Error = "down" });
        var off = Cache(enabled: false);
        off.Store("k", Answer("a"));

        Assert.Null(cache.TryGet("failed"));
        Assert.Null(off.TryGet("k"));
        Assert.Equal(0, off.Count);
    }

    [Fact]
    public void The_cache_is_off_by_default()
        => Assert.False(new ProvidersOptions().Cache.Enabled);

    [Fact]
    public void The_key_covers_group_prompt_system_prompt_data_and_options_but_not_routing_or_budget()
    {
        var request = new GenerateRequest { Prompt = "p", Providers = ["a", "b"], Data = [new DataDocument("n", "c")] };
        var key = RequestKeys.Of(request);

        Assert.Equal(key, RequestKeys.Of(request with { Strategy = RoutingStrategy.Fastest, Timeout = TimeSpan.FromSeconds(3), TaskId = Guid.NewGuid(), Caller = "x" }));
        Assert.Equal(key, RequestKeys.Of(request with { Providers = ["b", "a"] }));
        Assert.NotEqual(key, RequestKeys.Of(request with { Prompt = "q" }));
        Assert.NotEqual(key, RequestKeys.Of(request with { SystemPrompt = "s" }));
        Assert.NotEqual(key, RequestKeys.Of(request with { Data = [new DataDocument("n", "d")] }));
        Assert.NotEqual(key, RequestKeys.Of(request with { Data = [new DataDocument("m", "c")] }));
        Assert.NotEqual(key, RequestKeys.Of(request with { Data = null }));
        Assert.NotEqual(key, RequestKeys.Of(request with { MaxTokens = 10 }));
        Assert.NotEqual(key, RequestKeys.Of(request with { Temperature = 0.1 }));
        Assert.NotEqual(key, RequestKeys.Of(request with { Providers = ["a"] }));
    }
}
