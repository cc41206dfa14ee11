using Amas.Orleans.Agents;

namespace Amas.Orleans.Testing.Agents;

/// <summary>A detection agent that always throws. It covers "performance", so only tasks asking for it run it.</summary>
public sealed class FailingAgent : IAgent
{
    public const string Name = "FailingAgent";
    public const string Capability = "performance";
    public const string FailureMessage = "planted failure for the test";

    public AgentDescriptor Descriptor { get; } = new() { Name = Name, Layer = 1, Description = "Throws.", Capabilities = [Capability] };

    public Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
        => throw new InvalidOperationException(FailureMessage);
}
