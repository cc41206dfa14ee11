using static Amas.Orleans.Analysis.Tests.Security.FakeSecret;

namespace Amas.Orleans.Analysis.Tests.Security;

public static partial class SecretSamples
{
    private static void Registry(Sample sample)
    {
        sample("secret/npm-token", "//registry.npmjs.org/:_authToken={0}", "npm_" + Alnum(36));
        sample("secret/pypi-token", "password: {0}", "pypi-" + "AgEIcHlwaS5vcmc" + Of(UrlSafe, 70));
        sample("secret/nuget-api-key", "dotnet nuget push -k {0}", "oy2" + Of(Lower + Digits, 43));
        sample("secret/rubygems-api-key", ":rubygems_api_key: {0}", "rubygems_" + Of(Hex, 48));
        sample("secret/docker-hub-pat", "echo {0} | docker login", "dckr_pat_" + Of(UrlSafe, 27));
        sample("secret/vault-token", "VAULT_TOKEN={0}", "hvs." + Of(UrlSafe, 95));
        sample("secret/terraform-cloud-token", "token = \"{0}\"", Alnum(14) + ".atlasv1." + Of(UrlSafe, 67));
        sample("secret/pulumi-access-token", "PULUMI_ACCESS_TOKEN={0}", "pul-" + Of(Hex, 40));
        sample("secret/doppler-token", "DOPPLER_TOKEN={0}", "dp.pt." + Alnum(43));
    }

    private static IEnumerable<(string Rule, string Text)> RegistryMisses()
    {
        yield return ("secret/npm-token", "_authToken=npm_" + Alnum(20));
        yield return ("secret/pypi-token", "password: pypi-" + "AgEIcHlwaS5vcmc" + Of(UrlSafe, 20));
        yield return ("secret/nuget-api-key", "dotnet nuget push -k oy2" + Of(Lower + Digits, 30));
        yield return ("secret/rubygems-api-key", ":rubygems_api_key: rubygems_" + Of(Hex, 30));
        yield return ("secret/docker-hub-pat", "echo dckr_pat_" + Of(UrlSafe, 12) + " | docker login");
        yield return ("secret/vault-token", "VAULT_TOKEN=hvs." + Of(UrlSafe, 24));
        yield return ("secret/terraform-cloud-token", "token = \"" + Alnum(14) + ".atlasv1." + Of(UrlSafe, 20) + "\"");
        yield return ("secret/pulumi-access-token", "PULUMI_ACCESS_TOKEN=pul-" + Of(Hex, 30));
        yield return ("secret/doppler-token", "DOPPLER_TOKEN=dp.pt." + Alnum(20));
    }
}
