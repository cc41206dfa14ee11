using Amas.Orleans.Findings;
using static Amas.Orleans.Analysis.Security.SecretRule;

namespace Amas.Orleans.Analysis.Security;

/// <summary>
/// The built-in rules. Patterns avoid lookarounds (NonBacktracking has none), so a right-hand boundary is written
/// as a consumed "not a token character or end of line" outside the secret group.
/// </summary>
internal static class DefaultSecretRules
{
    private const string TokenEnd = """(?:[^A-Za-z0-9_\-]|$)""";

    // `=`, `:`, `=>` and `:=` cover shell, YAML, JSON, PHP/Ruby hashes and Go; an optional closing quote after the
    // key covers JSON and dictionary literals.
    private const string Assign = """["']?[ \t]*(?:=|:|=>|:=)[ \t]*""";

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
            Id = "secret/github-token",
            Description = "GitHub token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>gh[pousr]_[A-Za-z0-9]{36})\b"""),
            Keywords = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
        };
        yield return new SecretRule
        {
            Id = "secret/github-fine-grained-pat",
            Description = "GitHub fine-grained personal access token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b"""),
            Keywords = ["github_pat_"],
        };
        yield return new SecretRule
        {
            Id = "secret/gitlab-pat",
            Description = "GitLab personal access token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>glpat-[A-Za-z0-9_\-]{20,64})""" + TokenEnd),
            Keywords = ["glpat-"],
        };
        yield return new SecretRule
        {
            Id = "secret/private-key",
            Description = "private key",
            Severity = Severity.Critical,
            // The body must be long enough to be a key, which leaves out documentation that elides it ("...").
            Pattern = CreatePattern(
                """-----BEGIN[ A-Z0-9]{0,24}PRIVATE KEY(?: BLOCK)?-----(?<secret>[A-Za-z0-9+/=:,.\s\-]{64,}?)-----END"""),
            Keywords = ["PRIVATE KEY"],
            RejectsPlaceholders = false,
        };
        yield return new SecretRule
        {
            Id = "secret/slack-token",
            Description = "Slack token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>xox[baprs]-[0-9]{8,13}-[A-Za-z0-9\-]{16,})"""),
            Keywords = ["xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-"],
        };
        yield return new SecretRule
        {
            Id = "secret/slack-webhook",
            Description = "Slack incoming webhook URL",
            Severity = Severity.Medium,
            Pattern = CreatePattern(
                """hooks\.slack\.com/(?:services|workflows)/(?<secret>T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24})\b"""),
            Keywords = ["hooks.slack.com"],
        };
        yield return new SecretRule
        {
            Id = "secret/stripe-live-key",
            Description = "Stripe live secret key",
            Severity = Severity.Critical,
            Pattern = CreatePattern("""\b(?<secret>(?:sk|rk)_live_[A-Za-z0-9]{24,99})\b"""),
            Keywords = ["sk_live_", "rk_live_"],
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
            Id = "secret/jwt",
            Description = "JSON Web Token",
            Severity = Severity.Medium,
            Pattern = CreatePattern(
                """\b(?<secret>eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,})""" + TokenEnd),
            Keywords = ["eyJ"],
            Validate = JwtHeader.DeclaresAlgorithm,
        };
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
            Id = "secret/sendgrid-api-key",
            Description = "SendGrid API key",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})""" + TokenEnd),
            Keywords = ["SG."],
        };
        yield return new SecretRule
        {
            Id = "secret/twilio-api-key",
            Description = "Twilio API key",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>SK[0-9a-fA-F]{32})\b"""),
            Keywords = ["SK"],
            MinEntropy = 3.0,
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
            Id = "secret/azure-storage-account-key",
            Description = "Azure storage account key",
            Severity = Severity.Critical,
            Pattern = CreatePattern("""(?i:AccountKey)[ \t]*=[ \t]*(?<secret>[A-Za-z0-9+/]{86}==)"""),
            Keywords = ["AccountKey"],
        };
        yield return new SecretRule
        {
            Id = "secret/database-url-password",
            Description = "database URL with an embedded password",
            Severity = Severity.High,
            Pattern = CreatePattern(
                """(?i:\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver)://)"""
                + """[^:/@\s"'<>]{0,64}:(?<secret>[^@/\s"'<>]{3,128})@[A-Za-z0-9_.\-\[\]]+"""),
            Keywords = ["postgres", "mysql", "mariadb", "mongodb", "redis", "amqp", "mssql", "sqlserver"],
        };
        yield return new SecretRule
        {
            Id = "secret/discord-bot-token",
            Description = "Discord bot token",
            Severity = Severity.High,
            // The shape alone (base64 user id, timestamp, HMAC) is too common, so the file must mention Discord.
            Pattern = CreatePattern(
                """\b(?<secret>[MNO][A-Za-z0-9_\-]{23,27}\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,40})""" + TokenEnd),
            Keywords = ["discord"],
            MinEntropy = 3.5,
        };
        yield return new SecretRule
        {
            Id = "secret/telegram-bot-token",
            Description = "Telegram bot token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>[0-9]{8,10}:AA[A-Za-z0-9_\-]{33})""" + TokenEnd),
            Keywords = [":AA"],
        };
        yield return new SecretRule
        {
            Id = "secret/generic-assignment",
            Description = "hard-coded secret assigned to a credential-named variable",
            Severity = Severity.Medium,
            Pattern = CreatePattern(
                """(?i:[A-Za-z0-9_.\-]{0,40}(?:password|passwd|pwd|secret|token|api[_\-]?key|access[_\-]?key)(?:[_\-]?key)?)"""
                + Assign + """["'`](?<secret>[^"'`\s]{8,200})["'`]"""),
            Keywords = ["password", "passwd", "pwd", "secret", "token", "api_key", "apikey", "api-key", "access_key",
                "accesskey", "access-key"],
            MinEntropy = 3.0,
            IsGeneric = true,
        };
    }
}
