using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Findings;

/// <summary>
/// The reports an agent may act on (plan, recommend, link, fix): all but the suppressed ones, whether an
/// <c>amas:ignore</c> marker or the repository's suppression file suppressed them, on that report or on another
/// agent's report of the same problem. Resolved as the ConflictResolver resolves them, from the same reports and the
/// same file, so the agents that run beside it (layer 2) or without it agree with the task's result.
/// </summary>
public static class LiveFindings
{
    /// <param name="repositoryRoot">Where the suppression file is looked for; null when the task has no repository.</param>
    public static async Task<(IReadOnlyList<Finding> Live, int Suppressed)> SelectAsync(
        IReadOnlyList<Finding> reports, string? repositoryRoot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var suppressions = repositoryRoot is null ? SuppressionList.None : await SuppressionFile.LoadAsync(repositoryRoot, cancellationToken);
        var suppressed = FindingResolver.Resolve(reports, suppressions).SuppressedReportIds;
        var live = reports.Where(f => !suppressed.Contains(f.Id)).ToList();
        return (live, reports.Count - live.Count);
    }
}
