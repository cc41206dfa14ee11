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

    /// <summary>Agents the plan leaves out of this layer on purpose, each with the reason the task's status shows.</summary>
    public IReadOnlyDictionary<string, string> Skipped { get; init; } = new Dictionary<string, string>();
}
