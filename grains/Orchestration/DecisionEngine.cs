using Amas.Orleans.Agents;
using Amas.Orleans.Agents.Registry;
using Amas.Orleans.Analysis.Issues;
using Amas.Orleans.Repositories;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Orchestration;

/// <summary>
/// Chooses the agents of each layer for a task (design §3, DecisionEngine). For now a rule table over the registry:
/// <list type="bullet">
/// <item><c>orchestrate</c>: layer 1 by the components and the mode's focus, every registered layer 2–4 agent after it,
/// except the fix chain of layer 3, which runs only with <c>auto_apply</c>;</item>
/// <item><c>self_improve</c>: <see cref="SelfImprovePlanner"/>;</item>
/// <item><c>osint</c>, <c>forensics</c>: the layer 1 agents with that capability, then only the report: one agent's
/// output has nothing to merge (ConflictResolver), and nothing to fix or validate in layer 3.</item>
/// <item><c>issue_respond</c>: with a repository, the layer 1 agents the issue's category calls for
/// (<see cref="IssueDetection"/>) and the ConflictResolver, and with <c>auto_fix</c> the fix chain; always the issue
/// agents of layer 2 and the report. Issue agents run in no other kind.</item>
/// </list>
/// </summary>
public sealed class DecisionEngine(AgentRegistry registry, LearnedAgentSkips? history = null)
{
    /// <summary>Modes that narrow detection to one capability, whatever the components say.</summary>
    private static readonly IReadOnlyDictionary<string, string> ModeFocus = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["security_audit"] = "security",
        ["performance_optimization"] = "performance",
        ["documentation_update"] = "documentation",
    };

    /// <summary>Kinds served by agents of one capability. Those agents never run in an orchestrate task.</summary>
    private static readonly IReadOnlyDictionary<TaskKind, string> DedicatedCapabilities = new Dictionary<TaskKind, string>
    {
        [TaskKind.Osint] = "osint",
        [TaskKind.Forensics] = "forensics",
    };

    private const string ReportCapability = "report";

    private const string IssueCapability = "issue";

    private const string FindingsCapability = "findings";

    /// <summary><see cref="Plan"/>, then adjusted by the LearningSystem's history (<see cref="LearnedAgentSkips"/>).</summary>
    public async Task<ExecutionPlan> PlanAsync(TaskSpec spec, ResolvedRepository? repository)
    {
        var plan = Plan(spec);
        return history is null ? plan : await history.ApplyAsync(plan, spec, repository);
    }

    public ExecutionPlan Plan(TaskSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Kind == TaskKind.Orchestrate)
        {
            return PlanOrchestrate(spec);
        }

        if (spec.Kind == TaskKind.SelfImprove)
        {
            return new SelfImprovePlanner(registry).Plan(spec);
        }

        if (spec.Kind == TaskKind.IssueRespond)
        {
            return PlanIssueRespond(spec);
        }

        if (DedicatedCapabilities.TryGetValue(spec.Kind, out var capability)
            && Detection(d => d.Capabilities.Contains(capability, StringComparer.Ordinal)) is { Length: > 0 } agents)
        {
            return Plan(agents, d => d.Capabilities.Contains(ReportCapability, StringComparer.Ordinal));
        }

        var kind = TaskOptionCatalog.KindNames[spec.Kind];
        var available = DedicatedCapabilities
            .Where(p => Detection(d => d.Capabilities.Contains(p.Value, StringComparer.Ordinal)).Length > 0)
            .Select(p => TaskOptionCatalog.KindNames[p.Key])
            .Prepend(TaskOptionCatalog.KindNames[TaskKind.Orchestrate]);
        throw new TaskRejectedException(
            $"No agents for '{kind}' tasks are registered in this cluster.",
            new Dictionary<string, string[]> { ["kind"] = [$"'{kind}' is a known kind, but this cluster has no agents registered for it yet. Available: {string.Join(", ", available)}."] });
    }

    private ExecutionPlan PlanOrchestrate(TaskSpec spec)
    {
        var wanted = WantedCapabilities(spec.Options);
        var detection = Detection(d => !d.Capabilities.Any(DedicatedCapabilities.Values.Contains)
            && (wanted is null || d.Capabilities.Any(wanted.Contains)));

        if (detection.Length == 0)
        {
            var asked = wanted is null ? "all" : string.Join(", ", wanted);
            var available = registry.Descriptors
                .Where(d => d.Layer == 1 && !d.Capabilities.Any(DedicatedCapabilities.Values.Contains))
                .SelectMany(d => d.Capabilities).Distinct().Order();
            throw new TaskRejectedException(
                "No registered detection agent covers what the task asks for.",
                new Dictionary<string, string[]>
                {
                    ["options.components"] = [$"No agent covers '{asked}' here. Capabilities available: {string.Join(", ", available)}."],
                });
        }

        // The fix chain changes code: in an orchestrate task only when the caller asked for that with auto_apply.
        return Plan(detection, d => !Has(d, IssueCapability) && (spec.Options.AutoApply || !Has(d, Fixes.FixAgentNames.Capability)));
    }

    /// <summary>
    /// The detection an issue calls for, by its category (decided here, before layer 1, with the same categoriser the
    /// IssueResponder uses): what could confirm a security report or explain a bug, and nothing for a feature request.
    /// </summary>
    public static readonly IReadOnlyDictionary<IssueCategory, string[]> IssueDetection = new Dictionary<IssueCategory, string[]>
    {
        [IssueCategory.Security] = ["security"],
        [IssueCategory.Bug] = ["code_quality", "performance", "security"],
        [IssueCategory.Documentation] = ["documentation"],
        [IssueCategory.Feature] = [],
        [IssueCategory.Question] = ["code_quality"],
    };

    private ExecutionPlan PlanIssueRespond(TaskSpec spec)
    {
        var detection = Array.Empty<string>();
        if (spec.Target is not null && spec.Options.Issue is { } issue)
        {
            var category = IssueCategoriser.Default.Categorise(new IssueText(issue.Title, issue.Body, issue.Labels)).Category;
            var wanted = IssueDetection[category];
            detection = Detection(d => !d.Capabilities.Any(DedicatedCapabilities.Values.Contains) && d.Capabilities.Any(wanted.Contains));
        }

        // auto_fix runs the fix chain on what the detection found; it makes a branch only when auto_apply says so too.
        var withFindings = detection.Length > 0;
        var fixing = withFindings && spec.Options.AutoFix;
        return Plan(detection, d => Has(d, IssueCapability) || Has(d, ReportCapability)
            || (withFindings && Has(d, FindingsCapability)) || (fixing && Has(d, Fixes.FixAgentNames.Capability)));
    }

    private static bool Has(AgentDescriptor descriptor, string capability)
        => descriptor.Capabilities.Contains(capability, StringComparer.Ordinal);

    private string[] Detection(Func<AgentDescriptor, bool> chosen)
        => registry.Descriptors.Where(d => d.Layer == 1 && chosen(d)).Select(d => d.Name).ToArray();

    private ExecutionPlan Plan(IReadOnlyList<string> detection, Func<AgentDescriptor, bool> laterLayers)
    {
        var layers = new List<PlannedLayer> { new(1, LayerNames.Of(1), detection) };
        for (var layer = 2; layer <= LayerNames.Count; layer++)
        {
            var agents = registry.Descriptors.Where(d => d.Layer == layer && laterLayers(d)).Select(d => d.Name).ToArray();
            layers.Add(SelfImprovePlanner.FixChainInOrder(new PlannedLayer(layer, LayerNames.Of(layer), agents)));
        }

        return new ExecutionPlan(layers);
    }

    private static HashSet<string>? WantedCapabilities(TaskOptions options)
    {
        if (ModeFocus.TryGetValue(options.Mode, out var focus))
        {
            return [focus];
        }

        return options.Components.Contains("all", StringComparer.Ordinal)
            ? null
            : options.Components.ToHashSet(StringComparer.Ordinal);
    }
}
