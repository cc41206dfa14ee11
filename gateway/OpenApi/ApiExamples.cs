using Amas.Orleans.Agents;
using Amas.Orleans.Findings;
using Amas.Orleans.Gateway.Api;
using Amas.Orleans.Providers;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Gateway.OpenApi;

/// <summary>
/// Examples for the OpenAPI document, built from the API's own types and written with its JSON settings, so an
/// example cannot drift from what the API sends.
/// </summary>
internal static class ApiExamples
{
    private static readonly Guid Id = Guid.Parse("01a20f67-575a-7d73-ab07-ce87dbb36fa3");
    private static readonly DateTimeOffset Created = new(2026, 11, 24, 21, 12, 42, TimeSpan.Zero);
    private const string Silo = "10.0.0.7:11111@154559525";

    public static readonly RepositoryTarget Target = new() { Path = "/srv/repos/shop" };

    public static readonly TaskOptions Options = new() { Mode = "security_audit", Components = ["security"], Priority = TaskPriority.High };

    public static TaskSubmissionBody Submission => new() { Kind = TaskKind.Orchestrate, Target = Target, Options = Options };

    public static object WorkflowTrigger => new Dictionary<string, object>
    {
        ["mode"] = "full_analysis",
        ["components"] = new[] { "all" },
        ["priority"] = "normal",
        ["target"] = new Dictionary<string, string> { ["git_url"] = "https://github.com/example/shop", ["ref"] = "main" },
    };

    public static GenerateBody Generate => new()
    {
        Prompt = "Explain CWE-798 in one sentence.",
        SystemPrompt = "Be brief.",
        Strategy = RoutingStrategy.Priority,
        Timeout = 30,
        MaxTokens = 200,
        Temperature = 0.2,
        Data = [new DataDocument("config/settings.py", "DB_PASSWORD = \"changeme\"\n")],
    };

    public static TaskAccepted Accepted => new(Id, TaskLifecycle.Pending, TaskLinks.For(Id));

    public static WorkflowAccepted WorkflowAccepted => new(Id, Id, TaskLifecycle.Pending, TaskLinks.For(Id));

    public static TaskSnapshot Snapshot => new()
    {
        TaskId = Id,
        Kind = TaskKind.Orchestrate,
        Options = Options,
        Target = Target,
        Submitter = "alice",
        Lifecycle = TaskLifecycle.Succeeded,
        CreatedAt = Created,
        StartedAt = Created.AddMilliseconds(220),
        CompletedAt = Created.AddMilliseconds(1420),
        Layers =
        [
            new LayerSnapshot { Layer = 1, Name = "detection_analysis", Status = LayerStatus.Completed, Agents = [Agent("SecurityScanner", 2, 810)] },
            new LayerSnapshot { Layer = 2, Name = "intelligence_decision", Status = LayerStatus.Completed, Agents = [Agent("ConflictResolver", 2, 40)] },
            new LayerSnapshot { Layer = 3, Name = "execution_fix", Status = LayerStatus.Skipped },
            new LayerSnapshot { Layer = 4, Name = "orchestration_management", Status = LayerStatus.Completed, Agents = [Agent("Reporter", 0, 30)] },
        ],
        FindingCount = 2,
        Deadline = Created.AddHours(1),
    };

    public static TaskResult Result => new()
    {
        Task = Snapshot,
        Summary = new FindingCounts
        {
            Total = 2,
            BySeverity = new Dictionary<string, int> { ["critical"] = 1, ["medium"] = 1 },
            ByCategory = new Dictionary<string, int> { ["secrets"] = 1, ["injection"] = 1 },
            ByAgent = new Dictionary<string, int> { ["SecurityScanner"] = 2 },
        },
        Findings = new FindingPage
        {
            Items =
            [
                new Finding
                {
                    Id = "f-3b1c", Agent = "SecurityScanner", Rule = "aws-access-key-id", Severity = Severity.Critical, Category = "secrets",
                    File = "config/settings.py", Line = 12, Message = "An AWS access key id is committed.", Evidence = "AKIA************MPLE",
                    Fix = "Revoke the key and load it from the environment.", Sources = ["SecurityScanner"],
                },
            ],
            Offset = 0,
            Limit = 1,
            Total = 2,
        },
        Metrics = new Dictionary<string, double> { ["SecurityScanner.files_scanned"] = 148 },
        ExecutiveSummary = new ExecutiveSummary
        {
            Text = "2 findings (1 critical, 1 medium) from 6 agent reports. Most severe: aws-access-key-id (critical) in config/settings.py:12. Fix the 1 critical and high findings first, starting with leaked secrets (rotate them).",
            WrittenBy = new AgentAiUse { Path = TextPath.RuleBased, Reason = "no AI provider configured" },
        },
    };

    public static TaskListPage List => new(
        [
            new TaskSummary
            {
                TaskId = Id, Kind = TaskKind.Orchestrate, Lifecycle = TaskLifecycle.Succeeded, Priority = TaskPriority.High,
                Submitter = "alice", CreatedAt = Created, UpdatedAt = Created.AddMilliseconds(1420), CompletedAt = Created.AddMilliseconds(1420),
            },
        ],
        "NjM5MDAwMDAwMDAwMDAwMDAwLjAxYTIwZjY3");

    public static WorkflowStatus Workflow => new(Id, TaskLifecycle.Succeeded, null, 1, Snapshot);

    public static GenerateResponse GenerateAnswer => new()
    {
        Success = true,
        Provider = "groq",
        ProviderName = "Groq",
        Model = "llama-3.3-70b-versatile",
        Content = "CWE-798 is the use of hard-coded credentials in software.",
        Attempts =
        [
            new ProviderAttempt { Provider = "deepseek", Outcome = ProviderOutcome.RateLimited, Called = true, StatusCode = 429, Error = "HTTP 429 (rate limited)", LatencyMs = 85 },
            new ProviderAttempt { Provider = "groq", Outcome = ProviderOutcome.Success, Called = true, StatusCode = 200, LatencyMs = 412 },
        ],
        LatencyMs = 501,
        PromptTokens = 58,
        CompletionTokens = 14,
        EstimatedCostUsd = 0.000046m,
    };

    public static IReadOnlyList<ProviderEndpoints.ProviderView> Providers =>
    [
        new("healthy", new ProviderHealth
        {
            Id = "groq", Name = "Groq", Model = "llama-3.3-70b-versatile", Priority = 7, Configured = true, Circuit = CircuitState.Closed,
            Calls = 42, Successes = 41, Failures = 1, ErrorRate = 0.024, AverageLatencyMs = 388, PromptTokens = 5120, CompletionTokens = 2210,
            At = Created, Timeout = TimeSpan.FromSeconds(60), EstimatedCostUsd = 0.0041,
        }),
        new("unconfigured", new ProviderHealth { Id = "deepseek", Name = "DeepSeek", Model = "deepseek-chat", Priority = 1, Configured = false, At = Created, Timeout = TimeSpan.FromSeconds(60) }),
    ];

    public static string Patch =>
        "diff --git a/Dockerfile b/Dockerfile\n--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n-FROM ubuntu:latest\n+FROM ubuntu:24.04\n RUN apt-get update\n";

    public static TaskEvent Event => new()
    {
        Event = "agent_completed", TaskId = Id, At = Created.AddMilliseconds(1200), Layer = 1, LayerName = "detection_analysis",
        Agent = "SecurityScanner", Status = "succeeded", Silo = Silo, DurationMs = 900, FindingCount = 3,
    };

    public static TaskOptionsEndpoint.TaskOptionsView TaskOptions => new(
        [new("orchestrate", ["intelligent", "security_audit"], [])], ["all", "security"], ["all", "security"], ["low", "normal", "high", "critical"], ["auto", "english", "german"]);

    public static IReadOnlyList<Learning.AgentListing> Agents =>
    [
        new()
        {
            Name = "SecurityScanner", Layer = 1, Description = "Finds credentials and dangerous code.", Capabilities = ["security"], ReadsRepository = true,
            Stats = new()
            {
                Runs = 12, Succeeded = 12, AverageDurationMs = 810, Findings = 30, RunsWithFindings = 9,
                ByRepositoryKind = new Dictionary<string, Learning.AgentStats>
                {
                    ["dotnet"] = new() { Runs = 12, Succeeded = 12, AverageDurationMs = 810, Findings = 30, RunsWithFindings = 9 },
                },
            },
        },
        new() { Name = "ConflictResolver", Layer = 2, Description = "Merges duplicate findings.", Capabilities = ["findings"], ReadsRepository = false },
    ];

    public static Monitoring.WorkflowMetrics WorkflowMetrics => new()
    {
        WindowSeconds = 3600,
        From = Created.AddHours(-1),
        To = Created,
        TasksEnded = 40,
        Succeeded = 37,
        Failed = 3,
        SuccessRate = 0.925,
        ErrorRate = 0.075,
        AverageResponseSeconds = 42.5,
        MaxResponseSeconds = 180,
        ThroughputPerMinute = 0.6667,
        ProviderUsage = new Dictionary<string, Monitoring.ProviderUse> { ["groq"] = new() { Calls = 35, Failures = 1 } },
        Alerts =
        [
            new() { Name = "low_success_rate", Value = 0.925, Threshold = 0.95, Message = "92.5 % of the tasks that ended succeeded, below 95.0 %." },
            new() { Name = "high_error_rate", Value = 0.075, Threshold = 0.05, Message = "7.5 % of the tasks that ended failed, above 5.0 %." },
        ],
        Thresholds = new() { MinSuccessRate = 0.95, MaxResponseSeconds = 300, MaxErrorRate = 0.05 },
    };

    private static AgentSnapshot Agent(string name, int findings, long durationMs) => new()
    {
        Agent = name,
        Status = AgentRunStatus.Succeeded,
        Silo = Silo,
        StartedAt = Created.AddMilliseconds(300),
        CompletedAt = Created.AddMilliseconds(300 + durationMs),
        DurationMs = durationMs,
        FindingCount = findings,
    };
}
