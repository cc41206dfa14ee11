namespace Amas.Orleans.Findings;

/// <summary>
/// How the ConflictResolver made one finding out of several agents' reports: why they were taken for the same problem
/// (a shared concept, or the same line and category), which severity rule decided and from which reports.
/// </summary>
[GenerateSerializer, Immutable, Alias("amas.FindingResolution")]
public sealed record FindingResolution
{
    /// <summary>The concept the reports share (<c>hard-coded-credential</c>), or null when merged by place alone.</summary>
    [Id(0)] public string? Concept { get; init; }
    /// <summary>The name of the severity rule that decided (<c>authoritative-agent</c>, …; docs/architecture.md).</summary>
    [Id(1)] public required string SeverityRule { get; init; }
    /// <summary>The decision in words (<c>SecurityScanner is authoritative for hard-coded-credential: medium</c>).</summary>
    [Id(2)] public required string Reason { get; init; }
    /// <summary>Every report merged into this finding, the one whose id it keeps first.</summary>
    [Id(3)] public IReadOnlyList<MergedFinding> From { get; init; } = [];
}
