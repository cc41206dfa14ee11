using System.Globalization;
using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Reports.Executive;

/// <summary>
/// The executive summary the Reporter writes without an AI provider: counts by severity, the most severe finding,
/// the file with the most findings and what to fix first, in a few plain sentences.
/// </summary>
public static class RuleBasedExecutiveSummary
{
    /// <param name="findings">The task's findings, most severe first.</param>
    public static string Write(IReadOnlyList<Finding> findings, int reportCount)
    {
        if (findings.Count == 0)
        {
            return $"No findings from {reportCount} agent reports: nothing needs fixing.";
        }

        var counts = FindingTally.Count(findings);
        var bySeverity = Enum.GetValues<Severity>().Reverse()
            .Select(s => (Name: s.ToString().ToLowerInvariant(), Count: counts.BySeverity.GetValueOrDefault(s.ToString().ToLowerInvariant())))
            .Where(s => s.Count > 0)
            .Select(s => $"{s.Count} {s.Name}");
        var sentences = new List<string> { $"{findings.Count} findings ({string.Join(", ", bySeverity)}) from {reportCount} agent reports." };

        var worst = findings[0];
        var sameSeverity = findings.Count(f => f.Severity == worst.Severity) - 1;
        sentences.Add($"Most severe: {worst.Rule} ({worst.Severity.ToString().ToLowerInvariant()}){Where(worst)}"
            + (sameSeverity > 0 ? $", and {sameSeverity} more at that severity." : "."));

        if (findings.Where(f => f.File is not null).GroupBy(f => f.File!, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault() is { } busiest
            && busiest.Count() > 1)
        {
            sentences.Add($"Most affected file: {busiest.Key} ({busiest.Count()} findings).");
        }

        var urgent = findings.Count(f => f.Severity >= Severity.High);
        sentences.Add(urgent > 0
            ? $"Fix the {urgent} critical and high findings first{(findings.Any(f => f.Category == "secrets") ? ", starting with leaked secrets (rotate them)" : "")}."
            : "Nothing is high or critical: plan the fixes with regular work.");
        return string.Join(' ', sentences);
    }

    private static string Where(Finding finding)
        => finding.File is null ? ""
        : finding.Line is { } line ? $" in {finding.File}:{line.ToString(CultureInfo.InvariantCulture)}"
        : $" in {finding.File}";
}
