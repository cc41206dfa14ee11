using System.Globalization;
using System.Text;
using Amas.Orleans.Agents;
using Amas.Orleans.Improvements;

namespace Amas.Orleans.Reports.Markdown;

/// <summary>The layer 2 advice: the ImprovementAdvisor's plan by area, and the PerformanceOptimizer's recommendations.</summary>
internal static class MarkdownImprovements
{
    public static void WritePlan(StringBuilder md, ImprovementPlan? plan)
    {
        if (plan is null)
        {
            return;
        }

        md.Append("\n## Improvement plan\n\n");
        md.Append("Rationales written by ").Append(WrittenBy(plan.WrittenBy)).Append(". ").Append(MarkdownText.Inline(plan.Method)).Append(".\n");
        if (plan.Areas.Count == 0)
        {
            md.Append("\nNothing to improve.\n");
            return;
        }

        foreach (var area in plan.Areas)
        {
            md.Append("\n### ").Append(MarkdownText.Inline(area.Area)).Append("\n\n");
            foreach (var item in area.Items)
            {
                md.Append(CultureInfo.InvariantCulture, $"{item.Rank}. **{MarkdownText.Inline(item.Title)}** — score {item.Score} (severity {ReportNames.Of(item.Severity)}, impact {item.Impact}, effort {item.Effort}; {item.FindingCount} finding{(item.FindingCount == 1 ? "" : "s")})\n");
                md.Append("   ").Append(item.RationaleBy == TextPath.Ai ? "AI: " : "Rules: ").Append(MarkdownText.Inline(item.Rationale, "   ")).Append('\n');
            }
        }
    }

    public static void WriteRecommendations(StringBuilder md, IReadOnlyList<PerformanceRecommendation> recommendations)
    {
        if (recommendations.Count == 0)
        {
            return;
        }

        md.Append("\n## Performance recommendations\n\n");
        foreach (var r in recommendations)
        {
            md.Append("- **").Append(MarkdownText.Inline(r.Title)).Append("** (").Append(MarkdownText.Code(r.Rule)).Append(", ")
                .Append(ReportNames.Of(r.Severity)).Append(CultureInfo.InvariantCulture, $", {r.FindingCount} place{(r.FindingCount == 1 ? "" : "s")}): ")
                .Append(MarkdownText.Inline(r.Recommendation)).Append('\n');
            if (r.Locations.Count > 0)
            {
                md.Append("  - at ").Append(string.Join(", ", r.Locations.Select(MarkdownText.Code))).Append('\n');
            }
        }
    }

    private static string WrittenBy(AgentAiUse use)
        => use.Path == TextPath.Ai
            ? $"an AI provider ({MarkdownText.Inline(use.ProviderName ?? use.Provider ?? "?")}{(use.Model is null ? "" : ", " + MarkdownText.Code(use.Model))})"
            : $"rules ({MarkdownText.Inline(use.Reason ?? "no provider")})";
}
