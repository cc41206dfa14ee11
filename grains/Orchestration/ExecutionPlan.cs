namespace Amas.Orleans.Orchestration;

/// <summary>Which agents run in each of the four layers, decided once when a task is submitted.</summary>
public sealed record ExecutionPlan(IReadOnlyList<PlannedLayer> Layers);

/// <summary>
/// The agents of one layer. They start together, unless <see cref="InOrder"/>: then one after another in the listed
/// order, each reading the reports of those before it (the fix chain).
/// </summary>
public sealed record PlannedLayer(int Layer, string Name, IReadOnlyList<string> Agents)
{
    public bool InOrder { get; init; }
}
