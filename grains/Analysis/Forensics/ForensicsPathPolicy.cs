using Amas.Orleans.Repositories;

namespace Amas.Orleans.Analysis.Forensics;

/// <summary>
/// Whether a caller-supplied path names a file under an allowed root once every symbolic link on the way is resolved,
/// so a link inside a root cannot lead outside it. The same rules as repository paths (<see cref="AllowedPaths"/>);
/// checked at submission and again right before the file is opened, in case a link changed in between.
/// </summary>
public static class ForensicsPathPolicy
{
    /// <summary>The real path when it names a file under one of the roots, else null.</summary>
    public static string? Resolve(string path, IEnumerable<string> allowedRoots)
        => Problem(path, allowedRoots, "The path", out var resolved) is null ? resolved : null;

    /// <summary>Null when acceptable (with <paramref name="resolved"/> set), else a sentence starting with <paramref name="subject"/>.</summary>
    public static string? Problem(string path, IEnumerable<string> allowedRoots, string subject, out string resolved)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(allowedRoots);
        return AllowedPaths.Problem(path, allowedRoots.Where(r => !string.IsNullOrWhiteSpace(r)), AllowedPathKind.File, subject,
            "Local files are not accepted: no allowed roots are configured (Amas:Forensics:AllowedRoots).", out resolved);
    }
}
