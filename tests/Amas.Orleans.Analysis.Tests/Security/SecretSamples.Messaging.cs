using static Amas.Orleans.Analysis.Tests.Security.FakeSecret;

namespace Amas.Orleans.Analysis.Tests.Security;

public static partial class SecretSamples
{
    private static readonly string TeamsPath =
        Uuid(1) + "@" + Uuid(2) + "/IncomingWebhook/" + Of(Hex, 32) + "/" + Uuid(3);

    private static void Messaging(Sample sample)
    {
        sample("secret/slack-token", "slack({0})", "xoxb-" + Of(Digits, 12) + "-" + Of(Digits, 12, 2) + "-" + Alnum(24));
        sample("secret/slack-app-token", "SLACK_APP={0}", "xapp-1-" + Of(Upper + Digits, 11) + "-" + Of(Digits, 13) + "-" + Of(Hex, 64));
        sample("secret/slack-webhook", "url = https://hooks.slack.com/services/{0}",
            "T" + Of(Upper + Digits, 10) + "/B" + Of(Upper + Digits, 10, 2) + "/" + Alnum(24));
        sample("secret/teams-webhook", "url: https://contoso.webhook.office.com/webhookb2/{0}", TeamsPath);
        sample("secret/discord-bot-token", "client.run('{0}')  # discord bot",
            "M" + Of(UrlSafe, 23) + "." + Of(UrlSafe, 6, 2) + "." + Of(UrlSafe, 27, 3));
        sample("secret/telegram-bot-token", "bot = Bot(\"{0}\")", Of(Digits, 10) + ":AA" + Of(UrlSafe, 33));
        sample("secret/sendgrid-api-key", "SENDGRID={0}", "SG." + Of(UrlSafe, 22) + "." + Of(UrlSafe, 43, 3));
        sample("secret/twilio-api-key", "twilio {0}", "SK" + Of(Hex, 32));
        sample("secret/mailchimp-api-key", "MAILCHIMP={0}", Of(Hex, 32) + "-us6");
        sample("secret/mailgun-api-key", "MAILGUN={0}", "key-" + Of(Hex, 32));
    }

    private static IEnumerable<(string Rule, string Text)> MessagingMisses()
    {
        yield return ("secret/slack-token", "slack(xoxz-" + Of(Digits, 12) + "-" + Of(Digits, 12, 2) + "-" + Alnum(24) + ")");
        yield return ("secret/slack-token", "slack(xoxb-" + Of(Digits, 12) + "-" + Alnum(8) + ")");
        yield return ("secret/slack-app-token", "SLACK_APP=xapp-1-" + Of(Upper + Digits, 11) + "-" + Of(Digits, 13) + "-" + Of(Hex, 30));
        yield return ("secret/slack-webhook", "url = https://hooks.slack.com/services/T" + Of(Upper + Digits, 10) + "/B" + Of(Upper + Digits, 10, 2) + "/" + Alnum(12));
        yield return ("secret/teams-webhook", "url: https://contoso.webhook.office.com/webhookb2/" + Uuid(1));
        yield return ("secret/discord-bot-token", "client.run('M" + Of(UrlSafe, 23) + "." + Of(UrlSafe, 6, 2) + "." + Of(UrlSafe, 27, 3) + "')");
        yield return ("secret/discord-bot-token", "discord('M" + Of(UrlSafe, 23) + "." + Of(UrlSafe, 5, 2) + "." + Of(UrlSafe, 27, 3) + "')");
        yield return ("secret/telegram-bot-token", "bot = Bot(\"" + Of(Digits, 10) + ":AB" + Of(UrlSafe, 33) + "\")");
        yield return ("secret/sendgrid-api-key", "SENDGRID=SG." + Of(UrlSafe, 10) + "." + Of(UrlSafe, 43, 3));
        yield return ("secret/twilio-api-key", "twilio SK" + Of(Hex, 31));
        yield return ("secret/twilio-api-key", "twilio SK" + new string('0', 32));
        yield return ("secret/mailchimp-api-key", "MAILCHIMP=" + Of(Hex, 32) + "-uk6");
        yield return ("secret/mailgun-api-key", "MAILGUN=key-" + Of(Hex, 20));
    }
}
