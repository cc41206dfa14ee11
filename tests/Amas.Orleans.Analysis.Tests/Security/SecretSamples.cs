using static Amas.Orleans.Analysis.Tests.Security.FakeSecret;

namespace Amas.Orleans.Analysis.Tests.Security;

/// <summary>For each default rule: texts it must flag (with the secret inside) and near misses it must not.</summary>
public static class SecretSamples
{
    private static readonly string PemBodyText = PemBody();

    public static TheoryData<string, string, string> Flagged
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            void Sample(string rule, string template, string secret) =>
                data.Add(rule, template.Replace("{0}", secret, StringComparison.Ordinal), secret);

            Sample("secret/aws-access-key-id", "export AWS_ACCESS_KEY_ID={0}", "AKIA" + Of(Base32, 16));
            Sample("secret/aws-access-key-id", "role: {0}", "ASIA" + Of(Base32, 16, 3));
            Sample("secret/aws-secret-access-key", "aws_secret_access_key = {0}", Of(Base64, 40));
            Sample("secret/aws-secret-access-key", "\"AwsSecretKey\": \"{0}\",", Of(Base64, 40, 9));
            Sample("secret/github-token", "git clone https://{0}@github.com/o/r", "ghp_" + Alnum(36));
            Sample("secret/github-token", "GH={0}", "gho_" + Alnum(36, 2));
            Sample("secret/github-token", "uses token {0} here", "ghs_" + Alnum(36, 4));
            Sample("secret/github-fine-grained-pat", "pat: {0}", "github_pat_" + Alnum(22) + "_" + Alnum(59, 3));
            Sample("secret/gitlab-pat", "CI_TOKEN {0}", "glpat-" + Of(UrlSafe, 20));
            Sample("secret/private-key", FakeSecret.PemBlock("RSA ", PemBodyText), PemBodyText.Split('\n')[0]);
            Sample("secret/private-key", FakeSecret.PemBlock("OPENSSH ", PemBodyText), PemBodyText.Split('\n')[1]);
            Sample("secret/private-key", FakeSecret.PemBlock("", PemBodyText), PemBodyText.Split('\n')[2]);
            Sample("secret/slack-token", "slack({0})", "xoxb-" + Of(Digits, 12) + "-" + Of(Digits, 12, 2) + "-" + Alnum(24));
            Sample("secret/slack-webhook", "url = https://hooks.slack.com/services/{0}",
                "T" + Of(Upper + Digits, 10) + "/B" + Of(Upper + Digits, 10, 2) + "/" + Alnum(24));
            Sample("secret/stripe-live-key", "Stripe.ApiKey = {0};", "sk_" + "live_" + Alnum(24));
            Sample("secret/stripe-live-key", "key {0}", "rk_" + "live_" + Alnum(32, 5));
            Sample("secret/google-api-key", "maps?key={0}&v=3", "AIza" + Of(UrlSafe, 35));
            Sample("secret/jwt", "Authorization: Bearer {0}", Jwt("""{"alg":"HS256","typ":"JWT"}"""));
            Sample("secret/npm-token", "//registry.npmjs.org/:_authToken={0}", "npm_" + Alnum(36));
            Sample("secret/pypi-token", "password: {0}", "pypi-" + "AgEIcHlwaS5vcmc" + Of(UrlSafe, 70));
            Sample("secret/sendgrid-api-key", "SENDGRID={0}", "SG." + Of(UrlSafe, 22) + "." + Of(UrlSafe, 43, 3));
            Sample("secret/twilio-api-key", "twilio {0}", "SK" + Of(Hex, 32));
            Sample("secret/openai-api-key", "client = OpenAI({0})", "sk-" + "proj-" + Of(UrlSafe, 48));
            Sample("secret/openai-api-key", "key {0}", "sk-" + Alnum(48, 4));
            Sample("secret/azure-storage-account-key",
                "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={0};EndpointSuffix=core.windows.net",
                Of(Base64, 86) + "==");
            Sample("secret/database-url-password", "DATABASE_URL=postgres://app:{0}@db.internal:5432/app", Alnum(16));
            Sample("secret/database-url-password", "mongodb+srv://admin:{0}@cluster0.mongodb.net/db", Alnum(12, 3));
            Sample("secret/database-url-password", "mysql://root:{0}@localhost/shop", Alnum(10, 4));
            Sample("secret/database-url-password", "REDIS=redis://:{0}@cache:6379/0", Alnum(20, 5));
            Sample("secret/discord-bot-token", "client.run('{0}')  # discord bot",
                "M" + Of(UrlSafe, 23) + "." + Of(UrlSafe, 6, 2) + "." + Of(UrlSafe, 27, 3));
            Sample("secret/telegram-bot-token", "bot = Bot(\"{0}\")", Of(Digits, 10) + ":AA" + Of(UrlSafe, 33));
            Sample("secret/generic-assignment", "db_password = \"{0}\"", Alnum(16));
            Sample("secret/generic-assignment", "\"client_secret\": \"{0}\",", Alnum(24, 2));
            Sample("secret/generic-assignment", "apiKey: '{0}'", Alnum(20, 3));
            Sample("secret/generic-assignment", "'auth_token' => \"{0}\",", Alnum(32, 4));
            return data;
        }
    }

    public static TheoryData<string, string> NearMisses => new()
    {
        { "secret/aws-access-key-id", "export AWS_ACCESS_KEY_ID=AKIB" + Of(Base32, 16) },
        { "secret/aws-access-key-id", "export AWS_ACCESS_KEY_ID=AKIA" + Of(Base32, 12) },
        { "secret/aws-access-key-id", "aws_access_key_id = AKIA" + "IOSFODNN7" + "EXAMPLE" },
        { "secret/aws-secret-access-key", "aws_secret_access_key = " + new string('A', 20) + new string('B', 20) },
        { "secret/aws-secret-access-key", "checksum = " + Of(Base64, 40) },
        { "secret/github-token", "token ghx_" + Alnum(36) },
        { "secret/github-token", "token ghp_" + Alnum(30) },
        { "secret/github-token", "token ghp_" + new string('x', 36) },
        { "secret/github-fine-grained-pat", "pat: github_pat_" + Alnum(22) + "_" + Alnum(30, 3) },
        { "secret/gitlab-pat", "CI_TOKEN glpat-" + Of(UrlSafe, 12) },
        { "secret/private-key", FakeSecret.PemBlock("RSA ", "...") },
        { "secret/private-key", FakeSecret.PemBlock("RSA ", PemBody()).Replace("PRIVATE", "PUBLIC", StringComparison.Ordinal) },
        { "secret/slack-token", "slack(xoxz-" + Of(Digits, 12) + "-" + Of(Digits, 12, 2) + "-" + Alnum(24) + ")" },
        { "secret/slack-token", "slack(xoxb-" + Of(Digits, 12) + "-" + Alnum(8) + ")" },
        { "secret/slack-webhook", "url = https://hooks.slack.com/services/T" + Of(Upper + Digits, 10) + "/B" + Of(Upper + Digits, 10, 2) + "/" + Alnum(12) },
        { "secret/stripe-live-key", "Stripe.ApiKey = sk_" + "test_" + Alnum(24) + ";" },
        { "secret/google-api-key", "maps?key=AIza" + Of(UrlSafe, 20) + "&v=3" },
        { "secret/google-api-key", "maps?key=AIzb" + Of(UrlSafe, 35) + "&v=3" },
        { "secret/jwt", "Authorization: Bearer " + Jwt("""{"typ":"JWT","kid":"key-1"}""") },
        { "secret/npm-token", "_authToken=npm_" + Alnum(20) },
        { "secret/pypi-token", "password: pypi-" + "AgEIcHlwaS5vcmc" + Of(UrlSafe, 20) },
        { "secret/sendgrid-api-key", "SENDGRID=SG." + Of(UrlSafe, 10) + "." + Of(UrlSafe, 43, 3) },
        { "secret/twilio-api-key", "twilio SK" + Of(Hex, 31) },
        { "secret/twilio-api-key", "twilio SK" + new string('0', 32) },
        { "secret/openai-api-key", "key sk-" + Alnum(20) },
        { "secret/openai-api-key", "class sk-" + string.Concat(Enumerable.Repeat("ab-", 12)) },
        { "secret/azure-storage-account-key", "AccountName=acct;AccountKey=" + Of(Base64, 44) + "==" },
        { "secret/azure-storage-account-key", "AccountName=acct;AccountKey=<your-account-key>" },
        { "secret/database-url-password", "DATABASE_URL=postgres://app:changeme@db:5432/app" },
        { "secret/database-url-password", "DATABASE_URL=postgres://app@db:5432/app" },
        { "secret/database-url-password", "DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app" },
        { "secret/database-url-password", "url = f\"postgresql://{user}:{password}@{host}/app\"" },
        { "secret/database-url-password", "see http://user:" + Alnum(16) + "@example.org" },
        { "secret/discord-bot-token", "client.run('M" + Of(UrlSafe, 23) + "." + Of(UrlSafe, 6, 2) + "." + Of(UrlSafe, 27, 3) + "')" },
        { "secret/discord-bot-token", "discord('M" + Of(UrlSafe, 23) + "." + Of(UrlSafe, 5, 2) + "." + Of(UrlSafe, 27, 3) + "')" },
        { "secret/telegram-bot-token", "bot = Bot(\"" + Of(Digits, 10) + ":AB" + Of(UrlSafe, 33) + "\")" },
        { "secret/generic-assignment", "password = \"changeme\"" },
        { "secret/generic-assignment", "password = \"${DB_PASSWORD}\"" },
        { "secret/generic-assignment", "password = \"aaaabbbbaaaabbbb\"" },
        { "secret/generic-assignment", "password = os.environ[\"DB_PASSWORD\"]" },
        { "secret/generic-assignment", "api_key: \"<your-api-key>\"" },
        { "secret/generic-assignment", "token: \"{{ secrets.DEPLOY_TOKEN }}\"" },
        { "secret/generic-assignment", "password = \"your-password-here\"" },
        { "secret/generic-assignment", "passwordHint = \"" + Alnum(16) + "\"" },
    };
}
