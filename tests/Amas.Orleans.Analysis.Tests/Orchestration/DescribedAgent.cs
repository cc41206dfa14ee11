using Amas.Orleans.Agents;

namespace Amas.Orleans.Analysis.Tests.Orchestration;

/// <summary>An agent that only has a descriptor: enough for the registry and the decision engine.</summary>
internal sealed class DescribedAgent(string name, int layer, params string[] capabilities) : IAgent
{
    public AgentDescriptor Descriptor { get; } = new() { Name = name, Layer = layer, Description = name, Capabilities = capabilities };

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
        => throw new InvalidOperationException("Not meant to run.");
}
