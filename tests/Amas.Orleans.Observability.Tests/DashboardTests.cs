using System.Net;
using Amas.Orleans.Gateway;
using Amas.Orleans.Gateway.Hosting;
using Microsoft.AspNetCore.Routing;
using Xunit.Abstractions;

namespace Amas.Orleans.Observability.Tests;

/// <summary>The Orleans Dashboard at /dashboard, as a person sees it in a browser, and who may open it.</summary>
[Collection(ObservedGatewayCollection.Name)]
public sealed class DashboardTests(ObservedGateway gateway, ITestOutputHelper output)
{
    [Fact]
    public async Task The_dashboard_in_headless_chromium_lists_the_orchestrator_and_agent_grain_types_after_a_task()
    {
        await gateway.RunTaskAsync();
        // The dashboard is a single-page app: the grain list is drawn by its scripts from what they poll.
        var page = new Uri(gateway.BaseAddress, "/dashboard/#/grains");

        var dom = await Chromium.DumpDomAsync(page, TimeSpan.FromSeconds(15));

        Assert.Contains("Orleans Dashboard", dom, StringComparison.Ordinal);
        Assert.Contains("TaskOrchestratorGrain", dom, StringComparison.Ordinal);
        Assert.Contains("AgentGrain", dom, StringComparison.Ordinal);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", $"dashboard-grains-{DateTime.UtcNow:yyyyMMdd-HHmmss}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await Chromium.ScreenshotAsync(page, TimeSpan.FromSeconds(15), screenshot);
        Assert.True(new FileInfo(screenshot).Length > 10_000, "The screenshot is (nearly) empty.");
        output.WriteLine($"Dashboard screenshot: {screenshot}");
        Console.WriteLine($"Dashboard screenshot: {screenshot}");
    }

    [Fact]
    public async Task The_embedded_dashboard_is_open_and_not_marked_admin_only()
    {
        Assert.Equal(HttpStatusCode.OK, (await gateway.Http.GetAsync("/dashboard/")).StatusCode);
        Assert.DoesNotContain(DashboardEndpoints(gateway.App), e => e.Metadata.GetMetadata<AdminOnlyMetadata>() is not null);
    }

    [Fact]
    public async Task Outside_the_embedded_default_every_dashboard_endpoint_is_marked_admin_only()
    {
        // Built, not started: a client-mode gateway needs no silo (nor its database) to show what it maps; it does need
        // authentication configured, or it refuses to build.
        await using var app = GatewayApp.Build(
        [
            "--Amas:Gateway:Cluster=client", "--urls=http://127.0.0.1:0", "--Amas:Security:Enabled=true",
            $"--Amas:Security:BootstrapApiKeyHash={new string('0', 64)}", "--Amas:Postgres:ConnectionString=Host=127.0.0.1;Port=1",
        ]);

        var endpoints = DashboardEndpoints(app);

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.NotNull(e.Metadata.GetMetadata<AdminOnlyMetadata>()));
        Assert.All(endpoints, e => Assert.Contains(e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>(),
            a => a.Policy == Amas.Orleans.Gateway.Security.AmasPolicies.Admin));
    }

    private static RouteEndpoint[] DashboardEndpoints(IEndpointRouteBuilder app)
        => [.. app.DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("dashboard", StringComparison.Ordinal))];
}
