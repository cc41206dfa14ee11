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
        // orchestrate: at surface depth the DecisionEngine skips agents the LearningSystem saw find nothing on this
        // kind of repository (never in full_analysis mode); self_improve: also how much of the repository is read.
        [TaskKind.Orchestrate] = ["surface", "medium", "deep", "comprehensive"],
        [TaskKind.SelfImprove] = ["surface", "medium", "deep", "comprehensive"],
        [TaskKind.IssueRespond] = ["basic", "detailed", "comprehensive", "expert"],
    };

    /// <summary>osint: at most this many start URLs, each at most <see cref="MaxUrlLength"/> characters, http or https.</summary>
    public const int MaxUrls = 20;

    public const int MaxUrlLength = 2048;

    public static readonly IReadOnlyList<string> UrlSchemes = ["http", "https"];

    /// <summary>osint: at most this many keywords, each 1 to <see cref="MaxKeywordLength"/> characters.</summary>
    public const int MaxKeywords = 50;

    public const int MaxKeywordLength = 100;

    /// <summary>osint: link levels followed from the start URLs, 0 to this.</summary>
    public const int MaxLinkDepth = 3;

    /// <summary>forensics: the longest file_path accepted.</summary>
    public const int MaxFilePathLength = 4096;

    public const string AutoLanguage = "auto";

    /// <summary>issue_respond: the languages an answer can be written in; <c>auto</c> answers in the issue's own.</summary>
    public static readonly IReadOnlyList<string> Languages = [AutoLanguage, "english", "spanish", "french", "german", "chinese", "japanese"];

    /// <summary>issue_respond: bounds of the issue text (a title is one line; a body a long report, not a log dump).</summary>
    public const int MaxIssueTitleLength = 512;

    public const int MaxIssueBodyLength = 65_536;

    public const int MaxIssueLabels = 20;

    public const int MaxIssueLabelLength = 64;

    /// <summary>Options that mean something for one kind only; giving them to another kind is an error, not a no-op.</summary>
    public static readonly IReadOnlyDictionary<string, TaskKind> KindOnlyOptions = new Dictionary<string, TaskKind>(StringComparer.Ordinal)
    {
        ["urls"] = TaskKind.Osint,
        ["keywords"] = TaskKind.Osint,
        ["file_path"] = TaskKind.Forensics,
        ["file"] = TaskKind.Forensics,
        ["issue"] = TaskKind.IssueRespond,
        ["language"] = TaskKind.IssueRespond,
        ["auto_fix"] = TaskKind.IssueRespond,
    };
}
