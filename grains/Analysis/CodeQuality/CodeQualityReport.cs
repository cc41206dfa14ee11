using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>What <see cref="CodeQualityAnalyzer"/> found in one file.</summary>
public sealed record CodeQualityReport(FileMetrics Metrics, IReadOnlyList<Finding> Findings)
{
    /// <summary>
    /// What copy detection needs of the file for its final pass; null when the file has no tokens (an unknown
    /// language), is generated or minified, or detection is off.
    /// </summary>
    public CloneFingerprints? Clones { get; init; }

    public bool GeneratedOrMinified { get; init; }
}
