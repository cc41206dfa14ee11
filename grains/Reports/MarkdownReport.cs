using System.Globalization;
using System.Text;
using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Findings;
using Amas.Orleans.Reports.Markdown;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Reports;

/// <summary>
/// A finished task as a Markdown document, readable as plain text in a terminal and rendered on GitHub:
/// the task, its layers and agents, summary counts, metrics, the agents' facts, the fixes, then every finding, most
/// severe first.
/// </summary>
public static class MarkdownReport
{
    /// <param name="result">The task's result; only its snapshot and metrics are used, not its page of findings.</param>
    /// <param name="allFindings">Every finding of the task.</param>
    public static string Write(TaskResult result, IReadOnlyList<Finding> allFindings)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(allFindings);

        var md = new StringBuilder();
        WriteHeader(md, result.Task);
        WriteExecutiveSummary(md, result.ExecutiveSummary);
        WriteLayers(md, result.Task);
        WriteSummary(md, allFindings);
        WriteMetrics(md, result.Metrics);
        MarkdownFacts.Write(md, result.Facts);
        MarkdownFixes.Write(md, result);
        MarkdownImprovements.WritePlan(md, result.ImprovementPlan);
        MarkdownImprovements.WriteRecommendations(md, result.PerformanceRecommendations);
        MarkdownFindings.Write(md, allFindings);
        return md.ToString();
    }

    private static void WriteHeader(StringBuilder md, TaskSnapshot task)
    {
        md.Append(CultureInfo.InvariantCulture, $"# Task {task.TaskId:D}: {ReportNames.Of(task.Kind)}\n\n");
        if (task.Kind is TaskKind.Osint or TaskKind.Forensics)
        {
            WriteInputs(md, task.Options);
        }
        else
        {
            md.Append("- Target: ").Append(Target(task)).Append('\n');
            md.Append("- Commit: ").Append(task.Commit is null ? "not resolved" : MarkdownText.Code(task.Commit)).Append('\n');
        }

        md.Append("- Submitted by: ").Append(MarkdownText.Inline(task.Submitter)).Append('\n');
        md.Append("- Lifecycle: ").Append(ReportNames.Of(task.Lifecycle)).Append('\n');
        md.Append("- Created: ").Append(ReportTimes.Timestamp(task.CreatedAt))
            .Append(", started: ").Append(ReportTimes.Timestamp(task.StartedAt))
            .Append(", completed: ").Append(ReportTimes.Timestamp(task.CompletedAt));
        if (task.CompletedAt is { } end)
        {
            md.Append(" (").Append(ReportTimes.Duration(end - (task.StartedAt ?? task.CreatedAt))).Append(')');
        }

        md.Append('\n');
        if (task.Error is { } error)
        {
            md.Append("- Error: ").Append(MarkdownText.Code(error.Code)).Append(' ').Append(MarkdownText.Inline(error.Message));
            if (error.Cause is not null)
            {
                md.Append(" (cause: ").Append(MarkdownText.Inline(error.Cause)).Append(')');
            }

            md.Append('\n');
        }
    }

    private static void WriteExecutiveSummary(StringBuilder md, ExecutiveSummary? summary)
    {
        if (summary is null)
        {
            return;
        }

        md.Append("\n## Executive summary\n\n").Append(MarkdownText.Inline(summary.Text, "")).Append("\n\n");
        var by = summary.WrittenBy;
        md.Append('_').Append(by.Path == Agents.TextPath.Ai
            ? $"Written by AI: {MarkdownText.Inline(by.ProviderName ?? by.Provider ?? "a provider")} ({MarkdownText.Inline(by.Provider ?? "?")}), model {MarkdownText.Inline(by.Model ?? "?")}."
            : $"Rule-based summary: {MarkdownText.Inline(by.Reason ?? "written by rules")}.").Append("_\n");
    }

    /// <summary>What an osint or forensics task was given, in place of a repository target.</summary>
    private static void WriteInputs(StringBuilder md, TaskOptions options)
    {
        if (options.Urls.Count > 0)
        {
            md.Append("- URLs: ").AppendJoin(", ", options.Urls.Select(MarkdownText.Code)).Append('\n');
            md.Append("- Keywords: ").Append(options.Keywords.Count == 0 ? "none" : string.Join(", ", options.Keywords.Select(MarkdownText.Code))).Append('\n');
            md.Append("- Link depth: ").Append(MarkdownText.Inline(options.Depth ?? "0")).Append('\n');
        }

        if (options.Upload is { } upload)
        {
            md.Append(CultureInfo.InvariantCulture, $"- File: {MarkdownText.Code(upload.FileName)}, uploaded, {upload.Size} bytes, SHA-256 {MarkdownText.Code(upload.Sha256)}\n");
        }
        else if (options.FilePath is { } path)
        {
            md.Append("- File: ").Append(MarkdownText.Code(path)).Append('\n');
        }
    }

    private static string Target(TaskSnapshot task) => task.Target switch
    {
        { Path: { } path } => MarkdownText.Code(path),
        { GitUrl: { } url, Ref: { } gitRef } => $"{MarkdownText.Code(url)} at {MarkdownText.Code(gitRef)}",
        { GitUrl: { } url } => MarkdownText.Code(url),
        _ => "none",
    };

    private static void WriteLayers(StringBuilder md, TaskSnapshot task)
    {
        md.Append("\n## Layers and agents\n\n");
        if (task.Layers.Count == 0)
        {
            md.Append("No layer ran.\n");
            return;
        }

        md.Append("| Layer | Agent | Status | Silo | Duration | Findings | Error |\n");
        md.Append("| --- | --- | --- | --- | ---: | ---: | --- |\n");
        foreach (var layer in task.Layers.OrderBy(l => l.Layer))
        {
            var name = MarkdownText.Cell($"{layer.Layer} {layer.Name} ({ReportNames.Of(layer.Status)})");
            if (layer.Agents.Count == 0)
            {
                Row(md, name, "none", "", "", "", "", "");
            }

            foreach (var agent in layer.Agents)
            {
                Row(md, name, MarkdownText.Cell(agent.Agent), ReportNames.Of(agent.Status), MarkdownText.Cell(agent.Silo),
                    ReportTimes.Duration(agent.DurationMs), agent.FindingCount.ToString(CultureInfo.InvariantCulture),
                    agent.Error is { } e ? MarkdownText.Cell($"{e.Code}: {e.Message}") : "");
            }
        }
    }

    private static void WriteSummary(StringBuilder md, IReadOnlyList<Finding> all)
    {
        var findings = all.Where(f => f.Suppression is null).ToList();
        var suppressed = all.Count - findings.Count;
        md.Append("\n## Summary\n\n");
        md.Append(findings.Count switch { 0 => "No findings.", 1 => "1 finding.", var n => $"{n} findings." });
        if (suppressed > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $" {suppressed} suppressed (not counted; see Suppressed findings).");
        }

        md.Append('\n');
        if (findings.Count == 0)
        {
            return;
        }

        var bySeverity = findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key)
            .Select(g => (ReportNames.Of(g.Key), g.Count()));
        var counts = FindingTally.Count(findings);
        CountTable(md, "Severity", bySeverity);
        CountTable(md, "Category", counts.ByCategory.Select(p => (p.Key, p.Value)));
        CountTable(md, "Agent", counts.ByAgent.Select(p => (p.Key, p.Value)));
    }

    private static void CountTable(StringBuilder md, string heading, IEnumerable<(string Key, int Count)> counts)
    {
        md.Append('\n').Append("| ").Append(heading).Append(" | Findings |\n| --- | ---: |\n");
        foreach (var (key, count) in counts)
        {
            Row(md, MarkdownText.Cell(key), count.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void WriteMetrics(StringBuilder md, IReadOnlyDictionary<string, double> metrics)
    {
        if (metrics.Count == 0)
        {
            return;
        }

        md.Append("\n## Metrics\n\n| Metric | Value |\n| --- | ---: |\n");
        foreach (var (name, value) in metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            Row(md, MarkdownText.Cell(name), value.ToString("0.###", CultureInfo.InvariantCulture));
        }
    }

    private static void Row(StringBuilder md, params string[] cells)
        => md.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
}
