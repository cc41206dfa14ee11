using Amas.Orleans.Findings;
using static Amas.Orleans.Analysis.Security.SecretPatterns;
using static Amas.Orleans.Analysis.Security.SecretRule;

namespace Amas.Orleans.Analysis.Security;

/// <summary>Chat, e-mail and SMS platforms: tokens that post as the bot or the company.</summary>
internal static class MessagingSecretRules
{
    public static IEnumerable<SecretRule> Create()
    {
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
            Id = "secret/slack-app-token",
            Description = "Slack app-level token",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>xapp-[0-9]{1,2}-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-f0-9]{64})\b"""),
            Keywords = ["xapp-"],
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
            Id = "secret/teams-webhook",
            Description = "Microsoft Teams incoming webhook URL",
            Severity = Severity.Medium,
            Pattern = CreatePattern(
                """\.webhook\.office\.com/webhookb2/(?<secret>[a-f0-9\-]{36}@[a-f0-9\-]{36}/IncomingWebhook/[a-f0-9]{32}/[a-f0-9\-]{36})"""),
            Keywords = ["webhook.office.com"],
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
            Id = "secret/mailchimp-api-key",
            Description = "Mailchimp API key",
            Severity = Severity.High,
            // The "-usN" suffix names the data centre; a bare 32-digit hex run would be any checksum.
            Pattern = CreatePattern("""\b(?<secret>[0-9a-f]{32}-us[0-9]{1,2})\b"""),
            Keywords = ["-us"],
            MinEntropy = 3.0,
        };
        yield return new SecretRule
        {
            Id = "secret/mailgun-api-key",
            Description = "Mailgun API key",
            Severity = Severity.High,
            Pattern = CreatePattern("""\b(?<secret>key-[0-9a-f]{32})\b"""),
            Keywords = ["key-"],
            MinEntropy = 3.0,
        };
    }
}
