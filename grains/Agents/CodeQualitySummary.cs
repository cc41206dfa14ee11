using Amas.Orleans.Analysis.CodeQuality;

namespace Amas.Orleans.Agents;

/// <summary>The CodeQualityInspector's result: findings in a stable order, and the totals shown as the agent's metrics.</summary>
internal static class CodeQualitySummary
{
    public static AgentResult Of(
        List<CodeQualityReport> reports, int unreadable, DuplicationReport duplication, CodeQualityOptions options)
    {
        var findings = reports
            .SelectMany(r => r.Findings)
            .Concat(duplication.Findings)
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line ?? 0)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();

        var functions = reports.SelectMany(r => r.Metrics.Functions).ToList();
        var complexities = functions.Select(f => f.CyclomaticComplexity).ToList();
        var codeLines = reports.Sum(r => r.Metrics.CodeLines);
        var metrics = new Dictionary<string, double>
        {
            ["files_analyzed"] = reports.Count,
            ["files_unreadable"] = unreadable,
            ["lines_of_code"] = codeLines,
            ["comment_lines"] = reports.Sum(r => r.Metrics.CommentLines),
            ["blank_lines"] = reports.Sum(r => r.Metrics.BlankLines),
            ["functions"] = complexities.Count,
            ["max_cyclomatic_complexity"] = complexities.Count == 0 ? 0 : complexities.Max(),
            ["average_cyclomatic_complexity"] = complexities.Count == 0 ? 0 : Math.Round(complexities.Average(), 2),
            ["todo_comments"] = reports.Sum(r => r.Metrics.TodoCount),
            ["low_maintainability_functions"] = functions.Count(f => f.MaintainabilityIndex < options.MinMaintainabilityIndex),
            // A file of one function counts here although its finding is the function's (the two would say the same).
            ["low_maintainability_files"] = reports.Count(r => r.Metrics.MaintainabilityIndex < options.MinMaintainabilityIndex),
            ["duplicate_regions"] = duplication.Findings.Count,
            ["duplicated_lines"] = duplication.DuplicatedLines,
            ["duplicated_lines_percent"] = codeLines == 0 ? 0 : Math.Round(100.0 * duplication.DuplicatedLines / codeLines, 2),
            ["files_generated_or_minified"] = reports.Count(r => r.GeneratedOrMinified),
        };

        // An index exists only where there are functions; a figure of 0 or 100 would claim one.
        if (functions.Count > 0)
        {
            metrics["min_maintainability_index"] = functions.Min(f => f.MaintainabilityIndex);
            metrics["average_maintainability_index"] = Math.Round(functions.Average(f => f.MaintainabilityIndex), 2);
        }

        var thresholdFindings = findings.Count(f => f.Rule is not (CodeQualityRuleIds.TodoComment or CodeQualityRuleIds.DuplicateCode));
        var summary = $"Analysed {reports.Count} files ({codeLines} lines of code, {complexities.Count} functions): "
            + $"{thresholdFindings} threshold findings, {duplication.Findings.Count} duplicated regions "
            + $"({duplication.DuplicatedLines} lines) and {metrics["todo_comments"]} TODO comments.";
        return new AgentResult(findings, metrics, summary);
    }
}
