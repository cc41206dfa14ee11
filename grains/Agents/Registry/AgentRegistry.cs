using Amas.Orleans.Agents;

namespace Amas.Orleans.Agents.Registry;

/// <summary>Every agent this silo can run, by name. Built from the <see cref="IAgent"/> registrations.</summary>
public sealed class AgentRegistry
{
    private readonly Dictionary<string, IAgent> _agents;

    public AgentRegistry(IEnumerable<IAgent> agents)
    {
        _agents = new Dictionary<string, IAgent>(StringComparer.Ordinal);
        foreach (var agent in agents)
        {
            if (!_agents.TryAdd(agent.Descriptor.Name, agent))
            {
                throw new InvalidOperationException($"Two agents are registered under the name '{agent.Descriptor.Name}'.");
            }
        }

        Descriptors = _agents.Values
            .Select(a => a.Descriptor)
            .OrderBy(d => d.Layer)
            .ThenBy(d => d.Name, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>All agents, by layer then name.</summary>
    public IReadOnlyList<AgentDescriptor> Descriptors { get; }

    public bool TryGet(string name, out IAgent agent) => _agents.TryGetValue(name, out agent!);

    public AgentDescriptor? Find(string name) => _agents.TryGetValue(name, out var agent) ? agent.Descriptor : null;

    /// <summary>
    /// The agent's position among the agents of its layer. Placement spreads a layer's agents over the silos by it.
    /// </summary>
    public int OrdinalInLayer(string name)
    {
        var descriptor = Find(name);
        if (descriptor is null)
        {
            return 0;
        }

        var index = 0;
        foreach (var d in Descriptors)
        {
            if (d.Layer != descriptor.Layer)
            {
                continue;
            }

            if (d.Name == name)
            {
                return index;
            }

            index++;
        }

        return 0;
    }
}
