namespace Amas.Orleans.Tasks;

/// <summary>
/// The options of a task. Which of them apply, and their valid values, depend on the kind:
/// <see cref="TaskOptionCatalog"/> lists them. New options get new ids; ids are never reused.
/// </summary>
[GenerateSerializer, Immutable, Alias("amas.TaskOptions")]
public sealed record TaskOptions
{
    [Id(0)] public string Mode { get; init; } = "intelligent";
    [Id(1)] public IReadOnlyList<string> Components { get; init; } = ["all"];
    [Id(2)] public TaskPriority Priority { get; init; } = TaskPriority.Normal;
    [Id(3)] public bool AutoApply { get; init; }
    [Id(4)] public IReadOnlyList<string> Areas { get; init; } = ["all"];
    /// <summary>
    /// self_improve and issue_respond: a named depth (<see cref="TaskOptionCatalog.Depths"/>); osint: how many link
    /// levels to follow, as a whole number (0 fetches only the given URLs).
    /// </summary>
    [Id(5)] public string? Depth { get; init; }
    /// <summary>Overall deadline of the task; the cluster's default applies when absent.</summary>
    [Id(6)] public int? DeadlineSeconds { get; init; }
    /// <summary>osint: the pages to start from (http and https only).</summary>
    [Id(7)] public IReadOnlyList<string> Urls { get; init; } = [];
    /// <summary>osint: terms whose frequency the report counts.</summary>
    [Id(8)] public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>forensics: an absolute path to a file under one of the configured allowed roots.</summary>
    [Id(9)] public string? FilePath { get; init; }
    /// <summary>forensics: the file uploaded with the task, kept in shared storage. Set by the gateway, never by a caller's JSON.</summary>
    [Id(10)] public UploadedFile? Upload { get; init; }
    /// <summary>issue_respond: the issue to categorise and answer.</summary>
    [Id(11)] public IssueInput? Issue { get; init; }
    /// <summary>issue_respond: the language of the answer, or <c>auto</c> for the issue's own (<see cref="TaskOptionCatalog.Languages"/>).</summary>
    [Id(12)] public string Language { get; init; } = TaskOptionCatalog.AutoLanguage;
    /// <summary>issue_respond: run the fix pipeline on the repository given with the issue.</summary>
    [Id(13)] public bool AutoFix { get; init; }
}
