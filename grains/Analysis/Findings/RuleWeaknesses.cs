using Amas.Orleans.Analysis.Security.Code;

namespace Amas.Orleans.Analysis.Findings;

/// <summary>The weakness (CWE) a rule is an instance of, where its rule set says: today the dangerous-code rules.</summary>
public static class RuleWeaknesses
{
    private static readonly Dictionary<string, string> ByRule =
        DangerousCodeRules.Default.ToDictionary(r => r.Id, r => r.Cwe, StringComparer.Ordinal);

    public static string? Of(string rule) => ByRule.GetValueOrDefault(rule);
}
