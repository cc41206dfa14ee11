using Amas.Orleans.Agents;
using Amas.Orleans.Agents.Registry;
using Amas.Orleans.Fixes;
using Amas.Orleans.Tasks;

namespace Amas.Orleans.Orchestration;

/// <summary>
/// Plans a <c>self_improve</c> task (design §2: analysis → improvement generation → implementation → learning):
/// <list type="bullet">
/// <item>layer 1: the detection agents covering the areas (a <c>*_focused</c> mode narrows them to its area; testing and
/// architecture are read through code quality); osint and forensics agents never;</item>
/// <item>layer 2: every layer 2 agent; layer 3: the fix chain AutomatedFixer → QualityValidator → DeploymentManager,
/// one after another, each reading the one before (the mode decides whether AI patches are asked for, auto_apply
/// whether DeploymentManager makes a branch; the patch is always published); layer 4: every layer 4 agent.</item>
/// </list>
/// The depth bounds how much of the repository each agent reads (<see cref="BoundsFor"/>).
/// </summary>
public sealed class SelfImprovePlanner(AgentRegistry registry)
{
    /// <summary>Which detection capability reads each area.</summary>
    public static readonly IReadOnlyDictionary<string, string> AreaCapabilities = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["code_quality"] = "code_quality",
        ["performance"] = "performance",
        ["security"] = "security",
        ["documentation"] = "documentation",
        ["testing"] = "code_quality",
        ["architecture"] = "code_quality",
        ["dependencies"] = "dependencies",
    };

    /// <summary>Modes that narrow the areas to one, whatever the areas say.</summary>
    public static readonly IReadOnlyDictionary<string, string> ModeFocus = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["security_focused"] = "security",
        ["performance_focused"] = "performance",
        ["documentation_focused"] = "documentation",
    };

    /// <summary>Files and file sizes read per depth; <c>comprehensive</c> reads everything the checkout offers.</summary>
    public static readonly IReadOnlyDictionary<string, AnalysisBounds?> DepthBounds = new Dictionary<string, AnalysisBounds?>(StringComparer.Ordinal)
    {
        ["surface"] = new() { MaxFiles = 200, MaxFileBytes = 64 * 1024 },
        ["medium"] = new() { MaxFiles = 1000, MaxFileBytes = 256 * 1024 },
        ["deep"] = new() { MaxFiles = 5000, MaxFileBytes = 1024 * 1024 },
        ["comprehensive"] = null,
    };

    public const string DefaultDepth = "medium";

    /// <summary>Agents of issue_respond tasks (the IssueResponder): they run in no other kind.</summary>
    private const string IssueCapability = "issue";

    private static readonly HashSet<string> DedicatedCapabilities = new(StringComparer.Ordinal) { "osint", "forensics" };

    /// <summary>The bounds a task's agents read the repository within; null for unbounded (or a kind without depth bounds).</summary>
    public static AnalysisBounds? BoundsFor(TaskSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Kind == TaskKind.SelfImprove ? DepthBounds.GetValueOrDefault(spec.Options.Depth ?? DefaultDepth) : null;
    }

    public ExecutionPlan Plan(TaskSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Target is null)
        {
            throw new TaskRejectedException("A self_improve task needs a target.", new Dictionary<string, string[]>
            {
                ["target"] = ["Give a target: {\"path\": \"/abs/path\"} or {\"git_url\": \"https://…\", \"ref\": \"main\"}."],
            });
        }

        var wanted = WantedCapabilities(spec.Options);
        var detection = registry.Descriptors
            .Where(d => d.Layer == 1 && !d.Capabilities.Any(DedicatedCapabilities.Contains) && (wanted is null || d.Capabilities.Any(wanted.Contains)))
            .Select(d => d.Name)
            .ToArray();
        if (detection.Length == 0)
        {
            var available = registry.Descriptors.Where(d => d.Layer == 1 && !d.Capabilities.Any(DedicatedCapabilities.Contains))
                .SelectMany(d => d.Capabilities).Distinct().Order();
            throw new TaskRejectedException("No registered detection agent covers the areas the task asks for.", new Dictionary<string, string[]>
            {
                ["options.areas"] = [$"No agent covers '{string.Join(", ", wanted!.Order())}' here. Capabilities available: {string.Join(", ", available)}."],
            });
        }

        var fixChain = FixAgentNames.Chain.Where(name => registry.Find(name) is { Layer: 3 }).ToArray();
        // Other layer 3 agents, if any are registered, run after the chain.
        return new ExecutionPlan(
        [
            new PlannedLayer(1, LayerNames.Of(1), detection),
            new PlannedLayer(2, LayerNames.Of(2), LayerAgents(2)),
            FixChainInOrder(new PlannedLayer(3, LayerNames.Of(3), [.. fixChain, .. LayerAgents(3)])),
            new PlannedLayer(4, LayerNames.Of(4), LayerAgents(4)),
        ]);
    }

    /// <summary>A layer holding the fix chain runs one agent after another, the chain first and in its order.</summary>
    public static PlannedLayer FixChainInOrder(PlannedLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (!layer.Agents.Any(FixAgentNames.Chain.Contains))
        {
            return layer;
        }

        var ordered = layer.Agents
            .OrderBy(a => FixAgentNames.Chain.Contains(a) ? FixAgentNames.Chain.ToList().IndexOf(a) : FixAgentNames.Chain.Count)
            .ToArray();
        return layer with { Agents = ordered, InOrder = true };
    }

    /// <summary>The agents of a later layer that serve a repository's improvement: not the fix chain (planned apart) nor issue agents.</summary>
    private string[] LayerAgents(int layer)
        => registry.Descriptors
            .Where(d => d.Layer == layer && !d.Capabilities.Contains(FixAgentNames.Capability) && !d.Capabilities.Contains(IssueCapability))
            .Select(d => d.Name)
            .ToArray();

    private static HashSet<string>? WantedCapabilities(TaskOptions options)
    {
        if (ModeFocus.TryGetValue(options.Mode, out var focus))
        {
            return [AreaCapabilities[focus]];
        }

        return options.Areas.Contains("all", StringComparer.Ordinal)
            ? null
            : options.Areas.Select(a => AreaCapabilities.GetValueOrDefault(a, a)).ToHashSet(StringComparer.Ordinal);
    }
}
