using System.Text.RegularExpressions;
using Amas.Orleans.Repositories;

namespace Amas.Orleans.Analysis.Findings;

/// <summary>
/// A repository's suppression file, <see cref="FileName"/> at its root: one suppression per line, three fields
/// separated by white space, the reason being the rest of the line; blank lines and lines starting with '#' are skipped.
/// <code>
/// # rule                      path glob            reason
/// secret/generic-assignment   tests/fixtures/**    fixture passwords, never deployed
/// DL3007                      deploy/dev/**        the dev image follows latest on purpose
/// code/*                      third_party/**       vendored code, reported upstream
/// </code>
/// The rule is an id, an id prefix ending in '*', or '*'. The path is a glob relative to the root as in .gitignore
/// (no leading '/', no '..'). A line that does not read so is refused with a message naming it, and the rest still apply.
/// </summary>
public static partial class SuppressionFile
{
    public const string FileName = ".amas-suppressions";

    /// <summary>A suppression file is a few lines; anything larger is refused rather than read.</summary>
    public const int MaxBytes = 64 * 1024;

    public const int MaxEntries = 1_000;

    public const int MaxReasonLength = 500;

    private const string Format = "'rule path-glob reason'";

    /// <summary>The suppressions of the repository at <paramref name="repositoryRoot"/>; none when it has no file.</summary>
    public static async Task<SuppressionList> LoadAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        var file = new FileInfo(Path.Combine(repositoryRoot, FileName));
        if (!file.Exists && file.LinkTarget is null)
        {
            return SuppressionList.None;
        }

        // A link could make us read a file outside the checkout.
        if (file.LinkTarget is not null)
        {
            return new([], [$"{FileName} is a symbolic link: it is not followed, and no suppression applies."]);
        }

        if (file.Length > MaxBytes)
        {
            return new([], [$"{FileName} is larger than {MaxBytes} bytes: it is not read, and no suppression applies."]);
        }

        try
        {
            return Parse((await FileText.ReadAsync(file.FullName, cancellationToken)).Text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new([], [$"{FileName} could not be read ({e.Message}): no suppression applies."]);
        }
    }

    public static SuppressionList Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<SuppressionEntry>();
        var problems = new List<string>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (entries.Count == MaxEntries)
            {
                problems.Add($"{FileName}:{i + 1}: more than {MaxEntries} suppressions; this line and those after it are not read.");
                break;
            }

            var fields = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            if (Check(line, fields) is { } problem)
            {
                problems.Add($"{FileName}:{i + 1}: {problem}");
            }
            else
            {
                entries.Add(new SuppressionEntry(new RulePattern(fields[0]), fields[1], fields[2].Trim(), i + 1));
            }
        }

        return new SuppressionList(entries, problems);
    }

    /// <summary>Null when the line is a valid suppression; otherwise what is wrong with it.</summary>
    private static string? Check(string line, string[] fields)
    {
        if (fields.Length < 3)
        {
            return fields.Length == 2
                ? $"no reason given for '{Shown(line)}': every suppression says why ({Format})."
                : $"'{Shown(line)}' is not {Format}.";
        }

        var (rule, path, reason) = (fields[0], fields[1], fields[2].Trim());
        if (!RuleText().IsMatch(rule))
        {
            return $"'{Shown(rule)}' is not a rule id, an id prefix ending in '*', or '*'.";
        }

        if (path.StartsWith('/') || path.StartsWith('\\') || path.StartsWith('~') || path.Contains(':', StringComparison.Ordinal))
        {
            return $"'{Shown(path)}' is not relative to the repository root (write it without a leading '/', '~' or drive).";
        }

        if (path.Replace('\\', '/').Split('/').Contains(".."))
        {
            return $"'{Shown(path)}' leaves the repository through '..'.";
        }

        if (reason.Length > MaxReasonLength)
        {
            return $"the reason is longer than {MaxReasonLength} characters.";
        }

        try
        {
            _ = path is "*" or "**" ? null : new PathGlob(path);
        }
        catch (ArgumentException e)
        {
            return $"'{Shown(path)}' is not a usable glob: {e.Message}";
        }

        return null;
    }

    private static string Shown(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");

    [GeneratedRegex(@"^(?:\*|[A-Za-z0-9][A-Za-z0-9_./\-]*\*?)$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleText();
}
