using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Findings;

/// <summary>
/// Reports of one problem by several agents, as the severity rules see them: the reports, the concept they share
/// (null when merged by place), and the agent whose word counts for that concept or category.
/// </summary>
public sealed record SeverityCase(IReadOnlyList<Finding> Reports, FindingConcept? Concept, string? Authority)
{
    public Severity Highest => Reports.Max(f => f.Severity);

    public string? File => Reports[0].File;

    /// <summary>What the authority is authoritative for, in words.</summary>
    public string Subject => Concept?.Name ?? $"the {Reports[0].Category} category";

    /// <summary>The authority's report, when it is among them.</summary>
    public Finding? AuthorityReport => Authority is { } agent
        ? Reports.FirstOrDefault(r => r.Agent == agent || r.Sources.Contains(agent, StringComparer.Ordinal))
        : null;
}
