namespace Amas.Orleans.Fixes;

/// <summary>The accepted patches of a task as one unified diff: they touch distinct files, so they concatenate.</summary>
public static class CombinedPatch
{
    public static string? Of(IEnumerable<FixPatch> patches)
    {
        ArgumentNullException.ThrowIfNull(patches);
        var accepted = patches.Where(p => p.Verdict == FixVerdict.Accepted && p.Diff.Length > 0)
            .OrderBy(p => p.File, StringComparer.Ordinal)
            .Select(p => p.Diff)
            .ToList();
        return accepted.Count == 0 ? null : string.Concat(accepted);
    }
}
