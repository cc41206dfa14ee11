using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Dependencies;

/// <summary>The parts of an OSV record the audit uses.</summary>
/// <param name="Severity">Derived once at parse time (<see cref="AdvisorySeverity"/>); Medium when unknown.</param>
/// <param name="Score">The CVSS base score the severity came from, when it came from one.</param>
public sealed record OsvAdvisory(
    string Id,
    IReadOnlyList<string> Aliases,
    string Summary,
    string Details,
    Severity Severity,
    double? Score,
    bool Withdrawn,
    IReadOnlyList<OsvAffected> Affected)
{
    /// <summary>One line for a finding's message: the summary, else the first line of the details.</summary>
    public string Title => Summary.Length > 0
        ? Summary
        : Details.Split('\n', 2)[0].Trim() is { Length: > 0 } line ? line : Id;
}
