using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Findings;

/// <summary>
/// The ConflictResolver's work as one call: merge by place and meaning (<see cref="FindingMerger"/>, with the severity
/// rule table), then mark what the repository's suppression file suppresses. Suppressions already on a report (an
/// <c>amas:ignore</c> marker) carry over. Nothing is dropped: suppressed findings come last, marked with the reason.
/// </summary>
public static class FindingResolver
{
    public static ResolvedFindings Resolve(IReadOnlyCollection<Finding> findings, SuppressionList suppressions)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(suppressions);
        var merge = FindingMerger.Merge(findings);
        var resolved = merge.Findings
            .Select(f => f.Suppression is null && suppressions.Match(f) is { } suppression ? f with { Suppression = suppression } : f)
            .OrderBy(f => f.Suppression is not null)
            .ThenByDescending(f => f.Severity)
            .ThenBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToArray();
        return new ResolvedFindings(resolved, findings.Count, merge.Merged, merge.SeverityConflicts);
    }
}

/// <param name="Findings">One per problem: live ones most severe first, then the suppressed ones.</param>
/// <param name="In">How many reports went in.</param>
/// <param name="Merged">How many reports were folded into others.</param>
/// <param name="SeverityConflicts">How many merged findings had reports disagreeing on the severity, settled by the rule table.</param>
public sealed record ResolvedFindings(IReadOnlyList<Finding> Findings, int In, int Merged, int SeverityConflicts)
{
    public int Suppressed => Findings.Count(f => f.Suppression is not null);

    /// <summary>The ids of every report a suppressed finding stands for, its merged reports' included.</summary>
    public IReadOnlySet<string> SuppressedReportIds => Findings
        .Where(f => f.Suppression is not null)
        .SelectMany(f => f.Resolution?.From.Select(r => r.Id).Append(f.Id) ?? [f.Id])
        .ToHashSet(StringComparer.Ordinal);
}
