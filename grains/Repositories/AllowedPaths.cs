namespace Amas.Orleans.Repositories;

/// <summary>What a caller-supplied local path must be: a directory (repository targets) or a file (forensics).</summary>
internal enum AllowedPathKind
{
    Directory,
    File,
}

/// <summary>
/// The one check for caller-supplied local paths: absolute, no control characters, no <c>..</c> segments, and inside
/// an allowed root once every symbolic link is resolved (<see cref="RealPath"/>), then of the expected kind.
/// Containment is judged before existence, so a refusal says nothing about what exists outside the roots.
/// </summary>
internal static class AllowedPaths
{
    /// <summary>Null when the path is acceptable (with <paramref name="resolved"/> set), else a sentence starting with <paramref name="subject"/>.</summary>
    /// <param name="noRoots">The sentence when no root is configured at all.</param>
    public static string? Problem(
        string path, IEnumerable<string> roots, AllowedPathKind kind, string subject, string noRoots, out string resolved)
    {
        resolved = "";
        if (path.Any(char.IsControl))
        {
            return $"{subject} must not contain control characters.";
        }

        if (!Path.IsPathFullyQualified(path))
        {
            return $"{subject} must be absolute.";
        }

        if (RealPath.HasParentSegment(path))
        {
            return $"{subject} must not contain '..' segments.";
        }

        var configured = roots.ToList();
        if (configured.Count == 0)
        {
            return noRoots;
        }

        string real;
        IReadOnlyList<string> realRoots;
        try
        {
            real = RealPath.Resolve(path);
            // Relative roots fail options validation at start-up; here they simply match nothing.
            realRoots = configured.Where(Path.IsPathFullyQualified).Select(RealPath.Resolve).ToList();
        }
        catch (IOException ex)
        {
            return $"{subject} could not be resolved: {ex.Message}";
        }

        if (!realRoots.Any(root => RealPath.IsInside(real, root)))
        {
            return $"{subject} is not inside an allowed root (after resolving symbolic links).";
        }

        resolved = real;
        return (kind, Directory.Exists(real), File.Exists(real)) switch
        {
            (AllowedPathKind.Directory, true, _) or (AllowedPathKind.File, _, true) => null,
            (AllowedPathKind.Directory, _, true) => $"{subject} is a file, not a directory.",
            (AllowedPathKind.File, true, _) => $"{subject} is a directory, not a file.",
            _ => $"{subject} does not exist.",
        };
    }
}
