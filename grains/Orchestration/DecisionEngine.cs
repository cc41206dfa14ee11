using Amas.Orleans.Agents;
using Amas.Orleans.Agents.Registry;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Orchestration;

/// <summary>
/// Chooses the agents of each layer for a task (design §3, DecisionEngine). For now a rule table over the registry:
/// layer 1 by the components and the mode's focus, every registered layer 2–4 agent after it.
/// </summary>
public sealed class DecisionEngine(AgentRegistry registry)
{
    /// <summary>Modes that narrow detection to one capability, whatever the components say.</summary>
    private static readonly IReadOnlyDictionary<string, string> ModeFocus = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["security_audit"] = "security",
        ["performance_optimization"] = "performance",
        ["documentation_update"] = "documentation",
    };

    public ExecutionPlan Plan(TaskSpec spec)
    {
        if (spec.Kind != TaskKind.Orchestrate)
        {
            var kind = TaskOptionCatalog.KindNames[spec.Kind];
            throw new TaskRejectedException(
                $"No agents for '{kind}' tasks are registered in this cluster.",
                new Dictionary<string, string[]> { ["kind"] = [$"'{kind}' is a known kind, but this cluster has no agents registered for it yet. Available: orchestrate."] });
        }

        var wanted = WantedCapabilities(spec.Options);
        var detection = registry.Descriptors
            .Where(d => d.Layer == 1 && (wanted is null || d.Capabilities.Any(wanted.Contains)))
            .Select(d => d.Name)
            .ToArray();

        if (detection.Length == 0)
        {
            var asked = wanted is null ? "all" : string.Join(", ", wanted);
            var available = registry.Descriptors.Where(d => d.Layer == 1).SelectMany(d => d.Capabilities).Distinct().Order();
            throw new TaskRejectedException(
                "No registered detection agent covers what the task asks for.",
                new Dictionary<string, string[]>
                {
                    ["options.components"] = [$"No agent covers '{asked}' here. Capabilities available: {string.Join(", ", available)}."],
                });
        }

        var layers = new List<PlannedLayer> { new(1, LayerNames.Of(1), detection) };
        for (var layer = 2; layer <= LayerNames.Count; layer++)
        {
            var agents = registry.Descriptors.Where(d => d.Layer == layer).Select(d => d.Name).ToArray();
            layers.Add(new PlannedLayer(layer, LayerNames.Of(layer), agents));
        }

        return new ExecutionPlan(layers);
    }

    private static HashSet<string>? WantedCapabilities(TaskOptions options)
    {
        if (ModeFocus.TryGetValue(options.Mode, out var focus))
        {
            return [focus];
        }

        return options.Components.Contains("all", StringComparer.Ordinal)
            ? null
            : options.Components.ToHashSet(StringComparer.Ordinal);
    }
}
