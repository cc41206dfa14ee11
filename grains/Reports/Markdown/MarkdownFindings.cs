using System.Globalization;
using System.Text;
using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Reports.Markdown;

/// <summary>
/// The findings section: one sub-section per severity, most severe first, one entry per finding; then the suppressed
/// findings in a section of their own, each with its reason.
/// </summary>
internal static class MarkdownFindings
{
    public static void Write(StringBuilder md, IReadOnlyList<Finding> findings)
    {
        var live = findings.Where(f => f.Suppression is null).ToList();
        var suppressed = findings.Where(f => f.Suppression is not null).ToList();
        md.Append("\n## Findings\n");
        if (live.Count == 0)
        {
            md.Append("\nNo findings.\n");
        }

        foreach (var group in live.GroupBy(f => f.Severity).OrderByDescending(g => g.Key))
        {
            md.Append(CultureInfo.InvariantCulture, $"\n### {group.Key} ({group.Count()})\n");
            foreach (var finding in InPlaceOrder(group))
            {
                WriteFinding(md, finding);
            }
        }

        if (suppressed.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## Suppressed findings ({suppressed.Count})\n\n");
            md.Append(CultureInfo.InvariantCulture, $"Suppressed in the source (`{InlineSuppression.Marker}`) or by the repository's `{SuppressionFile.FileName}`: not counted above and never fixed.\n");
            foreach (var finding in InPlaceOrder(suppressed))
            {
                WriteFinding(md, finding);
            }
        }
    }

    /// <summary>Repository-wide findings (no file) come after those with a place, then by file, line and rule.</summary>
    private static IEnumerable<Finding> InPlaceOrder(IEnumerable<Finding> findings)
        => findings
            .OrderBy(f => f.File is null)
            .ThenBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line ?? 0)
            .ThenBy(f => f.Rule, StringComparer.Ordinal);

    private static void WriteFinding(StringBuilder md, Finding finding)
    {
        var place = finding.File is null ? "repository" : MarkdownText.Code(Place(finding));
        md.Append("\n#### ").Append(place).Append(" · ").Append(MarkdownText.Code(finding.Rule)).Append("\n\n");

        var agents = finding.Sources.Count > 0 ? finding.Sources : [finding.Agent];
        md.Append(agents.Count > 1 ? "- Agents: " : "- Agent: ").Append(MarkdownText.Inline(string.Join(", ", agents))).Append('\n');
        md.Append("- Category: ").Append(MarkdownText.Inline(finding.Category)).Append('\n');
        if (finding.Suppression is { } suppression)
        {
            WriteSuppression(md, finding, suppression);
        }

        md.Append("- Message: ").Append(MarkdownText.Inline(finding.Message)).Append('\n');
        if (!string.IsNullOrEmpty(finding.Evidence))
        {
            md.Append("- Evidence: ").Append(MarkdownText.Code(finding.Evidence)).Append('\n');
        }

        if (finding.Resolution is { } resolution)
        {
            WriteResolution(md, resolution);
        }

        if (!string.IsNullOrWhiteSpace(finding.Fix))
        {
            WriteFix(md, finding.Fix);
        }
    }

    private static void WriteSuppression(StringBuilder md, Finding finding, FindingSuppression suppression)
    {
        md.Append("- Suppressed ").Append(suppression.Kind == SuppressionKind.InSource ? "in the source" : "by the suppression file");
        if (suppression.File is { } file)
        {
            var place = suppression.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{file}:{line}") : file;
            md.Append(" (").Append(MarkdownText.Code(place)).Append(')');
        }

        md.Append(": ").Append(MarkdownText.Inline(suppression.Reason)).Append('\n');
    }

    private static void WriteResolution(StringBuilder md, FindingResolution resolution)
    {
        md.Append("- Merged").Append(resolution.Concept is { } concept ? $" as {MarkdownText.Code(concept)}" : " by place")
            .Append(" from: ")
            .AppendJoin(", ", resolution.From.Select(r => $"{MarkdownText.Inline(r.Agent)} {MarkdownText.Code(r.Rule)} ({ReportNames.Of(r.Severity)})"))
            .Append('\n');
        md.Append("- Severity: ").Append(MarkdownText.Code(resolution.SeverityRule)).Append(", ")
            .Append(MarkdownText.Inline(resolution.Reason)).Append('\n');
    }

    /// <summary><c>file:line</c>, or just the file when the finding is about the whole file.</summary>
    private static string Place(Finding finding)
        => finding.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"{finding.File}:{line}") : finding.File!;

    /// <summary>A one-line fix is advice and reads as text; a longer one (often a diff) keeps its lines in a code block.</summary>
    private static void WriteFix(StringBuilder md, string fix)
    {
        var trimmed = fix.Trim('\r', '\n');
        if (!trimmed.Contains('\n') && !trimmed.Contains('\r'))
        {
            md.Append("- Fix: ").Append(MarkdownText.Inline(trimmed)).Append('\n');
            return;
        }

        var info = trimmed.StartsWith("--- ", StringComparison.Ordinal) || trimmed.StartsWith("diff ", StringComparison.Ordinal)
            || trimmed.StartsWith("@@", StringComparison.Ordinal) ? "diff" : "";
        md.Append("- Fix:\n\n").Append(MarkdownText.CodeBlock(trimmed, "  ", info)).Append('\n');
    }
}
