using static Amas.Orleans.Analysis.Tests.Security.FakeSecret;

namespace Amas.Orleans.Analysis.Tests.Security;

public static partial class SecretSamples
{
    private static void Service(Sample sample)
    {
        sample("secret/atlassian-api-token", "JIRA={0}", "ATATT3" + Of(UrlSafe, 186));
        sample("secret/atlassian-api-token", "JIRA_API_TOKEN={0}", Alnum(24, 3));
        sample("secret/linear-api-key", "LINEAR={0}", "lin_api_" + Alnum(40));
        sample("secret/notion-token", "NOTION={0}", "ntn_" + Of(Digits, 11) + Alnum(35));
        sample("secret/postman-api-key", "POSTMAN={0}", "PMAK-" + Of(Hex, 24) + "-" + Of(Hex, 34, 3));
        sample("secret/sentry-dsn-secret", "dsn: https://" + Of(Hex, 32, 41) + ":{0}@o123.ingest.sentry.io/456", Of(Hex, 32, 3));
        sample("secret/sentry-auth-token", "SENTRY_AUTH_TOKEN={0}", "sntryu_" + Of(Hex, 64));
        sample("secret/datadog-api-key", "DD_API_KEY={0}", Of(Hex, 32));
        sample("secret/new-relic-key", "NEW_RELIC={0}", "NRAK-" + Of(Upper + Digits, 27));
        sample("secret/grafana-token", "GRAFANA={0}", "glsa_" + Alnum(32) + "_" + Of(Hex, 8));
        sample("secret/grafana-token", "GRAFANA_CLOUD={0}", "glc_" + Of(Base64, 60));
        sample("secret/dropbox-token", "DROPBOX={0}", "sl." + Of(UrlSafe, 140));
        sample("secret/figma-token", "FIGMA={0}", "figd_" + Of(UrlSafe, 40));
        sample("secret/hugging-face-token", "HF_TOKEN={0}", "hf_" + Of(Upper + Lower, 34));
        sample("secret/anthropic-api-key", "ANTHROPIC={0}", "sk-" + "ant-api03-" + Of(UrlSafe, 93));
        sample("secret/openai-api-key", "client = OpenAI({0})", "sk-" + "proj-" + Of(UrlSafe, 48));
        sample("secret/openai-api-key", "key {0}", "sk-" + Alnum(48, 4));
        sample("secret/okta-api-token", "OKTA_API_TOKEN={0}", "00" + Of(UrlSafe, 40));
    }

    private static IEnumerable<(string Rule, string Text)> ServiceMisses()
    {
        yield return ("secret/atlassian-api-token", "JIRA=ATATT3" + Of(UrlSafe, 50));
        yield return ("secret/atlassian-api-token", "JIRA_API_TOKEN=" + Alnum(12, 3));
        yield return ("secret/linear-api-key", "LINEAR=lin_api_" + Alnum(20));
        yield return ("secret/notion-token", "NOTION=ntn_" + Alnum(20));
        yield return ("secret/postman-api-key", "POSTMAN=PMAK-" + Of(Hex, 24));
        yield return ("secret/sentry-dsn-secret", "dsn: https://" + Of(Hex, 32) + "@o123.ingest.sentry.io/456");
        yield return ("secret/sentry-auth-token", "SENTRY_AUTH_TOKEN=sntryu_" + Of(Hex, 30));
        yield return ("secret/datadog-api-key", "DD_API_KEY=" + Of(Hex, 20));
        yield return ("secret/datadog-api-key", "DD_TRACE_ID=" + Of(Hex, 32));
        yield return ("secret/new-relic-key", "NEW_RELIC=NRAK-" + Of(Upper + Digits, 10));
        yield return ("secret/grafana-token", "GRAFANA=glsa_" + Alnum(10));
        yield return ("secret/dropbox-token", "DROPBOX=sl." + Of(UrlSafe, 40));
        yield return ("secret/figma-token", "FIGMA=figd_" + Of(UrlSafe, 20));
        yield return ("secret/hugging-face-token", "HF_TOKEN=hf_" + Of(Upper + Lower, 20));
        yield return ("secret/anthropic-api-key", "ANTHROPIC=sk-" + "ant-api03-" + Of(UrlSafe, 20));
        yield return ("secret/openai-api-key", "key sk-" + Alnum(20));
        yield return ("secret/openai-api-key", "class sk-" + string.Concat(Enumerable.Repeat("ab-", 12)));
        yield return ("secret/okta-api-token", "OKTA_API_TOKEN=00" + Of(UrlSafe, 20));
    }
}
