namespace Amas.Orleans.Gateway.Security.Tests;

/// <summary>A gateway allowing <see cref="PermitLimit"/> requests per caller per hour: the hour never ends within a test.</summary>
public sealed class RateLimitedGateway : SecuredGateway
{
    public const int PermitLimit = 10;

    protected override IEnumerable<string> Settings =>
        [$"--Amas:Security:RateLimit:PermitLimit={PermitLimit}", "--Amas:Security:RateLimit:Window=01:00:00"];
}

[CollectionDefinition(Name)]
public sealed class RateLimitedGatewayCollection : ICollectionFixture<RateLimitedGateway>
{
    public const string Name = "rate-limited gateway";
}
