using System.Text.RegularExpressions;
using Amas.Orleans.Findings;

namespace Amas.Orleans.Fixes;

/// <summary>
/// Deterministic rewrites for the DockerMonitor's rules that have one: pin a base image, add
/// <c>--no-install-recommends</c>, delete the apt lists, COPY for ADD, run as a non-root user.
/// </summary>
public static partial class DockerfileFixes
{
    /// <summary>
    /// The user a fixed image runs as. <c>nobody</c> exists in the passwd file of Debian, Ubuntu, Alpine and BusyBox
    /// images, so the fix needs no useradd step whose syntax depends on the distribution.
    /// </summary>
    public const string UnprivilegedUser = "nobody";

    private const string AptListsCleanup = " && rm -rf /var/lib/apt/lists/*";

    public static IReadOnlyCollection<string> Rules { get; } = ["DL3006", "DL3007", "DL3015", "DL3009", "DL3020", "DL3002", "AMAS-DOCKER-USER"];

    /// <summary>Applies the rewrite for <paramref name="finding"/>; what it changed, or null when it has none here.</summary>
    public static string? TryFix(Finding finding, FileEdit edit)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(edit);
        if (finding.Line is not { } line || !edit.Has(line))
        {
            return null;
        }

        var end = Math.Clamp(finding.EndLine ?? line, line, edit.LineCount);
        return finding.Rule switch
        {
            "DL3006" or "DL3007" => PinBaseImage(edit, line),
            "DL3015" => NoInstallRecommends(edit, line, end),
            "DL3009" => CleanAptLists(edit, line, end),
            "DL3020" => CopyForAdd(edit, line),
            "DL3002" => ReplaceRootUser(edit, line),
            "AMAS-DOCKER-USER" => AddUser(edit, line),
            _ => null,
        };
    }

    private static string? PinBaseImage(FileEdit edit, int line)
    {
        var match = FromLine().Match(edit[line]);
        if (!match.Success)
        {
            return null;
        }

        var image = match.Groups["image"].Value;
        if (image.Contains('@', StringComparison.Ordinal) || image.Contains('$', StringComparison.Ordinal))
        {
            return null;
        }

        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        var repository = colon > slash ? image[..colon] : image;
        var tag = colon > slash ? image[(colon + 1)..] : null;
        if (tag is not (null or "latest") || !BaseImageTags.TryGet(repository, out var pinned))
        {
            return null;
        }

        edit[line] = match.Groups["head"].Value + repository + ":" + pinned + match.Groups["tail"].Value;
        return $"pinned the base image {image} to {repository}:{pinned}";
    }

    private static string? NoInstallRecommends(FileEdit edit, int line, int end)
    {
        var changed = false;
        for (var l = line; l <= end; l++)
        {
            var rewritten = AptGetInstall().Replace(edit[l], m => m.Value + " --no-install-recommends");
            if (rewritten != edit[l] && !edit[l].Contains("--no-install-recommends", StringComparison.Ordinal))
            {
                edit[l] = rewritten;
                changed = true;
            }
        }

        return changed ? "added --no-install-recommends to apt-get install" : null;
    }

    private static string? CleanAptLists(FileEdit edit, int line, int end)
    {
        if (ExecForm().IsMatch(edit[line]) || edit[line].Contains("<<", StringComparison.Ordinal))
        {
            return null;
        }

        var last = edit[end].TrimEnd();
        if (last.EndsWith('\\') || last.Contains('#', StringComparison.Ordinal))
        {
            return null;
        }

        edit[end] = last + AptListsCleanup;
        return "deleted the apt lists at the end of the RUN that updates them";
    }

    private static string? CopyForAdd(FileEdit edit, int line)
    {
        var text = edit[line];
        if (text.Contains("://", StringComparison.Ordinal) || text.Contains("--checksum", StringComparison.Ordinal)
            || text.Contains("--keep-git-dir", StringComparison.Ordinal) || ArchiveSource().IsMatch(text))
        {
            return null;
        }

        var rewritten = AddKeyword().Replace(text, "${indent}COPY", 1);
        if (rewritten == text)
        {
            return null;
        }

        edit[line] = rewritten;
        return "used COPY instead of ADD for local files";
    }

    private static string? ReplaceRootUser(FileEdit edit, int line)
    {
        var match = UserLine().Match(edit[line]);
        if (!match.Success)
        {
            return null;
        }

        edit[line] = match.Groups["head"].Value + UnprivilegedUser;
        return $"switched the last USER from root to {UnprivilegedUser}";
    }

    /// <summary>
    /// Before the final stage's first CMD or ENTRYPOINT that no RUN follows (build steps keep root), or at the end.
    /// <paramref name="from"/> is the final stage's FROM line, where the finding points.
    /// </summary>
    private static string? AddUser(FileEdit edit, int from)
    {
        var instruction = $"USER {UnprivilegedUser}";
        if (edit.InsertsAnywhere(instruction))
        {
            return null;
        }

        var lastRun = from;
        var continued = false;
        var starts = new List<(int Line, string Keyword)>();
        for (var l = from + 1; l <= edit.LineCount; l++)
        {
            var text = edit[l].TrimStart();
            if (!continued && Keyword().Match(text) is { Success: true } keyword)
            {
                starts.Add((l, keyword.Value.ToUpperInvariant()));
                if (keyword.Value.Equals("RUN", StringComparison.OrdinalIgnoreCase))
                {
                    lastRun = l;
                }
            }

            continued = text.TrimEnd().EndsWith('\\');
        }

        var before = starts.FirstOrDefault(s => s.Line > lastRun && s.Keyword is "CMD" or "ENTRYPOINT").Line;
        edit.InsertBefore(before == 0 ? edit.LineCount + 1 : before, instruction);
        return $"added {instruction} so the container does not run as root";
    }

    [GeneratedRegex(@"^(?<head>\s*FROM\s+(?:--\S+\s+)*)(?<image>\S+)(?<tail>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"\bapt-get(?:\s+-[-\w=]+)*\s+install\b")]
    private static partial Regex AptGetInstall();

    [GeneratedRegex(@"^\s*RUN\s+(?:--\S+\s+)*\[", RegexOptions.IgnoreCase)]
    private static partial Regex ExecForm();

    [GeneratedRegex(@"^(?<indent>\s*)ADD(?=\s)", RegexOptions.IgnoreCase)]
    private static partial Regex AddKeyword();

    [GeneratedRegex(@"\.(?:tar|tgz|tbz2?|txz|gz|bz2|xz|zst)(?:\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ArchiveSource();

    [GeneratedRegex(@"^(?<head>\s*USER\s+)(?:root|0)(?::\S+)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex UserLine();

    [GeneratedRegex(@"^[A-Za-z]+(?=\s|$)")]
    private static partial Regex Keyword();
}
