using static Amas.Orleans.Analysis.Tests.Security.FakeSecret;

namespace Amas.Orleans.Analysis.Tests.Security;

public static partial class SecretSamples
{
    private static readonly string JsonPemBody = string.Join("\\n", Enumerable.Range(0, 4).Select(i => Of(Base64, 64, 20 + i)));

    private static string ServiceAccountJson(string body) =>
        "{\"type\": \"service_account\", \"private_key\": \"-----BEGIN " + "PRIVATE KEY-----\\n" + body
        + "\\n-----END " + "PRIVATE KEY-----\\n\", \"client_email\": \"x@p.iam.gserviceaccount.com\"}";

    private static void Cloud(Sample sample)
    {
        sample("secret/aws-access-key-id", "export AWS_ACCESS_KEY_ID={0}", "AKIA" + Of(Base32, 16));
        sample("secret/aws-access-key-id", "role: {0}", "ASIA" + Of(Base32, 16, 3));
        sample("secret/aws-secret-access-key", "aws_secret_access_key = {0}", Of(Base64, 40));
        sample("secret/aws-secret-access-key", "\"AwsSecretKey\": \"{0}\",", Of(Base64, 40, 9));
        sample("secret/google-api-key", "maps?key={0}&v=3", "AIza" + Of(UrlSafe, 35));
        sample("secret/gcp-service-account-key", ServiceAccountJson("{0}"), JsonPemBody);
        sample("secret/gcp-oauth-client-secret", "client_secret: {0}", "GOCSPX-" + Of(UrlSafe, 28));
        sample("secret/azure-storage-account-key",
            "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={0};EndpointSuffix=core.windows.net",
            Of(Base64, 86) + "==");
        sample("secret/azure-ad-client-secret", "\"ClientSecret\": \"{0}\"", Alnum(3) + "8Q~" + Of(Alphanumeric + "_~.-", 34));
        sample("secret/digitalocean-token", "DO_TOKEN={0}", "dop_v1_" + Of(Hex, 64));
        sample("secret/heroku-api-key", "HEROKU_API_KEY={0}", Uuid(3));
        sample("secret/heroku-api-key", "auth {0}", "HRKU-AA" + Of(UrlSafe, 58));
        sample("secret/alibaba-access-key-id", "ALIBABA_ACCESS_KEY_ID={0}", "LTAI" + Alnum(20));
        sample("secret/alibaba-secret-key", "ALIYUN_ACCESS_KEY_SECRET={0}", Alnum(30, 4));
        sample("secret/ibm-cloud-api-key", "IBM_CLOUD_API_KEY={0}", Of(UrlSafe, 44));
        sample("secret/firebase-fcm-server-key", "serverKey: {0}", "AAAA" + Of(UrlSafe, 7) + ":" + Of(UrlSafe, 140, 3));
        sample("secret/cloudflare-api-token", "CLOUDFLARE_API_TOKEN={0}", Of(UrlSafe, 40, 5));
    }

    private static IEnumerable<(string Rule, string Text)> CloudMisses()
    {
        yield return ("secret/aws-access-key-id", "export AWS_ACCESS_KEY_ID=AKIB" + Of(Base32, 16));
        yield return ("secret/aws-access-key-id", "export AWS_ACCESS_KEY_ID=AKIA" + Of(Base32, 12));
        yield return ("secret/aws-access-key-id", "aws_access_key_id = AKIA" + "IOSFODNN7" + "EXAMPLE");
        yield return ("secret/aws-secret-access-key", "aws_secret_access_key = " + new string('A', 20) + new string('B', 20));
        yield return ("secret/aws-secret-access-key", "checksum = " + Of(Base64, 40));
        yield return ("secret/google-api-key", "maps?key=AIza" + Of(UrlSafe, 20) + "&v=3");
        yield return ("secret/google-api-key", "maps?key=AIzb" + Of(UrlSafe, 35) + "&v=3");
        yield return ("secret/gcp-service-account-key", ServiceAccountJson("..."));
        yield return ("secret/gcp-service-account-key", "{\"private_key_id\": \"" + Of(Hex, 40) + "\"}");
        yield return ("secret/gcp-oauth-client-secret", "client_secret: GOCSPX-" + Of(UrlSafe, 20));
        yield return ("secret/azure-storage-account-key", "AccountName=acct;AccountKey=" + Of(Base64, 44) + "==");
        yield return ("secret/azure-storage-account-key", "AccountName=acct;AccountKey=<your-account-key>");
        yield return ("secret/azure-ad-client-secret", "\"ClientSecret\": \"" + Alnum(3) + "8Qx" + Of(Alphanumeric, 34) + "\"");
        yield return ("secret/digitalocean-token", "DO_TOKEN=dop_v1_" + Of(Hex, 40));
        yield return ("secret/heroku-api-key", "heroku_app_id = " + Uuid(3));
        yield return ("secret/heroku-api-key", "build = " + Uuid(3));
        yield return ("secret/alibaba-access-key-id", "ALIBABA_ACCESS_KEY_ID=LTAI" + Alnum(12));
        yield return ("secret/alibaba-secret-key", "ALIYUN_ACCESS_KEY_SECRET=" + Alnum(20, 4));
        yield return ("secret/alibaba-secret-key", "validation_secret = " + Alnum(30, 4));
        yield return ("secret/ibm-cloud-api-key", "IBM_CLOUD_API_KEY=" + Of(UrlSafe, 30));
        yield return ("secret/firebase-fcm-server-key", "serverKey: AAAA" + Of(UrlSafe, 7) + ":" + Of(UrlSafe, 100, 3));
        yield return ("secret/cloudflare-api-token", "CLOUDFLARE_ZONE_ID=" + Of(UrlSafe, 40, 5));
    }
}
