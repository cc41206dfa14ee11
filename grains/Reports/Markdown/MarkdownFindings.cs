using System.Globalization;
using System.Text;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Reports.Markdown;

/// <summary>The findings section: one sub-section per severity, most severe first, one entry per finding.</summary>
internal static class MarkdownFindings
{
    public static void Write(StringBuilder md, IReadOnlyList<Finding> findings)
    {
        md.Append("\n## Findings\n");
        if (findings.Count == 0)
        {
            md.Append("\nNo findings.\n");
            return;
        }

        foreach (var group in findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key))
        {
            md.Append(CultureInfo.InvariantCulture, $"\n### {group.Key} ({group.Count()})\n");
            // Repository-wide findings (no file) come after those with a place, then by file, line and rule.
            var ordered = group
                .OrderBy(f => f.File is null)
                .ThenBy(f => f.File, StringComparer.Ordinal)
                .ThenBy(f => f.Line ?? 0)
                .ThenBy(f => f.Rule, StringComparer.Ordinal);
            foreach (var finding in ordered)
            {
                WriteFinding(md, finding);
            }
        }
    }

    private static void WriteFinding(StringBuilder md, Finding finding)
    {
        var place = finding.File is null ? "repository" : MarkdownText.Code(Place(finding));
        md.Append("\n#### ").Append(place).Append(" · ").Append(MarkdownText.Code(finding.Rule)).Append("\n\n");

        var agents = finding.Sources.Count > 0 ? finding.Sources : [finding.Agent];
        md.Append(agents.Count > 1 ? "- Agents: " : "- Agent: ").Append(MarkdownText.Inline(string.Join(", ", agents))).Append('\n');
        md.Append("- Category: ").Append(MarkdownText.Inline(finding.Category)).Append('\n');
        md.Append("- Message: ").Append(MarkdownText.Inline(finding.Message)).Append('\n');
        if (!string.IsNullOrEmpty(finding.Evidence))
        {
            md.Append("- Evidence: ").Append(MarkdownText.Code(finding.Evidence)).Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(finding.Fix))
        {
            WriteFix(md, finding.Fix);
        }
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
