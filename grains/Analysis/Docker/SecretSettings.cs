using System.Text.RegularExpressions;
using Amas.Orleans.Analysis.Security;

namespace Amas.Orleans.Analysis.Docker;

/// <summary>
/// Recognises a credential written into image or container configuration: a setting whose name says secret
/// (DB_PASSWORD, GITHUB_TOKEN, STRIPE_API_KEY) with a literal value rather than a reference or placeholder.
/// </summary>
public static partial class SecretSettings
{
    // Whole name segments only, so TOKENIZER_MODEL or SECRETARY_EMAIL are not taken for credentials.
    [GeneratedRegex(@"(^|[_.\-])(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|CREDENTIALS?|APIKEY|(API|ACCESS|PRIVATE|AUTH|SECRET)[_.\-]?KEY)([_.\-]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    // The conventional pointers to a secret rather than the secret: DB_PASSWORD_FILE=/run/secrets/db, TOKEN_URL=…
    [GeneratedRegex("_(FILE|PATH|DIR|URL|URI|ENDPOINT|NAME|ID|LENGTH|TTL|EXPIRY|EXPIRES|LIFETIME|HEADER|TYPE|ENABLED)$", RegexOptions.IgnoreCase)]
    private static partial Regex PointerSuffix();

    public static bool IsSecret(string name, string? value) =>
        value is { Length: > 0 }
        && SecretName().IsMatch(name)
        && !PointerSuffix().IsMatch(name)
        && !PlaceholderValues.IsPlaceholder(value);

    /// <summary><c>NAME=abcd****************</c>: at most four characters of the value survive.</summary>
    public static string Redacted(string name, string value) => $"{name}={SecretRedactor.Redact(value)}";
}
