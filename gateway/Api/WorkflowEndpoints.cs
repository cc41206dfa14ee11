using Amas.Orleans.Agents;
using Amas.Orleans.Gateway.Security;
using Amas.Orleans.Gateway.Security.Audit;
using Amas.Orleans.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Amas.Orleans.Gateway.Api;

/// <summary>
/// The AMAS-compatible aliases: trigger the master orchestrator with its options at the top level of the body,
/// read a workflow's status. Both are ordinary tasks underneath.
/// </summary>
public static class WorkflowEndpoints
{
    public static IEndpointRouteBuilder MapWorkflowEndpoints(this IEndpointRouteBuilder app)
    {
        var workflows = app.MapGroup("/api/v1/workflows").WithTags("Workflows");
        workflows.MapPost("/orchestrator/trigger", TriggerAsync).WithName("TriggerOrchestrator").Accepts<object>("application/json")
            .RequireAuthorization(AmasPolicies.Operator).Audited(AuditActions.TaskSubmit);
        workflows.MapGet("/{id:guid}/status", GetStatusAsync).WithName("GetWorkflowStatus").RequireAuthorization(AmasPolicies.Viewer).RequireTaskOwner();
        return app;
    }

    private static async Task<Accepted<WorkflowAccepted>> TriggerAsync(HttpContext http, IClusterClient cluster)
    {
        var body = await TaskSubmission.ReadBodyAsync(http);
        var snapshot = await TaskSubmission.SubmitAsync(http, cluster, (caller, key) =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var options = TaskRequestReader.ReadOptions(body, errors, prefix: "", alsoAllowed: ["target"]);
            var target = body.ValueKind == System.Text.Json.JsonValueKind.Object && body.TryGetProperty("target", out var t)
                ? TaskRequestReader.ReadTarget(t, errors)
                : null;
            if (errors.Count > 0)
            {
                throw TaskRequestReader.Rejected(errors);
            }

            return new TaskSpec { Kind = TaskKind.Orchestrate, Target = target, Options = options, Submitter = caller, IdempotencyKey = key };
        });

        var links = TaskLinks.For(snapshot.TaskId);
        return TypedResults.Accepted($"/api/v1/workflows/{snapshot.TaskId}/status", new WorkflowAccepted(snapshot.TaskId, snapshot.TaskId, snapshot.Lifecycle, links));
    }

    private static async Task<Results<Ok<WorkflowStatus>, ProblemHttpResult>> GetStatusAsync(Guid id, IClusterClient cluster)
    {
        var snapshot = await cluster.GetGrain<ITaskOrchestratorGrain>(id).GetStatusAsync();
        if (snapshot is null)
        {
            return TaskEndpoints.NotFound(id);
        }

        var agents = snapshot.Layers.SelectMany(l => l.Agents).ToArray();
        var done = agents.Count(a => a.Status is not (AgentRunStatus.Pending or AgentRunStatus.Running));
        var progress = agents.Length == 0 ? 0 : Math.Round((double)done / agents.Length, 3);
        return TypedResults.Ok(new WorkflowStatus(snapshot.TaskId, snapshot.Lifecycle, snapshot.CurrentLayer, progress, snapshot));
    }
}

public sealed record WorkflowAccepted(Guid WorkflowId, Guid TaskId, TaskLifecycle Status, TaskLinks Links);

public sealed record WorkflowStatus(Guid WorkflowId, TaskLifecycle Status, int? CurrentLayer, double Progress, TaskSnapshot Task);
