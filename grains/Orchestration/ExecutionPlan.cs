namespace Amas.Orleans.Orchestration;

/// <summary>Which agents run in each of the four layers, decided once when a task is submitted.</summary>
public sealed record ExecutionPlan(IReadOnlyList<PlannedLayer> Layers);

public sealed record PlannedLayer(int Layer, string Name, IReadOnlyList<string> Agents);
