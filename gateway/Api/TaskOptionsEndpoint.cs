using Amas.Orleans.Gateway.Security;
using Amas.Orleans.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Amas.Orleans.Gateway.Api;

/// <summary>
/// <c>GET /api/v1/tasks/options</c>: every kind with its valid option values — what a form offers and what a 400
/// lists. Read from the same catalog the validator uses, so the two never disagree.
/// </summary>
public static class TaskOptionsEndpoint
{
    public sealed record KindOptions(string Kind, IReadOnlyList<string> Modes, IReadOnlyList<string> Depths);

    public sealed record TaskOptionsView(
        IReadOnlyList<KindOptions> Kinds, IReadOnlyList<string> Components, IReadOnlyList<string> Areas, IReadOnlyList<string> Priorities,
        IReadOnlyList<string> Languages);

    public static IEndpointRouteBuilder MapTaskOptionsEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/tasks/options", Get).WithTags("Tasks").WithName("GetTaskOptions").RequireAuthorization(AmasPolicies.Viewer);
        return app;
    }

    private static Ok<TaskOptionsView> Get() => TypedResults.Ok(new TaskOptionsView(
        [.. TaskOptionCatalog.KindNames.OrderBy(k => k.Key).Select(k => new KindOptions(
            k.Value,
            TaskOptionCatalog.Modes.GetValueOrDefault(k.Key, []),
            TaskOptionCatalog.Depths.GetValueOrDefault(k.Key, [])))],
        TaskOptionCatalog.Components,
        TaskOptionCatalog.Areas,
        TaskOptionCatalog.Priorities,
        TaskOptionCatalog.Languages));
}
