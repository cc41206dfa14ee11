namespace Amas.Orleans.Analysis.Forensics;

/// <summary>
/// Whether a caller-supplied path lies under an allowed root once every symbolic link on the way is resolved, so a
/// link inside a root cannot lead outside it.
/// </summary>
public static class ForensicsPathPolicy
{
    private const int MaxLinks = 40;

    /// <summary>The real path when it lies under one of the roots, else null.</summary>
    public static string? Resolve(string path, IEnumerable<string> allowedRoots)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(allowedRoots);
        var real = RealPath(Path.GetFullPath(path));
        if (real is null)
        {
            return null;
        }

        foreach (var root in allowedRoots.Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            var realRoot = RealPath(Path.GetFullPath(root));
            if (realRoot is null)
            {
                continue;
            }

            var prefix = Path.EndsInDirectorySeparator(realRoot) ? realRoot : realRoot + Path.DirectorySeparatorChar;
            if (real.StartsWith(prefix, StringComparison.Ordinal))
            {
                return real;
            }
        }

        return null;
    }

    private static string? RealPath(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? "/";
        var pending = new Stack<string>(fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = root;
        var links = 0;
        while (pending.TryPop(out var segment))
        {
            if (segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                current = Path.GetDirectoryName(current.TrimEnd(Path.DirectorySeparatorChar)) ?? root;
                continue;
            }

            var next = Path.Combine(current, segment);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            var resolved = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
            var resolvedRoot = Path.GetPathRoot(resolved) ?? root;
            foreach (var part in resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(part);
            }

            current = resolvedRoot;
        }

        return current;
    }
}
