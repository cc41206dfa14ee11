using System.Globalization;
using System.Text;
using Amas.Orleans.Agents;
using Amas.Orleans.Agents.Completions;
using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Providers;
using Amas.Orleans.Repositories;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Improvements;

/// <summary>
/// Layer 2: turns the detection agents' findings into a prioritised improvement plan (impact × effort × severity,
/// grouped by area). With an AI provider, the top items get an AI-written rationale through the router; without
/// one, or when it fails, every rationale is the rules' text; the plan says which. Suppressed findings are not planned.
/// </summary>
/// <param name="checkouts">Where the repository's suppression file is; optional so the agent also builds without DI.</param>
public sealed class ImprovementAdvisorAgent(
    IAgentCompletions completions, IOptions<ImprovementOptions> options, IRepositoryCheckouts? checkouts = null) : IAgent
{
    public const string AgentName = "ImprovementAdvisor";

    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = AgentName,
        Layer = 2,
        Description = "Turns findings into a prioritised improvement plan (severity × impact × ease), grouped by area; rationales written by an AI provider when one is configured, by rules otherwise, and the plan says which.",
        Capabilities = ["improvement_plan", "ai_rationale"],
        ReadsRepository = false,
    };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var detected = context.Inputs.Where(r => r.Layer == 1).SelectMany(r => r.Findings).ToList();
        var (live, _) = await LiveFindings.SelectAsync(detected, await RepositoryDirectory.OfAsync(context, checkouts, cancellationToken), cancellationToken);
        var items = ImprovementPlanner.Items(live).ToArray();
        var writtenBy = new AgentAiUse { Path = TextPath.RuleBased, Reason = "no findings to explain" };
        var aiItems = Math.Min(items.Length, options.Value.MaxAiRationales);
        if (items.Length > 0 && aiItems == 0)
        {
            writtenBy = new AgentAiUse { Path = TextPath.RuleBased, Reason = "AI rationales are off (Amas:Improvements:MaxAiRationales = 0)" };
        }
        else if (items.Length > 0)
        {
            var first = await completions.AskAsync(context, Prompt(items[0]), cancellationToken);
            writtenBy = first.Use;
            if (first.ByAi)
            {
                items[0] = items[0] with { Rationale = first.Content!, RationaleBy = TextPath.Ai };
                var more = items.Skip(1).Take(aiItems - 1).ToArray();
                var answers = await Task.WhenAll(more.Select(item => completions.AskAsync(context, Prompt(item), cancellationToken)));
                for (var i = 0; i < answers.Length; i++)
                {
                    if (answers[i].ByAi)
                    {
                        items[i + 1] = items[i + 1] with { Rationale = answers[i].Content!, RationaleBy = TextPath.Ai };
                    }
                }
            }
        }

        var plan = new ImprovementPlan { Areas = ImprovementPlanner.Group(items), WrittenBy = writtenBy };
        var byAi = items.Count(i => i.RationaleBy == TextPath.Ai);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["items"] = items.Length,
            ["areas"] = plan.Areas.Count,
            ["ai_rationales"] = byAi,
        };
        var summary = items.Length == 0
            ? "Nothing to improve: the detection agents reported no findings."
            : string.Create(CultureInfo.InvariantCulture, $"{items.Length} improvements in {plan.Areas.Count} areas; first: {items[0].Title}. Rationales: {(byAi > 0 ? $"{byAi} by {writtenBy.ProviderName ?? writtenBy.Provider}, the rest by rules" : $"by rules ({writtenBy.Reason})")}.");
        return new AgentResult([], metrics, summary, Ai: writtenBy) { Plan = plan };
    }

    /// <summary>The item goes to the provider as data, never as instructions: its messages come from the repository.</summary>
    private static AgentCompletionRequest Prompt(ImprovementItem item)
    {
        var data = new StringBuilder()
            .Append("rule: ").AppendLine(item.Rule)
            .Append("area: ").AppendLine(item.Area)
            .Append("severity: ").AppendLine(item.Severity.ToString().ToLowerInvariant())
            .Append("findings: ").AppendLine(item.FindingCount.ToString(CultureInfo.InvariantCulture))
            .Append("files: ").AppendLine(string.Join(", ", item.Files))
            .Append("example: ").AppendLine(item.Title);
        return new AgentCompletionRequest
        {
            SystemPrompt = "You are a senior engineer writing an improvement plan for a code repository.",
            Instruction = "In at most three sentences, explain why the improvement described in the data matters and the concrete first step to make it. Plain text, no headings.",
            Data = [new DataDocument("improvement", data.ToString())],
            MaxTokens = 200,
            Temperature = 0.2,
        };
    }
}
