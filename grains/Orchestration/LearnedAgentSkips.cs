using Amas.Orleans.Learning;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Orchestration;

/// <summary>
/// The DecisionEngine's use of the LearningSystem's history (design §3): at a shallow depth (<c>surface</c> by
/// default), a detection agent that has succeeded at least <see cref="LearningOptions.MinRunsBeforeSkip"/> times on
/// this kind of repository without a single finding is skipped, and the task's status says why. The kind of a local
/// path is read at its root; a git repository's is the one its last checkout showed. History is advice: when it cannot
/// be read, or a git repository was never checked out before, every agent runs.
/// </summary>
public sealed class LearnedAgentSkips(IGrainFactory grains, IOptions<LearningOptions> options)
{
    public const string FullAnalysis = "full_analysis";

    public async Task<ExecutionPlan> ApplyAsync(ExecutionPlan plan, TaskSpec spec, ResolvedRepository? repository)
    {
        var settings = options.Value;
        // full_analysis means every agent, whatever it found before; the other modes take the history's advice.
        if (spec.Options.Mode == FullAnalysis || spec.Options.Depth is not { } depth || !settings.SkipAtDepths.Contains(depth, StringComparer.Ordinal) || repository is null)
        {
            return plan;
        }

        LearningTallies? history;
        try
        {
            history = await grains.GetGrain<ILearningSystemGrain>(0).GetHistoryAsync();
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException)
        {
            return plan;
        }

        if (history is null)
        {
            return plan;
        }

        var kind = repository.LocalPath is { } path ? RepositoryKinds.OfDirectory(path)
            : repository.GitUrl is { } url ? history.RepositoryKinds.GetValueOrDefault(url)
            : null;
        return kind is null ? plan : Skip(plan, history.Agents, kind, depth, settings.MinRunsBeforeSkip);
    }

    /// <summary>The plan with the barren detection agents moved to the layer's skipped ones, each with its reason.</summary>
    public static ExecutionPlan Skip(ExecutionPlan plan, IEnumerable<AgentTally> history, string repositoryKind, string depth, int minRuns)
    {
        var barren = history
            .Where(t => t.RepositoryKind == repositoryKind && t.Succeeded >= minRuns && t.RunsWithFindings == 0)
            .ToDictionary(t => t.Agent, StringComparer.Ordinal);
        if (barren.Count == 0)
        {
            return plan;
        }

        return plan with
        {
            Layers = [.. plan.Layers.Select(layer => layer.Layer != 1 ? layer : layer with
            {
                Agents = [.. layer.Agents.Where(a => !barren.ContainsKey(a))],
                Skipped = layer.Agents.Where(barren.ContainsKey).ToDictionary(
                    a => a,
                    a => $"Skipped at {depth} depth: {a} found nothing in {barren[a].Succeeded} successful runs on {repositoryKind} repositories (the LearningSystem's history; threshold {minRuns} runs).",
                    StringComparer.Ordinal),
            })],
        };
    }
}
