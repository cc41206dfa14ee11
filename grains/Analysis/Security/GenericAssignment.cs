using System.Text.RegularExpressions;

namespace Amas.Orleans.Analysis.Security;

/// <summary>
/// What the generic assignment rule must not take for a secret. Manifests and lock files map package names to
/// versions, and a package name may end in "Token" or "Secrets" (<c>"Microsoft.AspNetCore.Authentication.BearerToken":
/// "(,10.0.15]"</c>); neither the name nor the version range is a credential.
/// </summary>
internal static class GenericAssignment
{
    // A version, or a NuGet/Maven interval, or an npm/PEP 440 constraint: "1.2.3", "[1.0,2.0)", "(,10.0.15]", "^4.17.21",
    // ">=2.0", "1.x", "5.0.0-preview.3+build.7".
    private static readonly Regex VersionOrRange = new(
        """^[\[(]?[v=^~<>!]{0,3}(?:[0-9]+(?:\.[0-9A-Za-z*+\-]+)*)?(?:,[v=^~<>!]{0,3}(?:[0-9]+(?:\.[0-9A-Za-z*+\-]+)*)?)?[\])]?$""",
        SecretRule.PatternOptions);

    // Documentation names its sample values after what they stand for: "myregistrytoken", "i-am-a-secret".
    private static readonly string[] DescriptiveWords = ["password", "passwd", "secret", "token", "apikey", "api_key", "api-key"];

    public static bool IsSecretValue(string value) =>
        !(VersionOrRange.IsMatch(value) && value.Any(char.IsAsciiDigit)) && !IsDescriptiveName(value);

    /// <summary>
    /// Letters and separators only, containing the very word the key is named for: a name for a secret, not one.
    /// A password with a digit or symbol in it ("Secret123!") is still reported.
    /// </summary>
    private static bool IsDescriptiveName(string value) =>
        value.All(c => char.IsAsciiLetter(c) || c is '-' or '_' or '.')
        && DescriptiveWords.Any(word => value.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// False for a dotted PascalCase namespace or package id of three or more segments: configuration keys are
    /// lower-case or flat (spring.datasource.password, DB_PASSWORD), .NET namespaces are not. The first segment is
    /// not judged because the pattern may have cut into it.
    /// </summary>
    public static bool IsCredentialName(string key)
    {
        var segments = key.Trim('"', '\'', '`').Split('.');
        if (segments.Length < 3)
        {
            return true;
        }

        return !segments.Skip(1).All(s => s.Length > 1 && char.IsAsciiLetterUpper(s[0]) && s.Any(char.IsAsciiLetterLower));
    }
}
