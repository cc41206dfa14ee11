using Amas.Orleans.Analysis.Findings;
using Amas.Orleans.Repositories;

namespace Amas.Orleans.Agents;

/// <summary>
/// Layer 2: one finding per problem out of everything layer 1 reported (<see cref="FindingResolver"/>). Of the
/// repository it reads only the suppression file, so it asks for the checkout's directory rather than a walk of the
/// tree; the lines it refuses are listed under the fact <c>suppression_file_problems</c>.
/// </summary>
/// <param name="checkouts">Where the task's repository is on this silo; optional so the agent also builds without DI.</param>
public sealed class ConflictResolverAgent(IRepositoryCheckouts? checkouts = null) : IAgent
{
    public const string AgentName = "ConflictResolver";

    public const string SuppressionProblemsFact = "suppression_file_problems";

    public AgentDescriptor Descriptor { get; } = new()
    {
        Name = AgentName,
        Layer = 2,
        Description = "Merges findings of several agents about one problem, by place (same line and category) and by "
            + "meaning (the same concept, such as a hard-coded credential, at overlapping lines), lists every source; "
            + "settles conflicting severities with a rule table and records which rule decided; marks findings "
            + "suppressed in the source (amas:ignore) or by the repository's " + SuppressionFile.FileName + " file, "
            + "with the reason.",
        Capabilities = ["findings"],
        ReadsRepository = false,
    };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var detected = context.Inputs.SelectMany(r => r.Findings).ToArray();
        var root = await RepositoryDirectory.OfAsync(context, checkouts, cancellationToken);
        var suppressions = root is null ? SuppressionList.None : await SuppressionFile.LoadAsync(root, cancellationToken);
        var result = FindingResolver.Resolve(detected, suppressions);
        var metrics = new Dictionary<string, double>
        {
            ["findings_in"] = result.In,
            ["findings_out"] = result.Findings.Count,
            ["merged"] = result.Merged,
            ["suppressed"] = result.Suppressed,
            ["severity_conflicts_settled"] = result.SeverityConflicts,
            ["suppressions_read"] = suppressions.Entries.Count,
            ["suppressions_refused"] = suppressions.Problems.Count,
            ["reports_read"] = context.Inputs.Count,
        };
        var facts = suppressions.Problems.Count == 0
            ? null
            : new Dictionary<string, IReadOnlyList<string>> { [SuppressionProblemsFact] = suppressions.Problems };
        var summary = $"{result.In} findings from {context.Inputs.Count} reports resolved to {result.Findings.Count}: "
            + $"{result.Merged} merged, {result.SeverityConflicts} severity conflicts settled, {result.Suppressed} suppressed."
            + (suppressions.Problems.Count == 0 ? "" : $" {suppressions.Problems.Count} lines of {SuppressionFile.FileName} were refused.");
        return new AgentResult(result.Findings, metrics, summary, facts);
    }
}
