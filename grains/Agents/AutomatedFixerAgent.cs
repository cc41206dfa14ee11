using Amas.Orleans.Agents.Completions;
using Amas.Orleans.Findings;
using Amas.Orleans.Fixes;
using Amas.Orleans.Repositories;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Agents;

/// <summary>
/// Layer 3, first of the fix chain: proposes fixes as unified diffs for the Layer 1 findings. Deterministic rewrites
/// where a rule has one (Dockerfile, hard-coded secrets, vulnerable dependency versions); in <c>aggressive</c> mode,
/// when a provider is configured, AI-proposed patches for files no rule could fix. Proposes only: the
/// QualityValidator decides. Suppressed findings are never fixed.
/// </summary>
internal sealed class AutomatedFixerAgent(
    IAgentCompletions completions, IOptions<RepositoryOptions> repositories, ILogger<AutomatedFixerAgent> logger) : IAgent
{
    /// <summary>The only mode in which AI-proposed patches are asked for (design §2: conservative is deterministic only).</summary>
    public const string AiMode = "aggressive";

    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = FixAgentNames.AutomatedFixer,
        Layer = 3,
        Description = "Proposes fixes as unified diffs: pins base images, adds --no-install-recommends, deletes apt lists, "
            + "COPY for ADD and a non-root USER in Dockerfiles; environment lookups for hard-coded secrets; the first fixed "
            + "version of a vulnerable dependency; AI-proposed patches for other findings in aggressive mode.",
        Capabilities = [FixAgentNames.Capability],
    };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Repository is null)
        {
            return AgentResult.Empty("no repository to fix");
        }

        var (findings, suppressed) = await FixInputs.FixableFindingsAsync(context, cancellationToken);
        var deterministic = await DeterministicFixer.ProposeAsync(context.Repository, findings, cancellationToken);
        var patches = deterministic.ToList();
        AgentAiUse? ai = null;
        var refused = 0;
        if (context.Work.Options.Mode == AiMode)
        {
            var patchedFiles = deterministic.Select(p => p.File).ToHashSet(StringComparer.Ordinal);
            var rest = findings.Where(f => f.File is not null && !patchedFiles.Contains(f.File)).ToList();
            if (rest.Count > 0)
            {
                var proposer = new AiPatchProposer(completions, new GitCli(repositories.Value, logger));
                (var proposed, ai, refused) = await proposer.ProposeAsync(context, context.Repository, rest, cancellationToken);
                patches.AddRange(proposed);
            }
        }

        var addressed = patches.Sum(p => p.FindingIds.Count);
        var metrics = new Dictionary<string, double>
        {
            ["findings_considered"] = findings.Count,
            ["findings_suppressed"] = suppressed,
            ["findings_addressed"] = addressed,
            ["patches_deterministic"] = deterministic.Count,
            ["patches_ai"] = patches.Count - deterministic.Count,
            ["ai_answers_refused"] = refused,
        };
        var summary = $"Proposed {patches.Count} patches ({deterministic.Count} deterministic, {patches.Count - deterministic.Count} AI) "
            + $"for {addressed} of {findings.Count} findings.";
        return new AgentResult([], metrics, summary, Ai: ai) { Patches = patches };
    }
}
