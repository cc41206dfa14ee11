namespace Amas.Orleans.Agents;

/// <summary>
/// How much of a repository an agent reads (self_improve's depth): at most <see cref="MaxFiles"/> files, shallowest
/// paths first, none larger than <see cref="MaxFileBytes"/>. What is left out is counted in the report's metrics.
/// </summary>
[GenerateSerializer, Immutable, Alias("amas.AnalysisBounds")]
public sealed record AnalysisBounds
{
    [Id(0)] public required int MaxFiles { get; init; }
    [Id(1)] public required long MaxFileBytes { get; init; }
}
