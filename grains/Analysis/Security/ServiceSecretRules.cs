using Amas.Orleans.Findings;
using static Amas.Orleans.Analysis.Security.SecretPatterns;
using static Amas.Orleans.Analysis.Security.SecretRule;

namespace Amas.Orleans.Analysis.Security;

/// <summary>Hosted services: issue trackers, observability, AI APIs, identity providers, design and storage tools.</summary>
internal static class ServiceSecretRules
{
    public static IEnumerable<SecretRule> Create()
    {
        yield return new SecretRule
        {
            Id = "secret/atlassian-api-token",
            Description = "Atlassian (Jira, Confluence) API token",
            Severity = Severity.High,
            Pattern = CreatePattern(
                """\b(?<secret>ATATT3[A-Za-z0-9_\-=]{186})(?:[^A-Za-z0-9_\-=]|$)"""
                + """|(?i:(?:atlassian|jira|confluence)[A-Za-z0-9_.\-]{0,20}(?:token|key))""" + Assign + OpenQuote
                + """(?<secret>[A-Za-z0-9]{24})\b"""),
            Keywords = ["ATATT3", "atlassian", "jira", "confluence"],
            MinEntropy = 3.5,
        };
        yield return new SecretRule
        {
            Id = "secret/linear-api-key",
            Description = "Linear API key",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>lin_api_[A-Za-z0-9]{40})\b"""),
            Keywords = ["lin_api_"],
        };
        yield return new SecretRule
        {
            Id = "secret/notion-token",
            Description = "Notion integration token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>ntn_[0-9]{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})\b"""),
            Keywords = ["ntn_", "secret_"],
            MinEntropy = 3.5,
        };
        yield return new SecretRule
        {
            Id = "secret/postman-api-key",
            Description = "Postman API key",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>PMAK-[a-f0-9]{24}-[a-f0-9]{34})\b"""),
            Keywords = ["PMAK-"],
        };
        yield return new SecretRule
        {
            Id = "secret/sentry-dsn-secret",
            Description = "Sentry DSN with its secret key",
            Severity = Severity.High,
            // Only legacy DSNs carry a secret after the public key; modern ones (public key only) are meant to ship.
            Pattern = CreatePattern("""https?://[0-9a-f]{32}:(?<secret>[0-9a-f]{32})@[A-Za-z0-9.\-]+(?::[0-9]+)?/[0-9]+"""),
            Keywords = ["sentry"],
        };
        yield return new SecretRule
        {
            Id = "secret/sentry-auth-token",
            Description = "Sentry auth token",
            Severity = Severity.High,
            Pattern = CreatePattern(
                """\b(?<secret>sntryu_[a-f0-9]{64}|sntrys_eyJ[A-Za-z0-9_=+/\-]{60,400})(?:[^A-Za-z0-9_=+/\-]|$)"""),
            Keywords = ["sntryu_", "sntrys_"],
        };
        yield return new SecretRule
        {
            Id = "secret/datadog-api-key",
            Description = "Datadog API or application key",
            Severity = Severity.High,
            Pattern = CreatePattern(
                """\b(?i:(?:datadog|dd)[_.\-]?(?:api|app(?:lication)?)[_.\-]?key)""" + Assign + OpenQuote
                + """(?<secret>[a-f0-9]{40}|[a-f0-9]{32})\b"""),
            Keywords = ["datadog", "dd_", "dd-", "dd.", "ddapi", "ddapp"],
            MinEntropy = 3.0,
        };
        yield return new SecretRule
        {
            Id = "secret/new-relic-key",
            Description = "New Relic user, insert or browser key",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>NRAK-[A-Z0-9]{27}|NRII-[A-Za-z0-9_\-]{32}|NRJS-[a-f0-9]{19})""" + TokenEnd),
            Keywords = ["NRAK-", "NRII-", "NRJS-"],
        };
        yield return new SecretRule
        {
            Id = "secret/grafana-token",
            Description = "Grafana Cloud or service-account token",
            Severity = Severity.High,
            Pattern = CreatePattern(
                """\b(?<secret>glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?:[^A-Za-z0-9+/=_]|$)"""),
            Keywords = ["glc_", "glsa_"],
            MinEntropy = 3.5,
        };
        yield return new SecretRule
        {
            Id = "secret/dropbox-token",
            Description = "Dropbox access token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>sl\.(?:u\.)?[A-Za-z0-9_\-=]{130,1500})(?:[^A-Za-z0-9_\-=]|$)"""),
            Keywords = ["sl."],
            MinEntropy = 4.0,
        };
        yield return new SecretRule
        {
            Id = "secret/figma-token",
            Description = "Figma personal access token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>figd_[A-Za-z0-9_\-]{40})""" + TokenEnd),
            Keywords = ["figd_"],
        };
        yield return new SecretRule
        {
            Id = "secret/hugging-face-token",
            Description = "Hugging Face access token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>(?:hf_|api_org_)[A-Za-z]{34})\b"""),
            Keywords = ["hf_", "api_org_"],
            MinEntropy = 3.5,
        };
        yield return new SecretRule
        {
            Id = "secret/anthropic-api-key",
            Description = "Anthropic API key",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>sk-ant-(?:api|admin|sid)[0-9]{2}-[A-Za-z0-9_\-]{80,120})""" + TokenEnd),
            Keywords = ["sk-ant-"],
        };
        yield return new SecretRule
        {
            Id = "secret/openai-api-key",
            Description = "OpenAI-style API key",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{32,200})""" + TokenEnd),
            Keywords = ["sk-"],
            // Loose shape: long kebab-case identifiers starting "sk-" exist; keys are random.
            MinEntropy = 3.5,
        };
        yield return new SecretRule
        {
            Id = "secret/okta-api-token",
            Description = "Okta API token",
            Severity = Severity.High,
            Pattern = CreatePattern(
                """(?i:okta[A-Za-z0-9_.\-]{0,20}(?:token|key|secret))""" + Assign + OpenQuote
                + """(?<secret>00[A-Za-z0-9_\-]{40})""" + TokenEnd),
            Keywords = ["okta"],
            MinEntropy = 3.5,
        };
    }
}
