using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Issues;

/// <summary>
/// Picks the repository findings an issue is about, most relevant first:
/// <list type="number">
/// <item>the issue names the finding's file (its path, or its file name as a whole word) or its rule id;</item>
/// <item>otherwise the finding's category matches the issue's category (a security issue and the security, secrets,
/// docker and dependency findings; a performance complaint and the performance findings).</item>
/// </list>
/// Within each group, higher severity first. Only these relations are used: nothing in the issue text can pull in a
/// finding it does not name.
/// </summary>
public static class RelatedFindingSelector
{
    private static readonly IReadOnlyDictionary<IssueCategory, string[]> CategoryFindings = new Dictionary<IssueCategory, string[]>
    {
        [IssueCategory.Security] = ["security", "secrets", "docker", "dependencies"],
        [IssueCategory.Bug] = ["code_quality", "performance"],
    };

    public static IReadOnlyList<Finding> Select(IssueText issue, IssueCategory category, IEnumerable<Finding> findings, int limit)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(findings);
        var text = (issue.Title ?? "") + "\n" + (issue.Body ?? "");
        var categories = CategoryFindings.GetValueOrDefault(category, []);
        var performance = text.Contains("slow", StringComparison.OrdinalIgnoreCase) || text.Contains("performance", StringComparison.OrdinalIgnoreCase);

        return findings
            .DistinctBy(f => f.Id, StringComparer.Ordinal)
            .Select(f => (Finding: f, Rank: Rank(f, text, categories, performance)))
            .Where(r => r.Rank > 0)
            .OrderByDescending(r => r.Rank)
            .ThenByDescending(r => r.Finding.Severity)
            .ThenBy(r => r.Finding.File, StringComparer.Ordinal)
            .ThenBy(r => r.Finding.Line)
            .Take(Math.Max(0, limit))
            .Select(r => r.Finding)
            .ToList();
    }

    private static int Rank(Finding finding, string text, string[] categories, bool performance)
    {
        if (Names(text, finding.File) || Mentions(text, finding.Rule))
        {
            return 2;
        }

        var byCategory = categories.Contains(finding.Category, StringComparer.Ordinal)
            || (performance && finding.Category == "performance");
        return byCategory ? 1 : 0;
    }

    private static bool Names(string text, string? file)
    {
        if (string.IsNullOrEmpty(file))
        {
            return false;
        }

        return Mentions(text, file) || Mentions(text, Path.GetFileName(file));
    }

    /// <summary>A whole-word mention, so "app.cs" is not found inside "webapp.cs".</summary>
    private static bool Mentions(string text, string term)
    {
        if (term.Length < 3)
        {
            return false;
        }

        for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = at == 0 || !IsWordCharacter(text[at - 1]);
            var end = at + term.Length;
            var after = end == text.Length || !IsWordCharacter(text[end]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c is '_' or '/' or '\\' or '-';
}
