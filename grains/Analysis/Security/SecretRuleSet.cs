namespace Amas.Orleans.Analysis.Security;

/// <summary>An ordered set of rules. Order matters only between overlapping specific rules: the earlier one wins.</summary>
public sealed class SecretRuleSet
{
    public SecretRuleSet(IEnumerable<SecretRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = [.. rules];
        var duplicate = Rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Rule id '{duplicate.Key}' appears more than once.", nameof(rules));
        }
    }

    /// <summary>The built-in credential rules, modelled on the gitleaks catalogue.</summary>
    public static SecretRuleSet Default { get; } = new(DefaultSecretRules.Create());

    public IReadOnlyList<SecretRule> Rules { get; }
}
