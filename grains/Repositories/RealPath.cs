namespace Amas.Orleans.Repositories;

/// <summary>
/// Resolves a path to the one the kernel would open, following every symbolic link in every component, so a
/// containment check cannot be fooled by a link in the middle of a path (which <see cref="Path.GetFullPath(string)"/>
/// and a single <see cref="FileSystemInfo.ResolveLinkTarget(bool)"/> both miss).
/// </summary>
internal static class RealPath
{
    // Linux gives up after 40 links (ELOOP); a cycle must fail rather than spin.
    private const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>
    /// The fully resolved form of an absolute path. Components that do not exist are kept as they are (nothing
    /// below them can be a link), so the caller still has to check existence.
    /// </summary>
    /// <exception cref="IOException">More than <see cref="MaxLinks"/> links were followed.</exception>
    public static string Resolve(string absolutePath)
    {
        if (!Path.IsPathFullyQualified(absolutePath))
        {
            throw new ArgumentException("The path must be absolute.", nameof(absolutePath));
        }

        var current = Path.GetPathRoot(absolutePath)!;
        var pending = new Stack<string>();
        PushComponents(pending, absolutePath[current.Length..]);
        var linksFollowed = 0;

        while (pending.TryPop(out var component))
        {
            if (component.Length == 0 || component == ".")
            {
                continue;
            }

            if (component == "..")
            {
                // Physical semantics: ".." leaves the directory the links led to, not the one the text named.
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var candidate = Path.Join(current, component);
            var target = new FileInfo(candidate).LinkTarget;
            if (target is null)
            {
                current = candidate;
                continue;
            }

            if (++linksFollowed > MaxLinks)
            {
                throw new IOException($"Too many levels of symbolic links resolving '{absolutePath}'.");
            }

            // The link's text replaces this component: relative targets continue from the link's directory,
            // absolute ones from their own root.
            if (Path.IsPathRooted(target))
            {
                var targetRoot = Path.GetPathRoot(target)!;
                current = targetRoot;
                PushComponents(pending, target[targetRoot.Length..]);
            }
            else
            {
                PushComponents(pending, target);
            }
        }

        return current;
    }

    /// <summary>
    /// Whether <paramref name="path"/> is <paramref name="root"/> or below it, both already resolved. Ordinal, and
    /// with a trailing separator, so "/srv/repos-evil" is not inside "/srv/repos".
    /// </summary>
    public static bool IsInside(string path, string root)
    {
        var trimmedRoot = TrimEndingSeparators(root);
        var trimmedPath = TrimEndingSeparators(path);
        if (string.Equals(trimmedPath, trimmedRoot, StringComparison.Ordinal))
        {
            return true;
        }

        var prefix = trimmedRoot.EndsWith(Path.DirectorySeparatorChar) ? trimmedRoot : trimmedRoot + Path.DirectorySeparatorChar;
        return trimmedPath.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>Whether the text names a ".." component anywhere, before any resolution.</summary>
    public static bool HasParentSegment(string path) => path.Split(Separators).Any(segment => segment == "..");

    private static string TrimEndingSeparators(string path)
    {
        var root = Path.GetPathRoot(path) ?? string.Empty;
        var end = path.Length;
        while (end > root.Length && Array.IndexOf(Separators, path[end - 1]) >= 0)
        {
            end--;
        }

        return path[..end];
    }

    private static void PushComponents(Stack<string> pending, string relative)
    {
        var components = relative.Split(Separators);
        for (var i = components.Length - 1; i >= 0; i--)
        {
            pending.Push(components[i]);
        }
    }
}
