using static Amas.Orleans.Analysis.Tests.Security.FakeSecret;

namespace Amas.Orleans.Analysis.Tests.Security;

public static partial class SecretSamples
{
    private const string Bech32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

    private static readonly string PemBodyText = PemBody();

    private static void KeyAndUrl(Sample sample)
    {
        sample("secret/private-key", PemBlock("RSA ", PemBodyText), PemBodyText.Split('\n')[0]);
        sample("secret/private-key", PemBlock("OPENSSH ", PemBodyText), PemBodyText.Split('\n')[1]);
        sample("secret/private-key", PemBlock("", PemBodyText), PemBodyText.Split('\n')[2]);
        sample("secret/age-secret-key", "# created: 2024\n{0}", "AGE-SECRET-" + "KEY-1" + Of(Bech32, 58));
        sample("secret/jwt", "Authorization: Bearer {0}", Jwt("""{"alg":"HS256","typ":"JWT"}"""));
        sample("secret/database-url-password", "DATABASE_URL=postgres://app:{0}@db.internal:5432/app", Alnum(16));
        sample("secret/database-url-password", "mongodb+srv://admin:{0}@cluster0.mongodb.net/db", Alnum(12, 3));
        sample("secret/database-url-password", "mysql://root:{0}@localhost/shop", Alnum(10, 4));
        sample("secret/database-url-password", "REDIS=redis://:{0}@cache:6379/0", Alnum(20, 5));
        sample("secret/jdbc-url-password", "url=jdbc:postgresql://db:5432/app?user=app&password={0}", Alnum(16));
        sample("secret/jdbc-url-password", "jdbc:sqlserver://db:1433;databaseName=app;user=sa;password={0};", Alnum(14, 2));
        sample("secret/jdbc-url-password", "jdbc:oracle:thin:scott/{0}@db:1521:orcl", Alnum(12, 3));
        sample("secret/url-basic-auth", "git clone https://deploy:{0}@git.example.com/repo.git", Alnum(16));
        sample("secret/url-basic-auth", "BACKUP=ftp://backup:{0}@files.internal/", Alnum(12, 3));
        sample("secret/generic-assignment", "db_password = \"{0}\"", Alnum(16));
        sample("secret/generic-assignment", "\"client_secret\": \"{0}\",", Alnum(24, 2));
        sample("secret/generic-assignment", "apiKey: '{0}'", Alnum(20, 3));
        sample("secret/generic-assignment", "'auth_token' => \"{0}\",", Alnum(32, 4));
        sample("secret/generic-assignment", "spring.datasource.password=\"{0}\"", Alnum(18, 5));
        sample("secret/generic-assignment", "password: '{0}'", "Secret" + Of(Digits, 4) + "!" + Alnum(4));
    }

    private static IEnumerable<(string Rule, string Text)> KeyAndUrlMisses()
    {
        yield return ("secret/private-key", PemBlock("RSA ", "..."));
        yield return ("secret/private-key", PemBlock("RSA ", PemBody()).Replace("PRIVATE", "PUBLIC", StringComparison.Ordinal));
        yield return ("secret/age-secret-key", "AGE-SECRET-" + "KEY-1" + Of(Bech32, 30));
        yield return ("secret/age-secret-key", "recipient: age1" + Of(Bech32, 58).ToLowerInvariant());
        yield return ("secret/jwt", "Authorization: Bearer " + Jwt("""{"typ":"JWT","kid":"key-1"}"""));
        yield return ("secret/database-url-password", "DATABASE_URL=postgres://app:changeme@db:5432/app");
        yield return ("secret/database-url-password", "DATABASE_URL=postgres://app@db:5432/app");
        yield return ("secret/database-url-password", "DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app");
        yield return ("secret/database-url-password", "url = f\"postgresql://{user}:{password}@{host}/app\"");
        yield return ("secret/database-url-password", "see http://user:" + Alnum(16) + "@example.org");
        yield return ("secret/jdbc-url-password", "url=jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}");
        yield return ("secret/jdbc-url-password", "url=jdbc:postgresql://db:5432/app?user=app");
        yield return ("secret/url-basic-auth", "git clone https://user:password@git.example.com/repo.git");
        yield return ("secret/url-basic-auth", "open http://admin:admin@localhost:8080/");
        yield return ("secret/url-basic-auth", "git clone https://x-access-token:${GITHUB_TOKEN}@github.com/o/r.git");
        yield return ("secret/url-basic-auth", "image: registry.example.com:5000/team/app@sha256:" + Of(Hex, 64));
        yield return ("secret/generic-assignment", "password = \"changeme\"");
        yield return ("secret/generic-assignment", "password = \"${DB_PASSWORD}\"");
        yield return ("secret/generic-assignment", "password = \"aaaabbbbaaaabbbb\"");
        yield return ("secret/generic-assignment", "password = os.environ[\"DB_PASSWORD\"]");
        yield return ("secret/generic-assignment", "api_key: \"<your-api-key>\"");
        yield return ("secret/generic-assignment", "token: \"{{ secrets.DEPLOY_TOKEN }}\"");
        yield return ("secret/generic-assignment", "password = \"your-password-here\"");
        yield return ("secret/generic-assignment", "passwordHint = \"" + Alnum(16) + "\"");
        // Package manifests and lock files: package ids ending in a credential word, mapped to versions or ranges.
        yield return ("secret/generic-assignment", "\"Microsoft.AspNetCore.Authentication.BearerToken\": \"(,10.0.15]\",");
        yield return ("secret/generic-assignment", "\"Microsoft.IdentityModel.Tokens\": \"[8.0.1,9.0.0)\",");
        yield return ("secret/generic-assignment", "\"Microsoft.AspNetCore.Authentication.BearerToken\": \"Information\",");
        yield return ("secret/generic-assignment", "\"resolved-token\": \"10.0.15-preview.3.24172.9\"");
        yield return ("secret/generic-assignment", "\"jsonwebtoken\": \"^9.0.2\",");
        yield return ("secret/generic-assignment", "csrf-token: \">=2.1.0\"");
        // Documentation's sample values name what they stand for.
        yield return ("secret/generic-assignment", "await team.create('@npm:cli', {token: 'myregistrytoken'})");
        yield return ("secret/generic-assignment", "headers: { 'X-TOKEN-SECRET': 'SuperSecretToken' }");
        // References to a secret store are not the secret.
        yield return ("secret/generic-assignment", "\"token\": \"${{ secrets.DEPLOY_TOKEN }}\"");
        yield return ("secret/generic-assignment", "password: !vault |");
        yield return ("secret/generic-assignment", "db_password: \"!vault|" + Alnum(24) + "\"");
        yield return ("secret/generic-assignment", "secret: \"arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db\"");
        yield return ("secret/generic-assignment", "\"DbPassword\": \"@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/db)\"");
        yield return ("secret/generic-assignment", "DB_PASSWORD: \"op://Production/db/password\"");
    }
}
