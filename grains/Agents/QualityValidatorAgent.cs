using Amas.Orleans.Agents.Registry;
using Amas.Orleans.Analysis.Security;
using Amas.Orleans.Findings;
using Amas.Orleans.Fixes;
using Amas.Orleans.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Agents;

/// <summary>
/// Layer 3, second of the fix chain: applies each proposed patch to a scratch copy of its file and runs the Layer 1
/// agents of the task there again, in-process (their classes, not their grains, whose results are fixed per task).
/// A patch is accepted only when every finding it names is gone and no finding appeared that was not there before;
/// otherwise it is rejected with the reason.
/// </summary>
/// <remarks>
/// Findings are compared by agent, rule and file, counted, not only by id: an id hashes the content that triggered
/// the finding, so an edited line turns an unrelated finding on it (an unpinned apt package on a RUN that gained
/// <c>--no-install-recommends</c>) into a new id without anything new being wrong. When the operator configured a
/// validation command (<see cref="ValidationCommandOptions"/>), a patch the analysis accepted must also pass it, run in a
/// copy of the whole tree with the patch applied.
/// </remarks>
internal sealed class QualityValidatorAgent(
    IServiceProvider services,
    IOptions<RepositoryOptions> repositories,
    IOptions<ValidationCommandOptions> command,
    ILogger<QualityValidatorAgent> logger) : IAgent
{
    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = FixAgentNames.QualityValidator,
        Layer = 3,
        Description = "Applies each proposed patch to a scratch copy, re-runs the task's Layer 1 analysis there and accepts "
            + "a fix only if its findings are gone and no new finding appeared; rejected fixes carry the reason.",
        Capabilities = [FixAgentNames.Capability],
    };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var proposed = FixInputs.PatchesOf(context, FixAgentNames.AutomatedFixer);
        if (context.Repository is null || proposed is null)
        {
            return AgentResult.Empty(context.Repository is null ? "no repository to validate fixes in" : "the AutomatedFixer did not succeed: no fixes to validate");
        }

        // Resolved here, not injected: the registry is built from every agent, this one included.
        var registry = services.GetRequiredService<AgentRegistry>();
        var detectors = FixInputs.DetectionReports(context)
            .Select(r => registry.TryGet(r.Agent, out var agent) ? agent : null)
            .OfType<IAgent>()
            .ToList();
        var git = new GitCli(repositories.Value, logger);
        var judged = new List<FixPatch>();
        foreach (var patch in proposed)
        {
            var reason = await JudgeAsync(context, git, detectors, patch, cancellationToken);
            var checks = $"findings gone, none new ({string.Join(", ", detectors.Select(d => d.Descriptor.Name))} re-run)";
            if (reason is null && command.Value.Enabled)
            {
                var run = await RunCommandAsync(context.Repository, git, patch, cancellationToken);
                reason = run.Passed ? null : $"{run.Outcome}: {run.Output.Trim()}";
                checks += "; " + run.Outcome;
            }

            judged.Add(patch with
            {
                Verdict = reason is null ? FixVerdict.Accepted : FixVerdict.Rejected,
                Reason = reason ?? checks,
            });
        }

        var accepted = judged.Count(p => p.Verdict == FixVerdict.Accepted);
        var metrics = new Dictionary<string, double>
        {
            ["patches_validated"] = judged.Count,
            ["patches_accepted"] = accepted,
            ["patches_rejected"] = judged.Count - accepted,
        };
        return new AgentResult([], metrics, $"Accepted {accepted} of {judged.Count} patches.") { Patches = judged };
    }

    /// <summary>Null when the patch is accepted; otherwise why not.</summary>
    private static async Task<string?> JudgeAsync(
        AgentContext context, GitCli git, IReadOnlyList<IAgent> detectors, FixPatch patch, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> paths = [patch.File, SecretConfigFile.FileName];
        using var before = ScratchCopy.Of(context.Repository!, paths);
        using var after = ScratchCopy.Of(context.Repository!, paths);
        if (await after.ApplyAsync(git, patch.Diff, cancellationToken) is { } error)
        {
            return $"does not apply cleanly: {error}";
        }

        var old = await AnalyseAsync(context, detectors, before.AsCheckout(), patch.File, cancellationToken);
        var now = await AnalyseAsync(context, detectors, after.AsCheckout(), patch.File, cancellationToken);

        var still = now.Where(f => patch.FindingIds.Contains(f.Id)).ToList();
        if (still.Count > 0)
        {
            return "its finding is still reported: " + Describe(still[0]);
        }

        var oldIds = old.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var fixedIds = patch.FindingIds.ToHashSet(StringComparer.Ordinal);
        var expected = old.Where(f => !fixedIds.Contains(f.Id)).CountBy(Key).ToDictionary();
        foreach (var (key, count) in now.CountBy(Key))
        {
            if (count > expected.GetValueOrDefault(key))
            {
                var added = now.Where(f => Key(f) == key).FirstOrDefault(f => !oldIds.Contains(f.Id)) ?? now.First(f => Key(f) == key);
                return "introduces a new finding: " + Describe(added);
            }
        }

        return null;
    }

    private async Task<ValidationRun> RunCommandAsync(RepositoryCheckout checkout, GitCli git, FixPatch patch, CancellationToken cancellationToken)
    {
        using var tree = ScratchCopy.OfTree(checkout);
        return await tree.ApplyAsync(git, patch.Diff, cancellationToken) is { } error
            ? new ValidationRun(false, "the patch does not apply to the whole tree", error)
            : await new ValidationCommand(command.Value).RunAsync(tree.Root, cancellationToken);
    }

    private static (string Agent, string Rule, string? File) Key(Finding finding) => (finding.Agent, finding.Rule, finding.File);

    private static string Describe(Finding finding)
        => $"{finding.Rule} ({finding.Agent}) in {finding.File}{(finding.Line is { } line ? $" line {line}" : "")}: {finding.Message}";

    private static async Task<IReadOnlyList<Finding>> AnalyseAsync(
        AgentContext context, IReadOnlyList<IAgent> detectors, RepositoryCheckout scratch, string file, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        foreach (var detector in detectors)
        {
            var work = context.Work with { Agent = detector.Descriptor.Name, Inputs = [] };
            var result = await detector.RunAsync(new AgentContext(work, scratch, []), cancellationToken);
            findings.AddRange(result.Findings.Where(f => f.File == file));
        }

        return findings;
    }
}
