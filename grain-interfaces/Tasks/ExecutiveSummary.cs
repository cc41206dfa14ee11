using Amas.Orleans.Agents;

namespace Amas.Orleans.Tasks;

/// <summary>The Reporter's few sentences on a finished task, and who wrote them (an AI provider and model, or the rules).</summary>
[GenerateSerializer, Immutable, Alias("amas.ExecutiveSummary")]
public sealed record ExecutiveSummary
{
    [Id(0)] public required string Text { get; init; }
    [Id(1)] public required AgentAiUse WrittenBy { get; init; }
}
