using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>What <see cref="CodeQualityAnalyzer"/> found in one file.</summary>
public sealed record CodeQualityReport(FileMetrics Metrics, IReadOnlyList<Finding> Findings);
