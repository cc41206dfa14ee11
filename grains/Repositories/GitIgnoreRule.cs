using System.Text.RegularExpressions;

namespace Amas.Orleans.Repositories;

/// <summary>One pattern line of a .gitignore (or .git/info/exclude), bound to the directory whose file held it.</summary>
/// <param name="BaseDirectory">Relative to the repository root, forward slashes, "" for the root.</param>
internal sealed record GitIgnoreRule(string BaseDirectory, Regex Pattern, bool Negated, bool DirectoryOnly)
{
    /// <summary>The rule for one line, or null for blank lines, comments and lines that are only "!" or "/".</summary>
    public static GitIgnoreRule? Parse(string baseDirectory, string line)
    {
        var text = TrimUnescapedTrailingSpaces(line.TrimEnd('\r'));
        if (text.Length == 0 || text[0] == '#')
        {
            return null;
        }

        var negated = text[0] == '!';
        if (negated)
        {
            text = text[1..];
        }
        else if (text.StartsWith("\\#", StringComparison.Ordinal) || text.StartsWith("\\!", StringComparison.Ordinal))
        {
            text = text[1..];
        }

        var directoryOnly = text.EndsWith('/');
        text = text.TrimEnd('/');
        // A slash at the start or in the middle anchors the pattern to the .gitignore's directory; otherwise it
        // matches a name at any depth below it.
        var anchored = text.Contains('/', StringComparison.Ordinal);
        text = text.TrimStart('/');
        if (text.Length == 0)
        {
            return null;
        }

        var regex = (anchored ? "^" : "^(?:.*/)?") + GlobTranslator.ToRegex(text) + "$";
        return new GitIgnoreRule(baseDirectory, new Regex(regex, GlobTranslator.Options), negated, directoryOnly);
    }

    /// <summary>Whether this line speaks about <paramref name="relativePath"/> (from the root), ignoring or re-including it.</summary>
    public bool Matches(string relativePath, bool isDirectory)
    {
        if (DirectoryOnly && !isDirectory)
        {
            return false;
        }

        if (BaseDirectory.Length == 0)
        {
            return Pattern.IsMatch(relativePath);
        }

        return relativePath.Length > BaseDirectory.Length + 1
            && relativePath[BaseDirectory.Length] == '/'
            && relativePath.StartsWith(BaseDirectory, StringComparison.Ordinal)
            && Pattern.IsMatch(relativePath.AsSpan(BaseDirectory.Length + 1));
    }

    private static string TrimUnescapedTrailingSpaces(string line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] == ' ' && !(end > 1 && line[end - 2] == '\\'))
        {
            end--;
        }

        return line[..end];
    }
}
