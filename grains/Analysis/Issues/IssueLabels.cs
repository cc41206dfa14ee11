namespace Amas.Orleans.Analysis.Issues;

/// <summary>
/// What the usual GitHub/GitLab label names say. A label is a maintainer's decision, so it outweighs any wording:
/// its category weight is larger than any text could add up to, and a severity label replaces the computed severity.
/// Prefixes such as "type:", "kind/" or "severity-" are ignored.
/// </summary>
public static class IssueLabels
{
    public const int Weight = 100;

    private static readonly Dictionary<string, IssueCategory> Categories = new(StringComparer.Ordinal)
    {
        ["bug"] = IssueCategory.Bug, ["defect"] = IssueCategory.Bug, ["regression"] = IssueCategory.Bug, ["crash"] = IssueCategory.Bug,
        ["enhancement"] = IssueCategory.Feature, ["feature"] = IssueCategory.Feature, ["feature request"] = IssueCategory.Feature,
        ["feature-request"] = IssueCategory.Feature, ["proposal"] = IssueCategory.Feature,
        ["question"] = IssueCategory.Question, ["support"] = IssueCategory.Question, ["how-to"] = IssueCategory.Question,
        ["documentation"] = IssueCategory.Documentation, ["docs"] = IssueCategory.Documentation, ["doc"] = IssueCategory.Documentation,
        ["security"] = IssueCategory.Security, ["vulnerability"] = IssueCategory.Security, ["cve"] = IssueCategory.Security,
    };

    private static readonly Dictionary<string, IssueSeverity> Severities = new(StringComparer.Ordinal)
    {
        ["critical"] = IssueSeverity.Critical, ["blocker"] = IssueSeverity.Critical, ["p0"] = IssueSeverity.Critical, ["sev1"] = IssueSeverity.Critical,
        ["high"] = IssueSeverity.High, ["major"] = IssueSeverity.High, ["p1"] = IssueSeverity.High, ["sev2"] = IssueSeverity.High,
        ["medium"] = IssueSeverity.Medium, ["p2"] = IssueSeverity.Medium, ["sev3"] = IssueSeverity.Medium,
        ["low"] = IssueSeverity.Low, ["minor"] = IssueSeverity.Low, ["trivial"] = IssueSeverity.Low, ["p3"] = IssueSeverity.Low,
    };

    public static string Normalise(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var lowered = label.Trim().ToLowerInvariant();
        var cut = lowered.LastIndexOfAny([':', '/']);
        lowered = cut >= 0 ? lowered[(cut + 1)..].Trim() : lowered;
        foreach (var prefix in (string[])["severity-", "priority-", "type-", "kind-"])
        {
            if (lowered.StartsWith(prefix, StringComparison.Ordinal))
            {
                lowered = lowered[prefix.Length..];
            }
        }

        return lowered;
    }

    public static IssueCategory? CategoryOf(string label) =>
        Categories.TryGetValue(Normalise(label), out var category) ? category : null;

    public static IssueSeverity? SeverityOf(string label) =>
        Severities.TryGetValue(Normalise(label), out var severity) ? severity : null;
}
