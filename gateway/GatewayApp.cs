using Amas.Orleans.Gateway.Api;
using Amas.Orleans.Gateway.Hosting;
using Amas.Orleans.Gateway.Security;
using Amas.Orleans.Silo.Hosting;
using Orleans.Dashboard;

namespace Amas.Orleans.Gateway;

/// <summary>The gateway application, composed in one place so the tests start exactly what users run.</summary>
public static class GatewayApp
{
    /// <param name="configureSilo">Extra silo registrations for the embedded silo (extensions and tests add agents here).</param>
    public static WebApplication Build(string[] args, Action<ISiloBuilder>? configureSilo = null)
    {
        // Settings ship beside the binary; the working directory stays the caller's (the embedded default allows it).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddAmasGateway(configureSilo);
        builder.AddAmasSecurity();

        var app = builder.Build();
        app.UseAmasAudit();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The web console (wwwroot): static files only, calling the same public API as everyone else. The files are
        // public (they hold no data); everything after this needs credentials unless an endpoint says otherwise.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAmasSecurity();

        app.MapTaskEndpoints();
        app.MapTaskArtifactEndpoints();
        app.MapTaskListEndpoint();
        app.MapWorkflowEndpoints();
        app.MapProviderEndpoints();
        app.MapAgentEndpoints();
        app.MapWorkflowMetricsEndpoint();
        app.MapTaskEventsEndpoint();
        app.MapTaskOptionsEndpoint();
        app.MapAdminEndpoints();
        // Probes carry no credentials.
        app.MapGroup("").AllowAnonymous().MapAmasHealth();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(AmasPolicies.Viewer);
        app.MapOrleansDashboard("/dashboard").ExcludeFromDescription().RequireAdminOutsideEmbedded(app.Services.GetRequiredService<GatewayOptions>());

        if (EmbeddedDefaults.AllowedRoot is { } root)
        {
            app.Logger.LogWarning("No Amas:Repositories:AllowedRoots configured: local paths under {Root} may be analysed.", root);
        }
        return app;
    }
}
