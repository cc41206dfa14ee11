using System.Collections.Concurrent;
using Amas.Orleans.Gateway;
using Amas.Orleans.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Observability.Tests;

/// <summary>OTLP export is configured by Amas:Telemetry (or the standard OTEL_* variables), and a bad value stops the start.</summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task With_an_otlp_endpoint_configured_traces_metrics_and_logs_are_sent_to_it()
    {
        var received = new ConcurrentBag<(string Path, string? ContentType, long Bytes)>();
        var collector = WebApplication.CreateSlimBuilder();
        collector.Logging.ClearProviders();
        collector.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        await using var receiver = collector.Build();
        receiver.MapPost("/v1/{signal}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            received.Add((http.Request.Path, http.Request.ContentType, body.Length));
            return Results.Ok();
        });
        await receiver.StartAsync();
        var endpoint = receiver.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        var app = GatewayApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Amas:Silo:SiloPort={FreePorts.Next()}",
            $"--Amas:Silo:GatewayPort={FreePorts.Next()}",
            $"--Amas:Silo:ClusterId=otlp-{Guid.NewGuid():N}",
            $"--Amas:Repositories:AllowedRoots:0={Path.GetTempPath()}",
            $"--Amas:Telemetry:OtlpEndpoint={endpoint}",
            "--Amas:Telemetry:OtlpProtocol=http/protobuf",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using (var http = new HttpClient { BaseAddress = new Uri(address) })
        {
            (await http.GetAsync("/api/v1/tasks")).EnsureSuccessStatusCode();
        }

        // Stopping flushes every exporter.
        await app.StopAsync();
        await app.DisposeAsync();

        var paths = received.Select(r => r.Path).ToHashSet();
        Assert.Contains("/v1/traces", paths);
        Assert.Contains("/v1/metrics", paths);
        Assert.Contains("/v1/logs", paths);
        Assert.All(received, r => Assert.Equal("application/x-protobuf", r.ContentType));
        Assert.All(received, r => Assert.True(r.Bytes > 0));
    }

    [Theory]
    [InlineData("--Amas:Telemetry:OtlpEndpoint=collector:4317", "Amas:Telemetry:OtlpEndpoint")]
    [InlineData("--Amas:Telemetry:OtlpProtocol=udp", "Amas:Telemetry:OtlpProtocol")]
    public void A_bad_telemetry_setting_stops_the_start_naming_the_key(string setting, string key)
    {
        var error = Assert.Throws<OptionsValidationException>(() => GatewayApp.Build(["--urls=http://127.0.0.1:0", setting]));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
