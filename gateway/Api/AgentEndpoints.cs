using Amas.Orleans.Agents;
using Amas.Orleans.Gateway.Security;
using Amas.Orleans.Learning;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Amas.Orleans.Gateway.Api;

/// <summary><c>GET /api/v1/agents</c>: the agents of the cluster with layer, capabilities and the LearningSystem's stats (design §5).</summary>
public static class AgentEndpoints
{
    public static IEndpointRouteBuilder MapAgentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/agents", ListAsync).WithTags("Agents").WithName("ListAgents").RequireAuthorization(AmasPolicies.Viewer);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<AgentListing>>> ListAsync(IClusterClient cluster)
        => TypedResults.Ok(await cluster.GetGrain<IAgentCatalogGrain>(0).GetListingsAsync());
}
