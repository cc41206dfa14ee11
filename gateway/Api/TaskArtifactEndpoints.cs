using Amas.Orleans.Gateway.Security;
using Amas.Orleans.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Amas.Orleans.Gateway.Api;

/// <summary><c>/api/v1/tasks/{id}/artifacts</c>: files a task produced beside its report (the fix pipeline's patch).</summary>
public static class TaskArtifactEndpoints
{
    public const string PatchContentType = "text/x-diff";

    public static IEndpointRouteBuilder MapTaskArtifactEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/tasks").WithTags("Tasks")
            .MapGet("/{id:guid}/artifacts/patch", GetPatchAsync)
            .WithName("GetTaskPatch")
            .Produces<string>(StatusCodes.Status200OK, PatchContentType)
            .RequireAuthorization(AmasPolicies.Viewer)
            .RequireTaskOwner();
        return app;
    }

    /// <summary>409 while the task runs (the grain's <see cref="TaskNotFinishedException"/>), 404 for no task or no patch.</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetPatchAsync(Guid id, IClusterClient cluster)
    {
        var task = cluster.GetGrain<ITaskOrchestratorGrain>(id);
        var patch = await task.GetPatchAsync();
        if (patch is not null)
        {
            return TypedResults.Text(patch, PatchContentType);
        }

        return await task.GetStatusAsync() is null
            ? TaskEndpoints.NotFound(id)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No patch.",
                detail: $"Task {id} produced no accepted fix, so it has no patch (only self_improve, and orchestrate with auto_apply, run the fix pipeline).");
    }
}
