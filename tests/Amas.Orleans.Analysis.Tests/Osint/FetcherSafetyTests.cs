using System.Net;
using Amas.Orleans.Analysis.Osint;
using Amas.Orleans.Testing.Osint;

namespace Amas.Orleans.Analysis.Tests.Osint;

public sealed class FetcherSafetyTests
{
    private static readonly IPAddress SecondLoopback = IPAddress.Parse("127.0.0.2");

    private static LoopbackSite InternalSite() => new LoopbackSite(IPAddress.Loopback, SecondLoopback)
        .Page("/robots.txt", "User-agent: *\nDisallow:\n", "text/plain")
        .Page("/secret.html", "<p>internal only</p>");

    [Fact]
    public async Task Redirect_to_a_name_that_resolves_to_a_forbidden_address_is_refused_when_connecting()
    {
        await using var site = InternalSite();
        site.Redirect("/go", $"http://internal.test:{site.Port}/secret.html");
        // Only the fixture's own address is allowed; 127.0.0.2 is loopback like any other. The name is not an IP
        // literal, so only the connect callback, which sees the resolved address, can refuse it.
        await using var host = new OsintTestHost(o => o.AllowedAddresses.Add("127.0.0.1"), new() { ["internal.test"] = SecondLoopback });

        var result = await host.Fetcher.FetchAsync(site.Url("/go"), CancellationToken.None);

        Assert.Equal(FetchOutcome.AddressRefused, result.Outcome);
        Assert.Equal($"http://internal.test:{site.Port}/secret.html", result.FinalUrl.AbsoluteUri);
        Assert.Contains("127.0.0.2", result.Error, StringComparison.Ordinal);
        Assert.Contains("loopback", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(site.Hits, h => h.LocalAddress.Equals(SecondLoopback));
    }

    [Fact]
    public async Task The_same_redirect_is_followed_when_the_address_is_allowed()
    {
        await using var site = InternalSite();
        site.Redirect("/go", $"http://internal.test:{site.Port}/secret.html");
        await using var host = new OsintTestHost(o => o.AllowLoopback = true, new() { ["internal.test"] = SecondLoopback });

        var result = await host.Fetcher.FetchAsync(site.Url("/go"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("<p>internal only</p>", result.Body);
        Assert.Contains(site.Hits, h => h.Path == "/secret.html" && h.LocalAddress.Equals(SecondLoopback) && h.Host == $"internal.test:{site.Port}");
    }

    [Fact]
    public async Task A_name_resolving_to_loopback_is_refused_without_any_request_reaching_the_server()
    {
        await using var site = InternalSite();
        await using var host = new OsintTestHost(_ => { }, new() { ["rebind.test"] = IPAddress.Loopback });

        var result = await host.Fetcher.FetchAsync(new Uri($"http://rebind.test:{site.Port}/secret.html"), CancellationToken.None);

        Assert.Equal(FetchOutcome.AddressRefused, result.Outcome);
        Assert.Empty(site.Hits);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/file")]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://127.0.0.1/")]
    public async Task Non_http_schemes_are_refused(string url)
    {
        await using var host = new OsintTestHost(o => o.AllowLoopback = true);

        var result = await host.Fetcher.FetchAsync(new Uri(url), CancellationToken.None);

        Assert.Equal(FetchOutcome.SchemeRefused, result.Outcome);
    }

    [Fact]
    public async Task Redirect_to_a_file_url_is_refused()
    {
        await using var site = new LoopbackSite().Redirect("/go", "file:///etc/passwd");
        await using var host = new OsintTestHost(o => o.AllowLoopback = true);

        var result = await host.Fetcher.FetchAsync(site.Url("/go"), CancellationToken.None);

        Assert.Equal(FetchOutcome.SchemeRefused, result.Outcome);
        Assert.Equal("file:///etc/passwd", result.FinalUrl.AbsoluteUri);
    }

    [Fact]
    public async Task Redirect_loops_stop_at_the_limit()
    {
        await using var site = new LoopbackSite().Redirect("/loop", "/loop");
        await using var host = new OsintTestHost(o =>
        {
            o.AllowLoopback = true;
            o.MaxRedirects = 3;
        });

        var result = await host.Fetcher.FetchAsync(site.Url("/loop"), CancellationToken.None);

        Assert.Equal(FetchOutcome.TooManyRedirects, result.Outcome);
        Assert.Equal(3, result.Redirects.Count);
        Assert.Equal(4, site.Hits.Count(h => h.Path == "/loop"));
    }

    [Fact]
    public async Task A_streamed_body_past_the_cap_is_abandoned()
    {
        await using var site = new LoopbackSite().Stream("/huge", 20_000_000, declareLength: false);
        await using var host = new OsintTestHost(o =>
        {
            o.AllowLoopback = true;
            o.MaxResponseBytes = 64 * 1024;
        });

        var result = await host.Fetcher.FetchAsync(site.Url("/huge"), CancellationToken.None);

        Assert.Equal(FetchOutcome.TooLarge, result.Outcome);
        Assert.Null(result.Body);
        Assert.True(result.BytesRead <= 64 * 1024);
        // The server could not write all 20 MB: the client closed the connection instead of draining it.
        await WaitUntilAsync(() => site.StreamAborted);
    }

    [Fact]
    public async Task A_declared_length_past_the_cap_is_refused_before_reading()
    {
        await using var site = new LoopbackSite().Stream("/big", 5_000_000, declareLength: true);
        await using var host = new OsintTestHost(o =>
        {
            o.AllowLoopback = true;
            o.MaxResponseBytes = 64 * 1024;
        });

        var result = await host.Fetcher.FetchAsync(site.Url("/big"), CancellationToken.None);

        Assert.Equal(FetchOutcome.TooLarge, result.Outcome);
        Assert.Equal(0, result.BytesRead);
        Assert.Contains("Content-Length 5000000", result.Error, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
