namespace Amas.Orleans.Findings;

/// <summary>
/// How many findings, by severity, category and agent. Keys are the snake_case names shown to callers. Suppressed
/// findings are not in these counts; <see cref="Suppressed"/> says how many there were.
/// </summary>
[GenerateSerializer, Immutable, Alias("amas.FindingCounts")]
public sealed record FindingCounts
{
    [Id(0)] public int Total { get; init; }
    [Id(1)] public IReadOnlyDictionary<string, int> BySeverity { get; init; } = new Dictionary<string, int>();
    [Id(2)] public IReadOnlyDictionary<string, int> ByCategory { get; init; } = new Dictionary<string, int>();
    [Id(3)] public IReadOnlyDictionary<string, int> ByAgent { get; init; } = new Dictionary<string, int>();
    [Id(4)] public int Suppressed { get; init; }
}
