namespace Amas.Orleans.Findings;

[GenerateSerializer, Immutable, Alias("amas.FindingPage")]
public sealed record FindingPage
{
    [Id(0)] public IReadOnlyList<Finding> Items { get; init; } = [];
    [Id(1)] public int Offset { get; init; }
    [Id(2)] public int Limit { get; init; }
    [Id(3)] public int Total { get; init; }
}
