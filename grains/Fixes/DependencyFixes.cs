using System.Text.RegularExpressions;
using Amas.Orleans.Analysis.Dependencies;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Fixes;

/// <summary>
/// Bumps a vulnerable dependency to the first version that fixes the advisory, on the manifest line the
/// DependencyAuditor reported: the version text is replaced where it stands, so a range operator or quoting around it
/// (<c>==</c>, <c>^</c>, <c>Version="…"</c>) is kept.
/// </summary>
public static partial class DependencyFixes
{
    public static bool Handles(Finding finding)
        => finding.Agent == DependencyFindings.AgentName || finding.Category == DependencyFindings.Category;

    public static string? TryFix(Finding finding, FileEdit edit)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(edit);
        if (!Handles(finding) || finding.Line is not { } line || !edit.Has(line)
            || finding.Fix is null || FixedVersion().Match(finding.Fix) is not { Success: true } fix
            || Affected().Match(finding.Message) is not { Success: true } affected)
        {
            return null;
        }

        var name = affected.Groups["name"].Value;
        var version = affected.Groups["version"].Value;
        var fixedVersion = fix.Groups["version"].Value;
        var text = edit[line];
        var nameAt = text.IndexOf(LastSegment(name), StringComparison.OrdinalIgnoreCase);
        var at = FindVersion(text, version, Math.Max(0, nameAt));
        if (at < 0)
        {
            // Already bumped by another advisory's fix on this line, or the version sits elsewhere (a lock file).
            return null;
        }

        edit[line] = text[..at] + fixedVersion + text[(at + version.Length)..];
        return $"upgraded {name} from {version} to {fixedVersion}";
    }

    /// <summary>npm scopes and Maven group ids precede the name the manifest line shows.</summary>
    private static string LastSegment(string name) => name.Split('/', ':')[^1];

    private static int FindVersion(string text, string version, int from)
    {
        for (var at = text.IndexOf(version, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(version, at + 1, StringComparison.Ordinal))
        {
            var end = at + version.Length;
            var clearBefore = at == 0 || !IsVersionChar(text[at - 1]);
            var clearAfter = end == text.Length || !IsVersionChar(text[end]);
            if (clearBefore && clearAfter)
            {
                return at;
            }
        }

        return -1;
    }

    private static bool IsVersionChar(char c) => char.IsLetterOrDigit(c) || c is '.' or '-' or '+';

    [GeneratedRegex(@"^upgrade to (?<version>\S+)$")]
    private static partial Regex FixedVersion();

    [GeneratedRegex(@"^(?<name>\S+) (?<version>\S+) is affected by ")]
    private static partial Regex Affected();
}
