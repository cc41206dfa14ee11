using Amas.Orleans.Findings;
using Amas.Orleans.Gateway.Security;
using Amas.Orleans.Gateway.Security.Audit;
using Amas.Orleans.Reports;
using Amas.Orleans.Tasks;
using Amas.Orleans.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Amas.Orleans.Gateway.Api;

/// <summary><c>/api/v1/tasks</c>: submit, read status and result, cancel (design §5).</summary>
public static class TaskEndpoints
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    public static readonly IReadOnlyList<string> ResultFormats = ["json", "sarif", "markdown"];

    public static IEndpointRouteBuilder MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var uploads = TaskUploadSubmission.ReadOptions(app.ServiceProvider.GetRequiredService<IConfiguration>());
        var tasks = app.MapGroup("/api/v1/tasks").WithTags("Tasks");
        tasks.MapPost("/", (HttpContext http, IClusterClient cluster) => SubmitAsync(http, cluster, uploads))
            .WithName("SubmitTask")
            .Accepts<object>("application/json", "multipart/form-data")
            .WithMetadata(TaskUploadSubmission.SizeLimit(uploads))
            .RequireAuthorization(AmasPolicies.Operator).Audited(AuditActions.TaskSubmit);
        tasks.MapGet("/{id:guid}", GetStatusAsync).WithName("GetTask").RequireAuthorization(AmasPolicies.Viewer).RequireTaskOwner();
        tasks.MapGet("/{id:guid}/result", GetResultAsync).WithName("GetTaskResult").RequireAuthorization(AmasPolicies.Viewer).RequireTaskOwner();
        tasks.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelTask")
            .RequireAuthorization(AmasPolicies.Operator).RequireTaskOwner().Audited(AuditActions.TaskCancel);
        return app;
    }

    /// <summary>JSON, or multipart/form-data with a task part and a file part (forensics uploads).</summary>
    private static async Task<Accepted<TaskAccepted>> SubmitAsync(HttpContext http, IClusterClient cluster, UploadOptions uploads)
    {
        TaskSnapshot snapshot;
        if (TaskUploadSubmission.IsMultipart(http.Request))
        {
            snapshot = await TaskUploadSubmission.SubmitAsync(http, cluster, uploads);
        }
        else
        {
            TaskUploadSubmission.CapJsonBody(http);
            var body = await TaskSubmission.ReadBodyAsync(http);
            snapshot = await TaskSubmission.SubmitAsync(http, cluster, (caller, key) => TaskRequestReader.Read(body, caller, key));
        }

        var links = TaskLinks.For(snapshot.TaskId);
        return TypedResults.Accepted(links.Self, new TaskAccepted(snapshot.TaskId, snapshot.Lifecycle, links));
    }

    private static async Task<Results<Ok<TaskSnapshot>, ProblemHttpResult>> GetStatusAsync(Guid id, IClusterClient cluster)
    {
        var snapshot = await cluster.GetGrain<ITaskOrchestratorGrain>(id).GetStatusAsync();
        return snapshot is null ? NotFound(id) : TypedResults.Ok(snapshot);
    }

    private static async Task<Results<Ok<TaskResult>, ContentHttpResult, ProblemHttpResult>> GetResultAsync(
        Guid id, IClusterClient cluster, string? format = null, int offset = 0, int limit = DefaultPageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (format is not null && !ResultFormats.Contains(format))
        {
            errors["format"] = [$"'{format}' is not a supported format. Supported: {string.Join(", ", ResultFormats)}."];
        }

        if (offset < 0)
        {
            errors["offset"] = ["offset must be 0 or more."];
        }

        if (limit is < 1 or > MaxPageSize)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            throw TaskRequestReader.Rejected(errors);
        }

        var task = cluster.GetGrain<ITaskOrchestratorGrain>(id);
        if (format is "sarif" or "markdown")
        {
            // Exports hold every finding, not a page: read them page by page from the report.
            var first = await task.GetResultAsync(0, MaxPageSize);
            if (first is null)
            {
                return NotFound(id);
            }

            var findings = new List<Finding>(first.Findings.Items);
            while (findings.Count < first.Findings.Total)
            {
                var page = await task.GetResultAsync(findings.Count, MaxPageSize);
                if (page is null || page.Findings.Items.Count == 0)
                {
                    break;
                }

                findings.AddRange(page.Findings.Items);
            }

            return format == "sarif"
                ? TypedResults.Text(SarifReport.Write(first, findings), "application/sarif+json")
                : TypedResults.Text(MarkdownReport.Write(first, findings), "text/markdown; charset=utf-8");
        }

        var result = await task.GetResultAsync(offset, limit);
        return result is null ? NotFound(id) : TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<TaskSnapshot>, ProblemHttpResult>> CancelAsync(Guid id, HttpContext http, IClusterClient cluster)
    {
        var snapshot = await cluster.GetGrain<ITaskOrchestratorGrain>(id).CancelAsync($"Cancelled by {Callers.Of(http)}.");
        return snapshot is null ? NotFound(id) : TypedResults.Ok(snapshot);
    }

    public static ProblemHttpResult NotFound(Guid id)
        => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such task.", detail: $"There is no task {id}.");
}
