namespace Amas.Orleans.Tasks;

/// <summary>
/// The valid option values per task kind (design §2). Data only: the gateway shows it to callers, the
/// orchestrator validates against it.
/// </summary>
public static class TaskOptionCatalog
{
    public static readonly IReadOnlyDictionary<TaskKind, string> KindNames = new Dictionary<TaskKind, string>
    {
        [TaskKind.Orchestrate] = "orchestrate",
        [TaskKind.SelfImprove] = "self_improve",
        [TaskKind.IssueRespond] = "issue_respond",
        [TaskKind.Osint] = "osint",
        [TaskKind.Forensics] = "forensics",
    };

    public static readonly IReadOnlyList<string> Priorities = ["low", "normal", "high", "critical"];

    public static readonly IReadOnlyDictionary<TaskKind, IReadOnlyList<string>> Modes = new Dictionary<TaskKind, IReadOnlyList<string>>
    {
        [TaskKind.Orchestrate] = ["intelligent", "full_analysis", "emergency_response", "performance_optimization", "security_audit", "documentation_update"],
        [TaskKind.SelfImprove] = ["intelligent", "aggressive", "conservative", "performance_focused", "security_focused", "documentation_focused"],
        [TaskKind.IssueRespond] = ["intelligent", "aggressive", "conservative", "technical_focused", "user_friendly", "automated_fix"],
        [TaskKind.Osint] = ["intelligent"],
        [TaskKind.Forensics] = ["intelligent"],
    };

    public static readonly IReadOnlyList<string> Components = ["all", "code_quality", "security", "performance", "documentation"];

    public static readonly IReadOnlyList<string> Areas = ["all", "code_quality", "performance", "security", "documentation", "testing", "architecture", "dependencies"];

    public static readonly IReadOnlyDictionary<TaskKind, IReadOnlyList<string>> Depths = new Dictionary<TaskKind, IReadOnlyList<string>>
    {
        [TaskKind.SelfImprove] = ["surface", "medium", "deep", "comprehensive"],
        [TaskKind.IssueRespond] = ["basic", "detailed", "comprehensive", "expert"],
    };
}
