using System.Security.Cryptography;
using System.Text;

namespace Amas.Orleans.UserInterface.Tests;

/// <summary>
/// The embedded system with authentication on: only the bootstrap API key gets in. The hash is computed here as the
/// gateway's <c>new-api-key</c> command prints it (SHA-256 of the key, lower-case hex), since these tests talk to the
/// gateway only as a process.
/// </summary>
public sealed class SecuredGatewayProcess : GatewayProcess
{
    public string ApiKey { get; } = "amas_ui_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    protected override IEnumerable<string> MoreArguments =>
    [
        "--Amas:Security:Enabled=true",
        $"--Amas:Security:BootstrapApiKeyHash={Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey)))}",
    ];
}

[CollectionDefinition(Name)]
public sealed class SecuredGatewayProcessCollection : ICollectionFixture<SecuredGatewayProcess>
{
    public const string Name = "secured gateway process";
}
