using Amas.Orleans.Analysis.Findings;

namespace Amas.Orleans.Agents;

/// <summary>
/// Layer 2: one finding per problem out of everything layer 1 reported (<see cref="FindingResolver"/>). It reads the
/// repository only for its suppression file, whose refused lines it lists under the fact <c>suppression_file_problems</c>.
/// </summary>
public sealed class ConflictResolverAgent : IAgent
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
    };

    public async Task<AgentResult> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var detected = context.Inputs.SelectMany(r => r.Findings).ToArray();
        var suppressions = context.Repository is { } repository
            ? await SuppressionFile.LoadAsync(repository.Root, cancellationToken)
            : SuppressionList.None;
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
