using Amas.Orleans.Fixes;
using Amas.Orleans.Repositories;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Amas.Orleans.Agents;

/// <summary>
/// Layer 3, last of the fix chain: publishes the accepted fixes as one patch (its report, kept in the agent's grain
/// state, is what <c>GET /api/v1/tasks/{id}/artifacts/patch</c> serves), and with <c>auto_apply</c> commits them to a new
/// branch <c>amas/&lt;task-id&gt;</c> of the task's repository. The working tree is never touched: for a local path the
/// commit is made in a linked worktree of that repository; for a git URL, in the silo's checkout of it, where the
/// branch stays on that silo (the patch artifact is what travels).
/// </summary>
internal sealed class DeploymentManagerAgent(IOptions<RepositoryOptions> repositories, ILogger<DeploymentManagerAgent> logger) : IAgent
{
    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = FixAgentNames.DeploymentManager,
        Layer = 3,
        Description = "Publishes the accepted fixes as one patch (GET /api/v1/tasks/{id}/artifacts/patch) and, with auto_apply, "
            + "commits them to a new branch amas/<task-id> of the task's repository without touching its working tree.",
        Capabilities = [FixAgentNames.Capability],
    };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var judged = FixInputs.PatchesOf(context, FixAgentNames.QualityValidator);
        if (judged is null)
        {
            return AgentResult.Empty("the QualityValidator did not succeed: nothing to publish");
        }

        var accepted = judged.Where(p => p.Verdict == FixVerdict.Accepted).ToList();
        var patch = CombinedPatch.Of(accepted);
        string? branch = null;
        string outcome;
        if (patch is null)
        {
            outcome = "No fix was accepted: no patch, no branch.";
        }
        else if (!context.Work.Options.AutoApply)
        {
            outcome = "auto_apply is off: the patch is published, no branch was made.";
        }
        else if (RepositoryOf(context) is not ({ } repository, { } commit))
        {
            outcome = "The target is not a git repository at a known commit: the patch is published, no branch was made.";
        }
        else
        {
            var name = FixBranch.NameFor(context.TaskId);
            var message = $"Amas: {accepted.Count} fixes for task {context.TaskId}\n\n"
                + string.Join('\n', accepted.Select(p => $"- {p.File}: {p.Summary}"));
            var failure = await new FixBranch(new GitCli(repositories.Value, logger))
                .CommitAsync(repository, commit, name, patch, message, cancellationToken);
            branch = failure is null ? name : null;
            outcome = failure is null ? $"Committed {accepted.Count} fixes to branch {name}." : $"No branch was made: {failure}";
        }

        var metrics = new Dictionary<string, double>
        {
            ["patches_accepted"] = accepted.Count,
            ["patches_rejected"] = judged.Count - accepted.Count,
            ["branch_created"] = branch is null ? 0 : 1,
            ["patch_bytes"] = patch?.Length ?? 0,
        };
        return new AgentResult([], metrics, outcome) { Patches = judged, Branch = branch };
    }

    /// <summary>The repository to branch and the commit to branch from: the local path itself, or this silo's checkout of the URL.</summary>
    private static (string? Repository, string? Commit) RepositoryOf(AgentContext context)
    {
        var target = context.Work.Repository;
        if (target?.Commit is not { } commit)
        {
            return (null, null);
        }

        return (target.LocalPath ?? context.Repository?.Root, commit);
    }
}
