using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>A Dockerfile as parsed and what the rules found in it.</summary>
public sealed record DockerfileAnalysis(Dockerfile Dockerfile, IReadOnlyList<Finding> Findings);
