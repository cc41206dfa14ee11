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

    /// <summary>The Layer 1 findings the fix chain may fix (a suppressed problem never is), and how many it may not.</summary>
    public static Task<(IReadOnlyList<Finding> Live, int Suppressed)> FixableFindingsAsync(AgentContext context, CancellationToken cancellationToken)
        => LiveFindings.SelectAsync(DetectionFindings(context), context.Repository?.Root, cancellationToken);

    public static IReadOnlyList<AgentReport> DetectionReports(AgentContext context)
        => context.Inputs.Where(r => r.Layer == 1 && r.Status == AgentRunStatus.Succeeded).ToList();

    /// <summary>The patches of the previous agent of the chain, or null when it did not run or did not succeed.</summary>
    public static IReadOnlyList<FixPatch>? PatchesOf(AgentContext context, string agent)
        => context.Inputs.FirstOrDefault(r => r.Agent == agent && r.Status == AgentRunStatus.Succeeded)?.Patches;
}
