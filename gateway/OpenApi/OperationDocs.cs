using Amas.Orleans.Gateway.Api;
using Amas.Orleans.Gateway.Security;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Gateway.OpenApi;

/// <summary>
/// What the OpenAPI document says about each operation beyond what the endpoint's types give: a summary, the request
/// body the handler reads by hand, examples, and the problems it can answer with. Keyed by the endpoint's name.
/// </summary>
internal sealed record OperationDoc(string Summary, int[] Problems)
{
    public RequestDoc? Request { get; init; }

    public object? ResponseExample { get; init; }

    public static IReadOnlyDictionary<string, OperationDoc> All { get; } = new Dictionary<string, OperationDoc>(StringComparer.Ordinal)
    {
        ["SubmitTask"] = new(
            "Submit a task: analyse a repository with the agents of four layers, fetch pages (osint) or analyse a file (forensics: file_path, or multipart/form-data with a task part and a file part).",
            [400, 413, 422, 503])
        {
            Request = new RequestDoc(typeof(TaskSubmissionBody), ApiExamples.Submission, Upload: true),
            ResponseExample = ApiExamples.Accepted,
        },
        ["ListTasks"] = new("The caller's tasks, newest first; next_cursor fetches the next page.", [400, 503]) { ResponseExample = ApiExamples.List },
        ["GetTask"] = new("A task's status: lifecycle, current layer, each agent's status, silo, timings and error.", [404, 503]) { ResponseExample = ApiExamples.Snapshot },
        ["GetTaskResult"] = new(
            "The report: summary by severity, category and agent, one page of findings, agent metrics and facts; format=sarif|markdown exports every finding.",
            [400, 404, 409, 503]) { ResponseExample = ApiExamples.Result },
        ["GetTaskPatch"] = new(
            "The combined patch of the fixes the QualityValidator accepted, as a unified diff (text/x-diff) that git apply reads; 404 when the task has none, 409 while it runs.",
            [404, 409, 503]) { ResponseExample = ApiExamples.Patch },
        ["CancelTask"] = new("Cancels a task; a finished task is returned unchanged.", [404, 503]) { ResponseExample = ApiExamples.Snapshot },
        ["TriggerOrchestrator"] = new("AMAS-compatible: trigger the orchestrator with its options at the top level of the body.", [400, 413, 422, 503])
        {
            Request = new RequestDoc(typeof(TaskOptions), ApiExamples.WorkflowTrigger, WithTarget: true),
            ResponseExample = ApiExamples.WorkflowAccepted,
        },
        ["GetWorkflowStatus"] = new("AMAS-compatible: a workflow's status with its progress (0–1).", [404, 503]) { ResponseExample = ApiExamples.Workflow },
        ["Generate"] = new(
            "One completion through the AI router; every attempt is listed. 502 with the same shape when no provider answered; 429 when a budget is spent.",
            [400, 429, 503])
        {
            Request = new RequestDoc(typeof(GenerateBody), ApiExamples.Generate),
            ResponseExample = ApiExamples.GenerateAnswer,
        },
        ["GetTaskEvents"] = new(
            "Progress as server-sent events (task_created, layer_started, agent_started, agent_completed, layer_completed, task_completed, heartbeat); every connection replays from the start.",
            [404, 503]) { ResponseExample = ApiExamples.Event },
        ["GetTaskOptions"] = new("Every task kind with its valid option values: what a form offers and what a 400 lists.", [503]) { ResponseExample = ApiExamples.TaskOptions },
        ["ListAgents"] = new(
            "The agents of the cluster by layer, with their capabilities and the LearningSystem's stats: runs, durations, findings, fixes accepted and rejected, in total and per repository kind.",
            [503]) { ResponseExample = ApiExamples.Agents },
        ["GetWorkflowMetrics"] = new(
            "Workflow metrics over a window (window=15m, 1h, up to 24h; default 1h): success rate, response time, error rate, throughput, provider usage, and the alerts whose thresholds they cross.",
            [400, 503]) { ResponseExample = ApiExamples.WorkflowMetrics },
        ["ListProviders"] = new("Every provider: configured or not, circuit, latency, errors and usage; never a key.", [503]) { ResponseExample = ApiExamples.Providers },
        ["CreateApiKey"] = new("Admins: create an API key for an owner and a role. The key is in this answer and nowhere else, ever.", [400, 413])
        {
            Request = new RequestDoc(typeof(ApiKeyRequestBody), AdminApiExamples.Request),
            ResponseExample = AdminApiExamples.Created201,
        },
        ["ListApiKeys"] = new("Admins: every API key, newest first, without the key or its hash.", [503]) { ResponseExample = AdminApiExamples.Keys },
        ["RevokeApiKey"] = new("Admins: revoke an API key at once; revoking it again answers the same.", [404]) { ResponseExample = AdminApiExamples.Revoked },
        ["ReadAuditLog"] = new(
            "Admins: the audit log, newest first: submissions, cancellations, key changes and every refused request; filter by caller, action, result.",
            [400, 503]) { ResponseExample = AdminApiExamples.Audit },
    };
}

/// <param name="BodyType">The type whose schema describes the body.</param>
/// <param name="WithTarget">The body also takes a <c>target</c> beside the type's fields.</param>
/// <param name="Upload">The body may also be multipart/form-data: the JSON as a <c>task</c> part and a <c>file</c> part.</param>
internal sealed record RequestDoc(Type BodyType, object Example, bool WithTarget = false, bool Upload = false);
