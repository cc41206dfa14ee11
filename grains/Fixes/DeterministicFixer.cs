using Amas.Orleans.Findings;
using Amas.Orleans.Repositories;

namespace Amas.Orleans.Fixes;

/// <summary>
/// One patch per file for the findings a rule can rewrite without judgement (Dockerfile, hard-coded secrets,
/// vulnerable dependency versions). Findings in a file are fixed together, so the patches of a task touch distinct
/// files and combine into one.
/// </summary>
public static class DeterministicFixer
{
    /// <summary>Larger files are not rewritten: a fix reads and diffs the whole file.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    public static async Task<IReadOnlyList<FixPatch>> ProposeAsync(
        RepositoryCheckout checkout, IEnumerable<Finding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkout);
        ArgumentNullException.ThrowIfNull(findings);
        var files = checkout.Files.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
        var all = findings.ToList();
        var versions = DependencyFixes.Targets(all);
        var patches = new List<FixPatch>();
        foreach (var group in all
            .Where(f => f.File is not null && f.Line is not null)
            .DistinctBy(f => f.Id)
            .GroupBy(f => f.File!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!files.TryGetValue(group.Key, out var file) || file.Length > MaxFileBytes)
            {
                continue;
            }

            var edit = new FileEdit(await File.ReadAllTextAsync(file.FullPath, cancellationToken));
            var fixedIds = new List<string>();
            var rules = new List<string>();
            var changes = new List<string>();
            foreach (var finding in group.OrderBy(f => f.Line).ThenBy(f => f.Rule, StringComparer.Ordinal))
            {
                if (TryFix(finding, edit, versions) is { } change)
                {
                    fixedIds.Add(finding.Id);
                    rules.Add(finding.Rule);
                    changes.Add(change);
                }
            }

            var diff = UnifiedDiff.Create(group.Key, edit.Original, edit.Text());
            if (fixedIds.Count > 0 && diff.Length > 0)
            {
                patches.Add(new FixPatch
                {
                    File = group.Key,
                    FindingIds = fixedIds,
                    Rules = rules,
                    Origin = FixOrigin.Deterministic,
                    Diff = diff,
                    Summary = string.Join("; ", changes.Distinct(StringComparer.Ordinal)),
                });
            }
        }

        return patches;
    }

    private static string? TryFix(Finding finding, FileEdit edit, IReadOnlyDictionary<string, string> versions)
    {
        if (DockerfileFixes.Rules.Contains(finding.Rule) && finding.Category == "docker")
        {
            return DockerfileFixes.TryFix(finding, edit);
        }

        if (SecretFixes.Handles(finding))
        {
            return SecretFixes.TryFix(finding, edit);
        }

        return DependencyFixes.Handles(finding) ? DependencyFixes.TryFix(finding, edit, versions.GetValueOrDefault(finding.Id)) : null;
    }
}
