using System.Globalization;
using System.Text;
using Amas.Orleans.Agents.Completions;
using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Findings;
using Amas.Orleans.Providers;

namespace Amas.Orleans.Reports.Executive;

/// <summary>
/// What the Reporter asks an AI provider for. The instruction is ours; the findings (rule messages, paths and
/// evidence from the repository) travel only as data, so nothing in a repository can steer the summary.
/// </summary>
public static class ExecutiveSummaryPrompt
{
    /// <summary>The most findings listed to the provider, most severe first; the counts cover all of them.</summary>
    public const int MaxListedFindings = 40;

    private const int MaxFieldLength = 300;

    public const string SystemPrompt =
        "You are the reporting agent of a code-analysis system. Be factual and brief, and mention only what the findings show.";

    public const string Instruction =
        "Write an executive summary of this code analysis for an engineering lead: at most five sentences of plain text, "
        + "no lists or headings. Say how serious the state is, name the most severe problems and what to fix first. "
        + "The findings are in the data block.";

    /// <param name="findings">The task's findings, most severe first.</param>
    public static AgentCompletionRequest For(IReadOnlyList<Finding> findings, int reportCount) => new()
    {
        Instruction = Instruction,
        SystemPrompt = SystemPrompt,
        Data = [new DataDocument("findings", List(findings, reportCount))],
        MaxTokens = 400,
        Temperature = 0.2,
    };

    private static string List(IReadOnlyList<Finding> findings, int reportCount)
    {
        var counts = FindingTally.Count(findings);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{findings.Count} findings from {reportCount} agent reports.");
        text.Append(" By severity: ").AppendJoin(", ", counts.BySeverity.Select(p => $"{p.Key} {p.Value}")).Append('.');
        text.Append(" By agent: ").AppendJoin(", ", counts.ByAgent.Select(p => $"{p.Key} {p.Value}")).Append(".\n");
        foreach (var finding in findings.Take(MaxListedFindings))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"- {finding.Severity.ToString().ToLowerInvariant()} | {finding.Rule} | {finding.File ?? "-"}{(finding.Line is { } line ? ":" + line.ToString(CultureInfo.InvariantCulture) : "")} | {OneLine(finding.Message)}");
            if (finding.Evidence is { Length: > 0 } evidence)
            {
                text.Append(" | evidence: ").Append(OneLine(evidence));
            }

            text.Append('\n');
        }

        if (findings.Count > MaxListedFindings)
        {
            text.Append(CultureInfo.InvariantCulture, $"({findings.Count - MaxListedFindings} less severe findings not listed.)\n");
        }

        return text.ToString();
    }

    private static string OneLine(string text)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= MaxFieldLength ? text : text[..MaxFieldLength] + "…";
    }
}
