using Amas.Orleans.Findings;

namespace Amas.Orleans.Improvements;

/// <summary>
/// The rule table behind the plan's scores: for a finding, its area, how much fixing it matters (impact) and what it
/// costs (effort), each 1 to 5. By rule where a rule is known to differ from its category, by category otherwise.
/// </summary>
public static class ImprovementWeights
{
    public sealed record Weight(string Area, int Impact, int Effort);

    private static readonly Dictionary<string, Weight> ByRule = new(StringComparer.Ordinal)
    {
        ["code-quality/todo-comment"] = new("code_quality", 1, 1),
        ["code-quality/cyclomatic-complexity"] = new("code_quality", 3, 3),
        ["code-quality/long-function"] = new("code_quality", 2, 3),
        ["code-quality/deep-nesting"] = new("code_quality", 2, 2),
        ["code-quality/duplicate-code"] = new("code_quality", 2, 3),
        ["code-quality/maintainability-index"] = new("code_quality", 3, 4),
    };

    private static readonly Dictionary<string, Weight> ByCategory = new(StringComparer.Ordinal)
    {
        ["secrets"] = new("security", 5, 1),
        ["security"] = new("security", 4, 2),
        ["dependencies"] = new("dependencies", 4, 2),
        ["docker"] = new("security", 3, 1),
        ["performance"] = new("performance", 3, 2),
        ["documentation"] = new("documentation", 2, 1),
        ["code_quality"] = new("code_quality", 2, 2),
    };

    private static readonly Weight Default = new("code_quality", 2, 2);

    public static Weight Of(Finding finding)
        => ByRule.GetValueOrDefault(finding.Rule) ?? ByCategory.GetValueOrDefault(finding.Category) ?? Default;

    /// <summary>info 1, low 2, medium 3, high 4, critical 5.</summary>
    public static int SeverityWeight(Severity severity) => (int)severity + 1;

    public static int Score(Severity severity, int impact, int effort) => SeverityWeight(severity) * impact * (6 - effort);
}
