using Amas.Orleans.Agents;

namespace Amas.Orleans.Agents;

/// <summary>
/// An agent's logic, free of Orleans: the <c>AgentGrain</c> gives it identity, state, deadline and cancellation.
/// A new agent is one class implementing this and one <c>AddAgent&lt;T&gt;()</c> registration.
/// </summary>
public interface IAgent
{
    AgentDescriptor Descriptor { get; }

    Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken);
}
