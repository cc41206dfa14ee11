namespace Amas.Orleans.Improvements;

/// <summary>One concrete change the PerformanceOptimizer recommends, from the findings of one rule, with where to make it.</summary>
[GenerateSerializer, Immutable, Alias("amas.PerformanceRecommendation")]
public sealed record PerformanceRecommendation
{
    [Id(0)] public required string Rule { get; init; }
    [Id(1)] public required string Title { get; init; }
    [Id(2)] public required string Recommendation { get; init; }
    [Id(3)] public required Findings.Severity Severity { get; init; }
    [Id(4)] public required int FindingCount { get; init; }
    /// <summary>Up to ten <c>file:line</c> locations, most severe first.</summary>
    [Id(5)] public IReadOnlyList<string> Locations { get; init; } = [];
    /// <summary>The agent whose findings or metrics it comes from (PerformanceAnalyzer, CodeQualityInspector).</summary>
    [Id(6)] public required string Source { get; init; }
}
