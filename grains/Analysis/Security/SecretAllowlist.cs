using System.Text.RegularExpressions;
using Amas.Orleans.Repositories;

namespace Amas.Orleans.Analysis.Security;

/// <summary>
/// What a scan may pass over: files by path glob, secrets by regular expression, and secrets containing a stopword
/// (case-insensitive). Used globally and per rule. What an allowlist passes over is not reported at all; the inline
/// <c>amas:ignore</c> marker and the suppression file instead report the finding suppressed, with a reason.
/// </summary>
public sealed class SecretAllowlist
{
    public static SecretAllowlist Empty { get; } = new();

    public IReadOnlyList<PathGlob> Paths { get; init; } = [];

    /// <summary>Patterns on the secret itself, compiled with <see cref="SecretRule.PatternOptions"/>.</summary>
    public IReadOnlyList<Regex> Secrets { get; init; } = [];

    public IReadOnlyList<string> Stopwords { get; init; } = [];

    public bool IsEmpty => Paths.Count == 0 && Secrets.Count == 0 && Stopwords.Count == 0;

    public bool AllowsPath(string path)
    {
        foreach (var glob in Paths)
        {
            if (glob.Matches(path))
            {
                return true;
            }
        }

        return false;
    }

    public bool AllowsSecret(string secret)
    {
        foreach (var stopword in Stopwords)
        {
            if (secret.Contains(stopword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var regex in Secrets)
        {
            if (regex.IsMatch(secret))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Both lists in one: an entry in either allows.</summary>
    public SecretAllowlist Merge(SecretAllowlist other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.IsEmpty)
        {
            return this;
        }

        return IsEmpty ? other : new SecretAllowlist
        {
            Paths = [.. Paths, .. other.Paths],
            Secrets = [.. Secrets, .. other.Secrets],
            Stopwords = [.. Stopwords, .. other.Stopwords],
        };
    }
}
