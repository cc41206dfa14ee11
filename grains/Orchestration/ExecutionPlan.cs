namespace Amas.Orleans.Orchestration;

/// <summary>Which agents run in each of the four layers, decided once when a task is submitted.</summary>
public sealed record ExecutionPlan(IReadOnlyList<PlannedLayer> Layers);

public sealed record PlannedLayer(int Layer, string Name, IReadOnlyList<string> Agents)
{
    /// <summary>Agents the plan leaves out of this layer on purpose, each with the reason the task's status shows.</summary>
    public IReadOnlyDictionary<string, string> Skipped { get; init; } = new Dictionary<string, string>();
}
