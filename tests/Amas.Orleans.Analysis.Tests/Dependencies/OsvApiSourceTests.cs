using System.Net;
using Amas.Orleans.Analysis.Dependencies;

namespace Amas.Orleans.Analysis.Tests.Dependencies;

public sealed class OsvApiSourceTests : IAsyncLifetime
{
    private readonly LoopbackOsvServer _server = new();
    private readonly HttpClient _http = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Batch_query_then_one_fetch_per_distinct_id_yields_the_advisories()
    {
        _server.Answer("npm", "lodash", "4.17.11", "GHSA-jf85-cpcp-j695", "GHSA-35jh-r3h4-6jhm");
        _server.Answer("PyPI", "requests", "2.30.0", "GHSA-j8r2-6x86-q33q");
        _server.Answer("npm", "lodash", "4.17.15", "GHSA-35jh-r3h4-6jhm");
        Serve("GHSA-jf85-cpcp-j695", "GHSA-35jh-r3h4-6jhm", "GHSA-j8r2-6x86-q33q");

        var index = await Source().LoadAsync(
        [
            Dependency(Ecosystem.Npm, "lodash", "4.17.11"),
            Dependency(Ecosystem.Npm, "lodash", "4.17.11"),
            Dependency(Ecosystem.Npm, "lodash", "4.17.15"),
            Dependency(Ecosystem.PyPI, "requests", "2.30.0"),
            Dependency(Ecosystem.Go, "golang.org/x/crypto", "v0.17.0"),
        ], CancellationToken.None);

        Assert.Equal(3, index.Count);
        Assert.Equal(0, index.Unreadable);
        Assert.Equal(
            ["GHSA-35jh-r3h4-6jhm", "GHSA-jf85-cpcp-j695"],
            index.For(new PackageKey(Ecosystem.Npm, "lodash")).Select(a => a.Id).Order());
        var batch = Assert.Single(_server.Batches);
        Assert.Equal(4, batch["queries"]!.AsArray().Count);
        Assert.Equal("golang.org/x/crypto", (string)batch["queries"]![3]!["package"]!["name"]!);
        Assert.Equal("Go", (string)batch["queries"]![3]!["package"]!["ecosystem"]!);
        Assert.Equal(1, _server.Requests.Count(r => r == "POST /v1/querybatch"));
        Assert.Equal(3, _server.Requests.Count(r => r.StartsWith("GET /v1/vulns/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Queries_are_split_into_batches_of_the_configured_size()
    {
        var dependencies = Enumerable.Range(0, 5).Select(i => Dependency(Ecosystem.Npm, $"pkg{i}", "1.0.0")).ToList();

        var index = await Source(batchSize: 2).LoadAsync(dependencies, CancellationToken.None);

        Assert.Equal(0, index.Count);
        Assert.Equal([2, 2, 1], _server.Batches.Select(b => b["queries"]!.AsArray().Count));
    }

    [Fact]
    public async Task A_next_page_token_is_followed_for_the_query_that_returned_it()
    {
        _server.Answer("npm", "lodash", "4.17.11", "GHSA-jf85-cpcp-j695", "GHSA-35jh-r3h4-6jhm");
        _server.SecondPage.Add("GHSA-35jh-r3h4-6jhm");
        Serve("GHSA-jf85-cpcp-j695", "GHSA-35jh-r3h4-6jhm");

        var index = await Source().LoadAsync([Dependency(Ecosystem.Npm, "lodash", "4.17.11")], CancellationToken.None);

        Assert.Equal(2, index.Count);
        Assert.Equal(2, _server.Batches.Count);
        Assert.Equal("page-2", (string)_server.Batches.Last()["queries"]![0]!["page_token"]!);
    }

    [Fact]
    public async Task An_id_the_server_no_longer_has_is_counted_as_unreadable()
    {
        _server.Answer("npm", "lodash", "4.17.11", "GHSA-jf85-cpcp-j695", "GHSA-gone-gone-gone");
        Serve("GHSA-jf85-cpcp-j695");

        var index = await Source().LoadAsync([Dependency(Ecosystem.Npm, "lodash", "4.17.11")], CancellationToken.None);

        Assert.Equal((1, 1), (index.Count, index.Unreadable));
    }

    [Fact]
    public async Task A_server_error_surfaces_as_an_HTTP_failure()
    {
        _server.FailWith = HttpStatusCode.InternalServerError;

        await Assert.ThrowsAsync<HttpRequestException>(
            () => Source().LoadAsync([Dependency(Ecosystem.Npm, "lodash", "4.17.11")], CancellationToken.None));
    }

    [Fact]
    public async Task A_slow_server_times_out_without_the_caller_having_cancelled()
    {
        _server.Delay = TimeSpan.FromSeconds(5);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Source(timeout: TimeSpan.FromMilliseconds(200)).LoadAsync(
                [Dependency(Ecosystem.Npm, "lodash", "4.17.11")], CancellationToken.None));
    }

    [Fact]
    public async Task A_base_url_with_a_path_keeps_its_path()
    {
        var source = new OsvApiSource(_http, new Uri(_server.BaseUrl, "osv"), new OsvApiLimits(TimeSpan.FromSeconds(10)));

        await Assert.ThrowsAsync<HttpRequestException>(
            () => source.LoadAsync([Dependency(Ecosystem.Npm, "lodash", "4.17.11")], CancellationToken.None));

        Assert.Equal(["POST /osv/v1/querybatch"], _server.Requests);
    }

    private OsvApiSource Source(int batchSize = 1000, TimeSpan? timeout = null) =>
        new(_http, _server.BaseUrl, new OsvApiLimits(timeout ?? TimeSpan.FromSeconds(10), batchSize));

    private void Serve(params string[] ids)
    {
        foreach (var id in ids)
        {
            _server.Serve(id, DependencyFixtures.Advisory(id));
        }
    }

    private static Dependency Dependency(Ecosystem ecosystem, string name, string version) =>
        new(ecosystem, name, version, "manifest", 1, Direct: true);
}
