using Amas.Orleans.Findings;
using static Amas.Orleans.Analysis.Security.SecretPatterns;
using static Amas.Orleans.Analysis.Security.SecretRule;

namespace Amas.Orleans.Analysis.Security;

/// <summary>Cloud providers: keys that open an account, a project or a tenant.</summary>
internal static class CloudSecretRules
{
    public static IEnumerable<SecretRule> Create()
    {
        yield return new SecretRule
        {
            Id = "secret/aws-access-key-id",
            Description = "AWS access key id",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b"""),
            Keywords = ["AKIA", "ASIA", "ABIA", "ACCA"],
        };
        yield return new SecretRule
        {
            Id = "secret/aws-secret-access-key",
            Description = "AWS secret access key",
            Severity = Severity.Critical,
            Pattern = CreatePattern(
                """(?i:aws[_.\-]?secret[_.\-]?(?:access[_.\-]?)?key|secret[_.\-]?access[_.\-]?key)""" + Assign
                + """["']?(?<secret>[A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)"""),
            Keywords = ["aws", "secret_access", "secretaccess", "secret-access", "secret.access"],
            MinEntropy = 3.5,
        };
        yield return new SecretRule
        {
            Id = "secret/google-api-key",
            Description = "Google API key",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>AIza[A-Za-z0-9_\-]{35})""" + TokenEnd),
            Keywords = ["AIza"],
        };
        yield return new SecretRule
        {
            Id = "secret/gcp-service-account-key",
            Description = "Google Cloud service-account private key",
            Severity = Severity.Critical,
            // In the JSON key file the PEM's line breaks are the two characters "\n", which the PEM rule does not accept.
            Pattern = CreatePattern(
                "\"private_key\"" + """[ \t]*:[ \t]*"-----BEGIN (?:RSA )?PRIVATE KEY-----\\n(?<secret>[A-Za-z0-9+/=\\]{64,}?)\\n-----END"""),
            Keywords = ["private_key"],
            RejectsPlaceholders = false,
        };
        yield return new SecretRule
        {
            Id = "secret/gcp-oauth-client-secret",
            Description = "Google OAuth client secret",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>GOCSPX-[A-Za-z0-9_\-]{28})""" + TokenEnd),
            Keywords = ["GOCSPX-"],
        };
        yield return new SecretRule
        {
            Id = "secret/azure-storage-account-key",
            Description = "Azure storage account key",
            Severity = Severity.Critical,
            Pattern = CreatePattern("""(?i:AccountKey)[ \t]*=[ \t]*(?<secret>[A-Za-z0-9+/]{86}==)"""),
            Keywords = ["AccountKey"],
        };
        yield return new SecretRule
        {
            Id = "secret/azure-ad-client-secret",
            Description = "Microsoft Entra ID (Azure AD) client secret",
            Severity = Severity.High,
            // Secrets issued since 2021 carry "Q~" after a three-character prefix and a digit.
            Pattern = CreatePattern(
                """(?:^|[\s"'`=:(,>])(?<secret>[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.\-]{31,34})(?:[^A-Za-z0-9_~.\-]|$)"""),
            Keywords = ["Q~"],
            MinEntropy = 3.5,
        };
        yield return new SecretRule
        {
            Id = "secret/digitalocean-token",
            Description = "DigitalOcean token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>do[opr]_v1_[a-f0-9]{64})\b"""),
            Keywords = ["dop_v1_", "doo_v1_", "dor_v1_"],
        };
        yield return new SecretRule
        {
            Id = "secret/heroku-api-key",
            Description = "Heroku API key",
            Severity = Severity.High,
            // Older keys are bare UUIDs, which only the name they are assigned to tells from any other UUID.
            Pattern = CreatePattern(
                """\b(?<secret>HRKU-AA[A-Za-z0-9_\-]{58})""" + TokenEnd
                + """|(?i:heroku[A-Za-z0-9_.\-]{0,20}(?:key|token|secret))""" + Assign + OpenQuote
                + """(?<secret>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\b"""),
            Keywords = ["heroku", "HRKU-"],
        };
        yield return new SecretRule
        {
            Id = "secret/alibaba-access-key-id",
            Description = "Alibaba Cloud access key id",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>LTAI[A-Za-z0-9]{20})\b"""),
            Keywords = ["LTAI"],
            MinEntropy = 3.0,
        };
        yield return new SecretRule
        {
            Id = "secret/alibaba-secret-key",
            Description = "Alibaba Cloud access key secret",
            Severity = Severity.Critical,
            Pattern = CreatePattern(
                """\b(?i:ali(?:baba|yun|cloud)?[_.\-]?(?:access[_.\-]?)?(?:key[_.\-]?)?secret(?:[_.\-]?key)?)""" + Assign
                + OpenQuote + """(?<secret>[A-Za-z0-9]{30})\b"""),
            Keywords = ["ali"],
            MinEntropy = 3.5,
        };
        yield return new SecretRule
        {
            Id = "secret/ibm-cloud-api-key",
            Description = "IBM Cloud API key",
            Severity = Severity.High,
            Pattern = CreatePattern(
                """\b(?i:ibm[A-Za-z0-9_.\-]{0,20}api[_.\-]?key)""" + Assign + OpenQuote
                + """(?<secret>[A-Za-z0-9_\-]{44})""" + TokenEnd),
            Keywords = ["ibm"],
            MinEntropy = 3.5,
        };
        yield return new SecretRule
        {
            Id = "secret/firebase-fcm-server-key",
            Description = "Firebase Cloud Messaging server key",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>AAAA[A-Za-z0-9_\-]{7}:[A-Za-z0-9_\-]{140})""" + TokenEnd),
            Keywords = ["AAAA"],
            MinEntropy = 4.0,
        };
        yield return new SecretRule
        {
            Id = "secret/cloudflare-api-token",
            Description = "Cloudflare API token or global API key",
            Severity = Severity.High,
            Pattern = CreatePattern(
                """\b(?i:(?:cloudflare|cf)[_.\-]?(?:api[_.\-]?)?(?:token|key))""" + Assign + OpenQuote
                + """(?<secret>[A-Za-z0-9_\-]{40}|[a-f0-9]{37})""" + TokenEnd),
            Keywords = ["cloudflare", "cf_", "cf-", "cf.", "cfapi", "cftoken", "cfkey"],
            MinEntropy = 3.5,
        };
    }
}
