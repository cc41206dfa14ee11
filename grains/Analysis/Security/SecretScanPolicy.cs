namespace Amas.Orleans.Analysis.Security;

/// <summary>
/// How a scan is tuned beyond the rules themselves: a global allowlist, allowlists per rule id and rules switched
/// off. The built-in policy is empty; a repository adds to it through <see cref="SecretConfigFile"/>.
/// </summary>
public sealed class SecretScanPolicy
{
    public static SecretScanPolicy Default { get; } = new();

    public SecretAllowlist Global { get; init; } = SecretAllowlist.Empty;

    public IReadOnlyDictionary<string, SecretAllowlist> PerRule { get; init; } = new Dictionary<string, SecretAllowlist>();

    public IReadOnlySet<string> DisabledRules { get; init; } = new HashSet<string>();

    /// <summary>This policy with <paramref name="other"/>'s entries added (a repository's file on top of the built-in policy).</summary>
    public SecretScanPolicy Merge(SecretScanPolicy other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var perRule = new Dictionary<string, SecretAllowlist>(PerRule, StringComparer.Ordinal);
        foreach (var (id, allowlist) in other.PerRule)
        {
            perRule[id] = perRule.TryGetValue(id, out var existing) ? existing.Merge(allowlist) : allowlist;
        }

        return new SecretScanPolicy
        {
            Global = Global.Merge(other.Global),
            PerRule = perRule,
            DisabledRules = new HashSet<string>(DisabledRules.Concat(other.DisabledRules), StringComparer.Ordinal),
        };
    }

    public bool IsEnabled(SecretRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return !DisabledRules.Contains(rule.Id);
    }

    /// <summary>Whether <paramref name="secret"/>, found by <paramref name="rule"/> in <paramref name="path"/>, is reported.</summary>
    public bool Reports(SecretRule rule, string path, string secret)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (Global.AllowsSecret(secret) || Passes(rule.Allowlist, path, secret))
        {
            return false;
        }

        return !(PerRule.TryGetValue(rule.Id, out var own) && Passes(own, path, secret));
    }

    /// <summary>
    /// Whether a rule that has no secret to test (a dangerous-code rule) reports anything in <paramref name="path"/>:
    /// it is not disabled and no global or own path allowlist covers the file.
    /// </summary>
    public bool ReportsAnywhere(string ruleId, string path)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        return !DisabledRules.Contains(ruleId)
            && !Global.AllowsPath(path)
            && !(PerRule.TryGetValue(ruleId, out var own) && own.AllowsPath(path));
    }

    private static bool Passes(SecretAllowlist allowlist, string path, string secret) =>
        !allowlist.IsEmpty && (allowlist.AllowsPath(path) || allowlist.AllowsSecret(secret));
}
