using System.Text;
using Amas.Orleans.Gateway.Security;
using Amas.Orleans.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Amas.Orleans.Gateway.Api;

/// <summary><c>GET /api/v1/tasks</c>: the caller's tasks, newest first, paged by an opaque cursor, filtered by status and kind.</summary>
public static class TaskListEndpoint
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static IEndpointRouteBuilder MapTaskListEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/tasks", ListAsync).WithTags("Tasks").WithName("ListTasks").RequireAuthorization(AmasPolicies.Viewer);
        return app;
    }

    private static async Task<Ok<TaskListPage>> ListAsync(HttpContext http, IClusterClient cluster, string? status = null, string? kind = null, int limit = DefaultLimit, string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>();
        TaskLifecycle? lifecycle = null;
        if (status is not null)
        {
            if (Enum.TryParse<TaskLifecycle>(status, ignoreCase: true, out var parsed) && status.All(char.IsLetter))
            {
                lifecycle = parsed;
            }
            else
            {
                errors["status"] = [$"'{status}' is not a status. Valid: {string.Join(", ", Enum.GetNames<TaskLifecycle>().Select(n => n.ToLowerInvariant()))}."];
            }
        }

        TaskKind? taskKind = null;
        if (kind is not null)
        {
            var match = TaskOptionCatalog.KindNames.Where(p => p.Value == kind).Select(p => (TaskKind?)p.Key).FirstOrDefault();
            if (match is null)
            {
                errors["kind"] = [$"'{kind}' is not a kind. Valid: {string.Join(", ", TaskOptionCatalog.KindNames.Values)}."];
            }

            taskKind = match;
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }

        TaskListCursor? after = null;
        if (cursor is not null && !TryDecode(cursor, out after))
        {
            errors["cursor"] = ["The cursor is not one this API returned."];
        }

        if (errors.Count > 0)
        {
            throw TaskRequestReader.Rejected(errors);
        }

        var list = await cluster.GetGrain<ITaskDirectoryGrain>(0).ListAsync(new TaskListQuery
        {
            Submitter = TaskOwnership.ListedSubmitter(http),
            Lifecycle = lifecycle,
            Kind = taskKind,
            Limit = limit,
            After = after,
        });
        var next = list.Next is { } n ? Encode(n) : null;
        return TypedResults.Ok(new TaskListPage(list.Items, next));
    }

    public static string Encode(TaskListCursor cursor)
        => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{cursor.CreatedAt.UtcTicks}.{cursor.TaskId:N}"));

    public static bool TryDecode(string text, out TaskListCursor? cursor)
    {
        cursor = null;
        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(text)).Split('.');
            if (parts.Length == 2 && long.TryParse(parts[0], out var ticks) && ticks > 0 && ticks < DateTime.MaxValue.Ticks && Guid.TryParseExact(parts[1], "N", out var id))
            {
                cursor = new TaskListCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}

public sealed record TaskListPage(IReadOnlyList<TaskSummary> Items, string? NextCursor);
