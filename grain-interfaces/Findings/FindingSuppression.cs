namespace Amas.Orleans.Findings;

/// <summary>
/// Why a finding is suppressed, and where that was said. A suppressed finding stays in the result, marked, so a
/// reader can check every suppression; it is left out of counts and never fixed.
/// </summary>
[GenerateSerializer, Immutable, Alias("amas.FindingSuppression")]
public sealed record FindingSuppression
{
    [Id(0)] public required SuppressionKind Kind { get; init; }
    /// <summary>The author's reason, as written (or a note that none was given).</summary>
    [Id(1)] public required string Reason { get; init; }
    /// <summary>The file holding the suppression, relative to the repository root: the source file or the suppression file.</summary>
    [Id(2)] public string? File { get; init; }
    [Id(3)] public int? Line { get; init; }
}
