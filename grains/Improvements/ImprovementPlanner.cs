using Amas.Orleans.Agents;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Improvements;

/// <summary>
/// Findings to a prioritised plan: one item per rule (its findings counted, its highest severity), scored by
/// <see cref="ImprovementWeights"/>, ranked, then grouped by area with the most pressing area first. Rationales are
/// written by rules here; the ImprovementAdvisor may replace the top ones with an AI provider's.
/// </summary>
public static class ImprovementPlanner
{
    public const int MaxItems = 50;

    public static IReadOnlyList<ImprovementItem> Items(IEnumerable<Finding> findings)
    {
        var scored = findings
            .DistinctBy(f => f.Id, StringComparer.Ordinal)
            .GroupBy(f => f.Rule, StringComparer.Ordinal)
            .Select(rule =>
            {
                var worst = rule.OrderByDescending(f => f.Severity).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).First();
                var weight = ImprovementWeights.Of(worst);
                var files = rule.Select(f => f.File).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(5).ToArray();
                return new ImprovementItem
                {
                    Rank = 0,
                    Title = Title(rule.Key, rule.Count(), worst),
                    Rule = rule.Key,
                    Area = weight.Area,
                    Severity = worst.Severity,
                    Impact = weight.Impact,
                    Effort = weight.Effort,
                    Score = ImprovementWeights.Score(worst.Severity, weight.Impact, weight.Effort),
                    FindingCount = rule.Count(),
                    Files = files,
                    Rationale = RuleBasedRationale(worst, weight, rule.Count(), files),
                    RationaleBy = TextPath.RuleBased,
                };
            })
            .OrderByDescending(i => i.Score)
            .ThenByDescending(i => i.FindingCount)
            .ThenBy(i => i.Rule, StringComparer.Ordinal)
            .Take(MaxItems)
            .ToArray();
        return [.. scored.Select((item, index) => item with { Rank = index + 1 })];
    }

    public static IReadOnlyList<ImprovementArea> Group(IEnumerable<ImprovementItem> items)
        => [.. items.GroupBy(i => i.Area, StringComparer.Ordinal)
            .Select(g => new ImprovementArea { Area = g.Key, Score = g.Max(i => i.Score), Items = [.. g.OrderBy(i => i.Rank)] })
            .OrderByDescending(a => a.Score)
            .ThenBy(a => a.Items[0].Rank)];

    private static string Title(string rule, int count, Finding worst)
        => count == 1 ? $"{rule}: {worst.Message}" : $"{rule}: {count} findings, e.g. {worst.Message}";

    private static string RuleBasedRationale(Finding worst, ImprovementWeights.Weight weight, int count, IReadOnlyList<string> files)
    {
        var where = files.Count == 0 ? "" : $" in {string.Join(", ", files)}";
        var impact = weight.Impact switch
        {
            >= 5 => "an exposure an attacker can use directly",
            4 => "a known way in or a supply-chain risk",
            3 => "a measurable cost in speed, reliability or hardening",
            2 => "code that is harder to change safely",
            _ => "housekeeping",
        };
        var effort = weight.Effort switch
        {
            1 => "a one-line change",
            2 => "a local change",
            3 => "a refactoring of the functions involved",
            _ => "a larger redesign",
        };
        var fix = string.IsNullOrWhiteSpace(worst.Fix) ? "" : $" Suggested fix: {worst.Fix}";
        return $"{worst.Severity.ToString().ToLowerInvariant()} {weight.Area.Replace('_', ' ')} issue, {count} finding{(count == 1 ? "" : "s")}{where}: {impact}; fixing it is {effort}.{fix}";
    }
}
