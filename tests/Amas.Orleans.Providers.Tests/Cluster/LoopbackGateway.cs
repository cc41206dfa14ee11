using Amas.Orleans.Gateway.Api;
using Amas.Orleans.Gateway.Hosting;
using Amas.Orleans.Gateway.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Amas.Orleans.Providers.Tests.Cluster;

/// <summary>The provider endpoints over real HTTP on 127.0.0.1, with the gateway's JSON settings, in front of a test cluster.</summary>
public sealed class LoopbackGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackGateway(WebApplication app, HttpClient http)
    {
        _app = app;
        Http = http;
    }

    public HttpClient Http { get; }

    public static async Task<LoopbackGateway> StartAsync(IClusterClient cluster)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(cluster);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => GatewayHostingExtensions.Configure(json.SerializerOptions));
        // The endpoints carry role policies; the open (embedded default) configuration satisfies them.
        builder.Services.AddAmasOpenAccess();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapProviderEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LoopbackGateway(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}
