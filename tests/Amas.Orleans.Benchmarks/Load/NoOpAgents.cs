using Amas.Orleans.Agents;
using Microsoft.Extensions.DependencyInjection;

namespace Amas.Orleans.Benchmarks.Load;

/// <summary>
/// An agent with a real agent's name, layer and capabilities that does nothing, so that an <c>orchestrate</c> task
/// measures the orchestration alone: placement, fan-out, callbacks, state and the index, no analysis.
/// </summary>
public sealed class NoOpAgent(AgentDescriptor descriptor) : IAgent
{
    // No repository read: the checkout is skipped, as it is for every agent that does not read the tree.
    public AgentDescriptor Descriptor { get; } = descriptor with { ReadsRepository = false };

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
        => Task.FromResult(AgentResult.Empty("no-op"));
}

public static class NoOpAgents
{
    /// <summary>Replaces every registered agent with a <see cref="NoOpAgent"/> under the same descriptor.</summary>
    public static IServiceCollection ReplaceAgentsWithNoOps(this IServiceCollection services)
    {
        var agents = services.Where(d => d.ServiceType == typeof(IAgent)).ToList();
        foreach (var agent in agents)
        {
            services.Remove(agent);
            services.AddSingleton<IAgent>(sp => new NoOpAgent(((IAgent)(agent switch
            {
                { ImplementationInstance: { } instance } => instance,
                { ImplementationFactory: { } factory } => factory(sp),
                { ImplementationType: { } type } => ActivatorUtilities.CreateInstance(sp, type),
                _ => throw new InvalidOperationException("An agent registration cannot be replaced."),
            })).Descriptor));
        }

        return services;
    }
}
