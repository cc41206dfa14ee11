using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>What the final pass of copy detection found: one finding per duplicated region.</summary>
/// <param name="DuplicatedLines">Lines inside the regions (regions of one file do not share lines).</param>
public sealed record DuplicationReport(IReadOnlyList<Finding> Findings, int DuplicatedLines);
