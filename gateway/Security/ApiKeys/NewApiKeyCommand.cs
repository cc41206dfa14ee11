namespace Amas.Orleans.Gateway.Security.ApiKeys;

/// <summary>
/// <c>gateway new-api-key</c>: prints a fresh key and its SHA-256, for <c>Amas:Security:BootstrapApiKeyHash</c>.
/// The key goes to whoever administers the gateway; only the hash goes into configuration.
/// </summary>
public static class NewApiKeyCommand
{
    public const string Name = "new-api-key";

    public static int Run(TextWriter output)
    {
        var key = ApiKeySecrets.NewKey();
        output.WriteLine($"key:  {key}");
        output.WriteLine($"hash: {ApiKeySecrets.Hash(key)}");
        output.WriteLine($"Set {SecurityOptions.SectionName}:BootstrapApiKeyHash to the hash; send the key as {SecuritySchemes.ApiKeyHeader}.");
        return 0;
    }
}
