using Amas.Orleans.Gateway.Api;
using Amas.Orleans.Gateway.Security.Audit;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Gateway.Security;

/// <summary>
/// A caller reads and cancels only the tasks it submitted; an admin, any task. Another caller's task is answered
/// exactly as a task that does not exist (404, same body), never 403: a 403 would confirm that the id is a task,
/// and task ids must not leak. The audit log records the refusal as denied.
/// </summary>
public static class TaskOwnership
{
    /// <summary>For endpoints with an <c>{id}</c> task route value.</summary>
    public static TBuilder RequireTaskOwner<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
        => builder.AddEndpointFilter(new TaskOwnerFilter());

    /// <summary>Whose tasks a listing shows: the caller's, or everyone's for an admin.</summary>
    public static string? ListedSubmitter(HttpContext http) => http.User.IsInRole(Roles.Admin) ? null : Callers.Of(http);

    private sealed class TaskOwnerFilter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            if (http.User.IsInRole(Roles.Admin) || !Guid.TryParse(http.GetRouteValue("id") as string, out var id))
            {
                return await next(context);
            }

            var task = await http.RequestServices.GetRequiredService<IClusterClient>().GetGrain<ITaskOrchestratorGrain>(id).GetStatusAsync();
            if (task is not null && !string.Equals(task.Submitter, Callers.Of(http), StringComparison.Ordinal))
            {
                AuditNotes.Deny(http, "The task belongs to another caller.");
                return TaskEndpoints.NotFound(id);
            }

            return await next(context);
        }
    }
}
