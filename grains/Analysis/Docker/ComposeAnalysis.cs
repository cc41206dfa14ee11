using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>How many services a compose file declares and what the rules found in them.</summary>
public sealed record ComposeAnalysis(int Services, IReadOnlyList<Finding> Findings);
