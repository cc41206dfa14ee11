using System.Net;
using Amas.Orleans.Analysis.Osint;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Analysis.Tests.Osint;

/// <summary>Names resolved from a table; anything else is "not found", so no test ever asks real DNS.</summary>
internal sealed class TableResolver(Dictionary<string, IPAddress> table) : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host, out var literal) ? Task.FromResult(new[] { literal })
        : table.TryGetValue(host, out var address) ? Task.FromResult(new[] { address })
        : Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));
}

/// <summary>The OSINT HttpClient exactly as the silo registers it, with a test resolver and test options.</summary>
internal sealed class OsintTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public OsintTestHost(Action<OsintOptions> configure, Dictionary<string, IPAddress>? names = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHostResolver>(new TableResolver(names ?? []));
        services.AddOptions<OsintOptions>().Configure(o =>
        {
            o.UserAgent = "AmasOsintTest/1.0 (+https://example.invalid/bot)";
            o.PerHostIntervalMilliseconds = 0;
            o.RequestTimeoutSeconds = 10;
            configure(o);
        });
        services.AddOsintHttpClient();
        _services = services.BuildServiceProvider();
        Options = _services.GetRequiredService<IOptions<OsintOptions>>().Value;
        Fetcher = new PageFetcher(_services.GetRequiredService<IHttpClientFactory>().CreateClient(OsintOptions.HttpClientName), Options);
    }

    public OsintOptions Options { get; }

    public PageFetcher Fetcher { get; }

    public IHttpClientFactory HttpClientFactory => _services.GetRequiredService<IHttpClientFactory>();

    public async ValueTask DisposeAsync()
    {
        await Fetcher.DisposeAsync();
        await _services.DisposeAsync();
    }
}
