using Amas.Orleans.Findings;
using static Amas.Orleans.Analysis.Security.SecretPatterns;
using static Amas.Orleans.Analysis.Security.SecretRule;

namespace Amas.Orleans.Analysis.Security;

/// <summary>
/// Package registries and infrastructure tooling: a leaked publish token is a supply-chain attack on every user.
/// </summary>
internal static class RegistrySecretRules
{
    public static IEnumerable<SecretRule> Create()
    {
        yield return new SecretRule
        {
            Id = "secret/npm-token",
            Description = "npm access token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>npm_[A-Za-z0-9]{36})\b"""),
            Keywords = ["npm_"],
        };
        yield return new SecretRule
        {
            Id = "secret/pypi-token",
            Description = "PyPI upload token",
            Severity = Severity.High,
            // "AgEIcHlwaS5vcmc" is the base64 of the macaroon's fixed "pypi.org" location field.
            Pattern = CreatePattern("""\b(?<secret>pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,})"""),
            Keywords = ["pypi-AgEIcHlwaS5vcmc"],
        };
        yield return new SecretRule
        {
            Id = "secret/nuget-api-key",
            Description = "NuGet API key",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>oy2[a-z0-9]{43})\b"""),
            Keywords = ["oy2"],
            MinEntropy = 3.5,
        };
        yield return new SecretRule
        {
            Id = "secret/rubygems-api-key",
            Description = "RubyGems API key",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>rubygems_[a-f0-9]{48})\b"""),
            Keywords = ["rubygems_"],
        };
        yield return new SecretRule
        {
            Id = "secret/docker-hub-pat",
            Description = "Docker Hub personal access token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>dckr_pat_[A-Za-z0-9_\-]{27,64})""" + TokenEnd),
            Keywords = ["dckr_pat_"],
        };
        yield return new SecretRule
        {
            Id = "secret/vault-token",
            Description = "HashiCorp Vault service or batch token",
            Severity = Severity.Critical,
            Pattern = CreatePattern("""\b(?<secret>hv[sb]\.[A-Za-z0-9_\-]{90,300})""" + TokenEnd),
            Keywords = ["hvs.", "hvb."],
        };
        yield return new SecretRule
        {
            Id = "secret/terraform-cloud-token",
            Description = "HCP Terraform (Terraform Cloud) API token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=\-]{60,70})(?:[^A-Za-z0-9_=\-]|$)"""),
            Keywords = ["atlasv1"],
        };
        yield return new SecretRule
        {
            Id = "secret/pulumi-access-token",
            Description = "Pulumi access token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>pul-[a-f0-9]{40})\b"""),
            Keywords = ["pul-"],
        };
        yield return new SecretRule
        {
            Id = "secret/doppler-token",
            Description = "Doppler token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44})\b"""),
            Keywords = ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."],
        };
    }
}
