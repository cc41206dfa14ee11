using System.Text;
using Amas.Orleans.Fixes;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Reports.Markdown;

/// <summary>The fix pipeline's verdicts: one row per patch, and where the accepted ones went.</summary>
internal static class MarkdownFixes
{
    public static void Write(StringBuilder md, TaskResult result)
    {
        if (result.Fixes.Count == 0)
        {
            return;
        }

        md.Append("\n## Fixes\n\n");
        md.Append(result.FixBranch is { } branch
            ? $"Accepted fixes were committed to branch {MarkdownText.Code(branch)}; "
            : "No branch was made; ");
        md.Append("the combined patch is at `/api/v1/tasks/").Append(result.Task.TaskId.ToString("D")).Append("/artifacts/patch`.\n\n");
        md.Append("| file | rules | origin | verdict | reason |\n|---|---|---|---|---|\n");
        foreach (var fix in result.Fixes)
        {
            md.Append("| ").Append(MarkdownText.Cell(fix.File))
                .Append(" | ").Append(MarkdownText.Cell(string.Join(", ", fix.Rules)))
                .Append(" | ").Append(fix.Origin == FixOrigin.Ai ? "AI" : "deterministic")
                .Append(" | ").Append(fix.Verdict.ToString().ToLowerInvariant())
                .Append(" | ").Append(MarkdownText.Cell(fix.Reason))
                .Append(" |\n");
        }
    }
}
