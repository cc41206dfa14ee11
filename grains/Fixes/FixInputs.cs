using Amas.Orleans.Agents;
using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Fixes;

/// <summary>What the fix chain reads from earlier reports of its task.</summary>
internal static class FixInputs
{
    /// <summary>The Layer 1 findings, as their agents reported them (their ids are what patches name).</summary>
    public static IReadOnlyList<Finding> DetectionFindings(AgentContext context)
        => DetectionReports(context).SelectMany(r => r.Findings).DistinctBy(f => f.Id).ToList();

    /// <summary>
    /// The Layer 1 findings the fix chain may fix, and how many it may not: a suppressed problem is never fixed,
    /// whether an <c>amas:ignore</c> marker or the repository's suppression file suppressed it, on this report or on
    /// another agent's report of the same problem. Resolved as the ConflictResolver resolves them, from the same
    /// reports and the same file, so it holds whether or not the ConflictResolver ran.
    /// </summary>
    public static async Task<(IReadOnlyList<Finding> Findings, int Suppressed)> FixableFindingsAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var findings = DetectionFindings(context);
        var suppressions = context.Repository is { } repository
            ? await SuppressionFile.LoadAsync(repository.Root, cancellationToken)
            : SuppressionList.None;
        var suppressed = FindingResolver.Resolve(findings, suppressions).SuppressedReportIds;
        var fixable = findings.Where(f => !suppressed.Contains(f.Id)).ToList();
        return (fixable, findings.Count - fixable.Count);
    }

    public static IReadOnlyList<AgentReport> DetectionReports(AgentContext context)
        => context.Inputs.Where(r => r.Layer == 1 && r.Status == AgentRunStatus.Succeeded).ToList();

    /// <summary>The patches of the previous agent of the chain, or null when it did not run or did not succeed.</summary>
    public static IReadOnlyList<FixPatch>? PatchesOf(AgentContext context, string agent)
        => context.Inputs.FirstOrDefault(r => r.Agent == agent && r.Status == AgentRunStatus.Succeeded)?.Patches;
}
