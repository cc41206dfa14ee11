namespace Amas.Orleans.Agents;

/// <summary>What <see cref="IAgentGrain.StartAsync"/> answers: where the agent runs, and its outcome if it already ended.</summary>
[GenerateSerializer, Immutable, Alias("amas.AgentStartReceipt")]
public sealed record AgentStartReceipt
{
    /// <summary>The silo address of the activation, as <c>SiloAddress.ToParsableString()</c> writes it.</summary>
    [Id(0)] public required string Silo { get; init; }

    /// <summary>Set when the work had already ended: the caller needs no callback to learn the result.</summary>
    [Id(1)] public AgentOutcome? Outcome { get; init; }
}
