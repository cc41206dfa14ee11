using System.Text.RegularExpressions;

namespace Amas.Orleans.Repositories;

/// <summary>
/// A path pattern for allowlists, read like a .gitignore line without negation: a pattern without '/' matches a
/// file or directory name at any depth (<c>*.lock</c>, <c>testdata</c>), one with '/' matches from the root
/// (<c>docs/examples/**</c>, <c>**/fixtures/*.json</c>). A match on a directory covers everything below it.
/// </summary>
public sealed class PathGlob
{
    private readonly Regex _regex;

    public PathGlob(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Pattern = pattern;
        var body = pattern.Trim();
        if (body.StartsWith("./", StringComparison.Ordinal))
        {
            body = body[2..];
        }

        body = body.Trim('/');
        var anchored = body.Contains('/', StringComparison.Ordinal);
        _regex = new Regex((anchored ? "^" : "^(?:.*/)?") + GlobTranslator.ToRegex(body) + "$", GlobTranslator.Options);
    }

    public string Pattern { get; }

    /// <summary>Whether <paramref name="relativePath"/> (forward slashes) or one of its parent directories matches.</summary>
    public bool Matches(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = relativePath.Replace('\\', '/').TrimStart('/');
        while (path.Length > 0)
        {
            if (_regex.IsMatch(path))
            {
                return true;
            }

            var slash = path.LastIndexOf('/');
            path = slash < 0 ? "" : path[..slash];
        }

        return false;
    }

    public override string ToString() => Pattern;
}
