namespace Amas.Orleans.Repositories;

/// <summary>
/// The ignore rules in force in one directory of a walk: .git/info/exclude, then every .gitignore from the root
/// down. Immutable, so each directory extends its parent's rules without disturbing siblings.
/// </summary>
/// <remarks>
/// As in git, the last matching line wins, deeper files come later than shallower ones, and a file below an
/// ignored directory cannot be re-included, because the walk never enters that directory.
/// </remarks>
public sealed class GitIgnore
{
    private readonly IReadOnlyList<GitIgnoreRule> _rules;

    private GitIgnore(IReadOnlyList<GitIgnoreRule> rules) => _rules = rules;

    public static GitIgnore Empty { get; } = new([]);

    public int Count => _rules.Count;

    /// <summary>These rules followed by the lines of an ignore file held in <paramref name="baseDirectory"/>.</summary>
    public GitIgnore With(string baseDirectory, string content)
    {
        ArgumentNullException.ThrowIfNull(baseDirectory);
        ArgumentNullException.ThrowIfNull(content);
        var added = content.Split('\n')
            .Select(line => GitIgnoreRule.Parse(baseDirectory.Trim('/'), line))
            .OfType<GitIgnoreRule>()
            .ToList();
        return added.Count == 0 ? this : new GitIgnore([.. _rules, .. added]);
    }

    /// <summary>Whether <paramref name="relativePath"/> (from the root, forward slashes) is ignored.</summary>
    public bool IsIgnored(string relativePath, bool isDirectory)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        for (var i = _rules.Count - 1; i >= 0; i--)
        {
            if (_rules[i].Matches(relativePath, isDirectory))
            {
                return !_rules[i].Negated;
            }
        }

        return false;
    }
}
