using Amas.Orleans.Findings;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Analysis.Tests.Reports;

/// <summary>Hand-built tasks and findings shared by the report tests.</summary>
internal static class ReportSamples
{
    public static readonly Guid TaskId = Guid.Parse("0b9e4c2a-5d1f-4e8a-9c3b-7f6a2d1e0c4b");
    public static readonly DateTimeOffset Created = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    public static TaskSnapshot Snapshot(
        TaskLifecycle lifecycle = TaskLifecycle.Succeeded,
        RepositoryTarget? target = null,
        string? commit = "3f2c9a1b7e5d4c6a8b0f1e2d3c4b5a6978695a4b",
        IReadOnlyList<LayerSnapshot>? layers = null,
        TaskError? error = null,
        int findingCount = 0) => new()
    {
        TaskId = TaskId,
        Kind = TaskKind.Orchestrate,
        Options = new TaskOptions(),
        Target = target ?? new RepositoryTarget { GitUrl = "https://github.com/acme/shop.git", Ref = "main" },
        Submitter = "alice",
        Lifecycle = lifecycle,
        CreatedAt = Created,
        StartedAt = Created.AddSeconds(2),
        CompletedAt = Created.AddSeconds(65),
        Layers = layers ?? [],
        Error = error,
        FindingCount = findingCount,
        Commit = commit,
    };

    public static TaskResult Result(TaskSnapshot snapshot, IReadOnlyList<Finding> findings) => new()
    {
        Task = snapshot,
        Summary = new FindingCounts { Total = findings.Count },
        Findings = new FindingPage { Items = findings.Take(1).ToList(), Limit = 1, Total = findings.Count },
    };

    public static Finding Finding(
        string rule,
        Severity severity,
        string? file = "src/App.cs",
        int? line = 10,
        string category = "code_quality",
        string agent = "CodeQualityInspector",
        string? id = null,
        string? message = null,
        string? evidence = null,
        string? fix = null) => new()
    {
        Id = id ?? $"{rule}@{file}:{line}",
        Agent = agent,
        Rule = rule,
        Severity = severity,
        Category = category,
        File = file,
        Line = line,
        Message = message ?? $"{rule} in {file ?? "the repository"}",
        Evidence = evidence,
        Fix = fix,
        Sources = [agent],
    };

    /// <summary>A little of everything: two rules sharing findings, a security finding, a finding with no file.</summary>
    public static IReadOnlyList<Finding> Mixed() =>
    [
        Finding("quality/long-function", Severity.Low, line: 40),
        Finding("secret/aws-access-key-id", Severity.Critical, file: "config/app.env", line: 3, category: "secrets",
            agent: "SecurityScanner", evidence: "AKIA****************", fix: "Rotate the key and read it from the environment."),
        Finding("quality/long-function", Severity.Medium, file: "src/Orders/OrderService.cs", line: 120),
        Finding("docker/missing-healthcheck", Severity.Info, file: null, line: null, category: "docker", agent: "DockerMonitor"),
    ];
}
