using Amas.Orleans.Findings;
using Amas.Orleans.Repositories;

namespace Amas.Orleans.Analysis.Findings;

/// <summary>
/// One line of the suppression file: a rule pattern, a path glob (<see cref="PathGlob"/>; <c>*</c> or <c>**</c> also
/// cover findings about the whole repository) and the reason. A merged finding is matched by any of its reports' rules.
/// </summary>
public sealed record SuppressionEntry(RulePattern Rule, string PathPattern, string Reason, int Line)
{
    private readonly PathGlob? _path = PathPattern is "*" or "**" ? null : new PathGlob(PathPattern);

    public bool Matches(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var rules = finding.Resolution?.From.Select(r => r.Rule).Prepend(finding.Rule) ?? [finding.Rule];
        if (!rules.Any(Rule.Matches))
        {
            return false;
        }

        return _path is null || (finding.File is { } file && _path.Matches(file));
    }

    public FindingSuppression ToSuppression() => new()
    {
        Kind = SuppressionKind.External,
        Reason = Reason,
        File = SuppressionFile.FileName,
        Line = Line,
    };
}
