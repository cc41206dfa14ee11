namespace Amas.Orleans.Analysis.Security;

/// <summary>
/// Values that stand in for a secret in samples, templates and configuration: reporting them would bury real leaks.
/// </summary>
public static class PlaceholderValues
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pass", "pwd", "secret", "token", "changeme", "none", "null", "nil", "undefined",
        "true", "false", "todo", "tbd", "empty", "default", "redacted", "hidden", "masked",
    };

    // Substrings long enough that a random token contains one only by astronomical chance.
    private static readonly string[] Markers =
    [
        "changeme", "change_me", "change-me", "example", "placeholder", "dummy", "sample", "replace_me", "replace-me",
        "redacted", "insert_", "insert-", "xxxxx", "***", "...", "${", "{{", "#{", "getenv", "environ", "env:", "env[",
        "env.", "process.env", "secretref:", "%s", "%(",
        // References into a secret store: Ansible Vault, AWS ARNs, Azure Key Vault app settings, 1Password, Vault.
        "!vault", "arn:aws:", "@microsoft.keyvault(", "op://", "vault:",
    ];

    public static bool IsPlaceholder(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || Words.Contains(trimmed))
        {
            return true;
        }

        // Template syntaxes: <your-key>, {password} (format strings, f-strings), $VARIABLE, %VARIABLE%, your_api_key.
        if ((trimmed[0] == '<' && trimmed[^1] == '>')
            || (trimmed[0] == '{' && trimmed[^1] == '}')
            || trimmed[0] == '$'
            || (trimmed.Length > 2 && trimmed[0] == '%' && trimmed[^1] == '%')
            || trimmed.StartsWith("your", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var marker in Markers)
        {
            if (trimmed.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
