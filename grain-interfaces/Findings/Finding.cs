namespace Amas.Orleans.Findings;

/// <summary>
/// One problem an agent found (design §3). <see cref="Id"/> is a stable fingerprint of rule, location and
/// content, so the same problem keeps its id across runs. <see cref="Evidence"/> never holds a secret in clear.
/// </summary>
[GenerateSerializer, Immutable, Alias("amas.Finding")]
public sealed record Finding
{
    [Id(0)] public required string Id { get; init; }
    /// <summary>The agent that reported it; after merging, the first of <see cref="Sources"/>.</summary>
    [Id(1)] public required string Agent { get; init; }
    [Id(2)] public required string Rule { get; init; }
    [Id(3)] public required Severity Severity { get; init; }
    [Id(4)] public required string Category { get; init; }
    /// <summary>Path relative to the repository root, with forward slashes.</summary>
    [Id(5)] public string? File { get; init; }
    [Id(6)] public int? Line { get; init; }
    [Id(7)] public required string Message { get; init; }
    [Id(8)] public string? Evidence { get; init; }
    [Id(9)] public string? Fix { get; init; }
    /// <summary>Every agent that reported this finding (more than one after the ConflictResolver merged them).</summary>
    [Id(10)] public IReadOnlyList<string> Sources { get; init; } = [];
    [Id(11)] public int? Column { get; init; }
    [Id(12)] public int? EndLine { get; init; }
    /// <summary>How the ConflictResolver merged several agents' reports into this one; null when nothing was merged.</summary>
    [Id(13)] public FindingResolution? Resolution { get; init; }
    /// <summary>Set when the finding is suppressed (an <c>amas:ignore</c> marker or the suppression file), with the reason.</summary>
    [Id(14)] public FindingSuppression? Suppression { get; init; }
}
