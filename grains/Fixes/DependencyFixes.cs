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

    /// <summary>
    /// Bumps the dependency of <paramref name="finding"/> to <paramref name="target"/> (the highest first-fixed version
    /// among the advisories on the same line, see <see cref="Targets"/>; the finding's own when null). A line a sibling
    /// advisory already bumped to the target counts as fixed for this finding too.
    /// </summary>
    public static string? TryFix(Finding finding, FileEdit edit, string? target = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(edit);
        if (!Handles(finding) || finding.Line is not { } line || !edit.Has(line)
            || Parse(finding) is not var (name, version, ownFix))
        {
            return null;
        }

        var fixedVersion = target ?? ownFix;
        var text = edit[line];
        var from = Math.Max(0, text.IndexOf(LastSegment(name), StringComparison.OrdinalIgnoreCase));
        var at = FindVersion(text, version, from);
        if (at < 0)
        {
            // Bumped already by another advisory's fix on this line, or the version sits elsewhere (a lock file).
            return fixedVersion != version && FindVersion(text, fixedVersion, from) >= 0 ? $"upgraded {name} from {version} to {fixedVersion}" : null;
        }

        edit[line] = text[..at] + fixedVersion + text[(at + version.Length)..];
        return $"upgraded {name} from {version} to {fixedVersion}";
    }

    /// <summary>
    /// For each dependency finding, the version its line should move to: the highest first-fixed version of all the
    /// advisories against the same package on the same line, so one bump settles them all. Versions are compared by
    /// their numeric parts, which orders the release versions advisories name in every ecosystem read here.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Targets(IEnumerable<Finding> findings)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in findings.Where(Handles)
            .Select(f => (Finding: f, Parsed: Parse(f)))
            .Where(x => x.Parsed is not null)
            .GroupBy(x => (x.Finding.File, x.Finding.Line, x.Parsed!.Value.Name)))
        {
            var highest = group.Select(x => x.Parsed!.Value.Fixed).MaxBy(NumericParts, NumericOrder.Instance)!;
            foreach (var (finding, _) in group)
            {
                targets[finding.Id] = highest;
            }
        }

        return targets;
    }

    private static (string Name, string Version, string Fixed)? Parse(Finding finding)
        => finding.Fix is not null && FixedVersion().Match(finding.Fix) is { Success: true } fix
            && Affected().Match(finding.Message) is { Success: true } affected
            ? (affected.Groups["name"].Value, affected.Groups["version"].Value, fix.Groups["version"].Value)
            : null;

    private static long[] NumericParts(string version)
        => Digits().Matches(version).Select(m => long.TryParse(m.Value, out var n) ? n : long.MaxValue).ToArray();

    private sealed class NumericOrder : IComparer<long[]>
    {
        public static readonly NumericOrder Instance = new();

        public int Compare(long[]? x, long[]? y)
        {
            x ??= [];
            y ??= [];
            for (var i = 0; i < Math.Max(x.Length, y.Length); i++)
            {
                var order = (i < x.Length ? x[i] : 0).CompareTo(i < y.Length ? y[i] : 0);
                if (order != 0)
                {
                    return order;
                }
            }

            return 0;
        }
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

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^upgrade to (?<version>\S+)$")]
    private static partial Regex FixedVersion();

    [GeneratedRegex(@"^(?<name>\S+) (?<version>\S+) is affected by ")]
    private static partial Regex Affected();
}
