namespace Amas.Orleans.Gateway.Tests.Workflows;

/// <summary>The embedded gateway with exactly the production agents: what the workflow table describes.</summary>
public sealed class ProductionAgentsGateway : EmbeddedGateway
{
    protected override bool WithScriptedAgents => false;
}

[CollectionDefinition(Name)]
public sealed class ProductionAgentsGatewayCollection : ICollectionFixture<ProductionAgentsGateway>
{
    public const string Name = "production agents gateway";
}
