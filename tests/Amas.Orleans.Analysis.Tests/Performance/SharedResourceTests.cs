using Amas.Orleans.Analysis.Performance;

namespace Amas.Orleans.Analysis.Tests.Performance;

/// <summary>The C# rules about resources that should live longer than a call: HttpClient and static caches.</summary>
public sealed class SharedResourceTests
{
    private static IReadOnlyList<int> Lines(string members, string rule) =>
        Analysed.Lines("Client.cs", $"public sealed class Client\n{{\n{members}\n}}\n", rule);

    [Theory]
    [InlineData("    public async Task<string> GetAsync(string url) { using var http = new HttpClient(); return await http.GetStringAsync(url); }")]
    [InlineData("    public Task<string> GetAsync(string url) => new System.Net.Http.HttpClient().GetStringAsync(url);")]
    [InlineData("    public void Get() { HttpClient http = new(); }")]
    [InlineData("    public HttpClient Http => new HttpClient();")]
    public void An_http_client_created_per_call_is_flagged(string members) =>
        Assert.Equal([3], Lines(members, PerformanceRuleIds.HttpClientPerCall));

    [Theory]
    [InlineData("    private static readonly HttpClient Http = new HttpClient();")]
    [InlineData("    private readonly HttpClient _http; public Client() { _http = new HttpClient(); }")]
    [InlineData("    private static readonly Lazy<HttpClient> Http = new(() => new HttpClient());")]
    [InlineData("    private static HttpClient? _http; public HttpClient Get() => _http ??= new HttpClient();")]
    [InlineData("    public async Task<string> GetAsync(string url) { using var handler = new HttpClientHandler(); return url; }")]
    public void A_shared_or_lazily_created_http_client_is_not_flagged(string members) =>
        Assert.Empty(Lines(members, PerformanceRuleIds.HttpClientPerCall));

    [Theory]
    [InlineData("    private static readonly ConcurrentDictionary<string, byte[]> Cache = new();\n"
        + "    public byte[] Get(string key) => Cache.GetOrAdd(key, Load);")]
    [InlineData("    private static Dictionary<string, int> _seen = new();\n"
        + "    public void Track(string key) { _seen[key] = 1; }")]
    [InlineData("    private static readonly ConcurrentDictionary<string, int> Cache = new();\n"
        + "    public void Put(string key) { Client.Cache.TryAdd(key, 1); if (Cache.ContainsKey(key)) { } }")]
    public void A_static_dictionary_that_only_grows_is_flagged(string members) =>
        Assert.Equal([3], Lines(members, PerformanceRuleIds.UnboundedCache));

    [Theory]
    [InlineData("    private static readonly ConcurrentDictionary<string, byte[]> Cache = new();\n"
        + "    public byte[] Get(string key) => Cache.GetOrAdd(key, Load);\n"
        + "    public void Evict(string key) => Cache.TryRemove(key, out _);")]
    [InlineData("    private static readonly Dictionary<string, int> Codes = new();\n"
        + "    static Client() { Codes.Add(\"a\", 1); }\n"
        + "    public int Code(string key) => Codes[key];")]
    [InlineData("    private readonly ConcurrentDictionary<string, int> _cache = new();\n"
        + "    public void Put(string key) => _cache.TryAdd(key, 1);")]
    [InlineData("    private static readonly ConcurrentDictionary<string, int> Cache = new();\n"
        + "    public void Put(string key) { Cache.TryAdd(key, 1); Trim(Cache); }")]
    [InlineData("    private static readonly Dictionary<string, int> Seen = new();\n"
        + "    public void Reset(string key) { Seen[key] = 1; Seen.Clear(); }")]
    public void A_cache_that_also_shrinks_or_is_not_static_is_not_flagged(string members) =>
        Assert.Empty(Lines(members, PerformanceRuleIds.UnboundedCache));
}
