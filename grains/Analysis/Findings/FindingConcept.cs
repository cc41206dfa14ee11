using Amas.Orleans.Findings;

namespace Amas.Orleans.Analysis.Findings;

/// <summary>
/// A problem as a reader would name it (a hard-coded credential, a vulnerable dependency), whatever agent and rule
/// reported it. Reports of one concept by different agents at overlapping lines of a file are one finding.
/// </summary>
/// <param name="Name">Kebab-case, shown in a merged finding's resolution.</param>
/// <param name="Authority">The agent whose severity decides when reports of this concept disagree (<see cref="SeverityRules"/>).</param>
/// <param name="Cwe">The weakness it is, where one fits.</param>
public sealed record FindingConcept(string Name, string Description, string Authority, string? Cwe, IReadOnlyList<ConceptMember> Members)
{
    public bool Covers(Finding finding) => Members.Any(m => m.Matches(finding));
}
