using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Amas.Orleans.Repositories;

/// <summary>
/// Turns the body of a git-style glob into a regular expression over '/'-separated relative paths: <c>*</c> and
/// <c>?</c> stay inside one segment, <c>**</c> as a whole segment spans any number of them, <c>[a-z]</c> and
/// <c>[!a-z]</c> are classes, and a backslash quotes the next character.
/// </summary>
internal static class GlobTranslator
{
    /// <summary>
    /// Patterns come from the repository under analysis, which may be hostile: NonBacktracking keeps matching linear.
    /// </summary>
    public const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    public static string ToRegex(string glob)
    {
        var regex = new StringBuilder();
        var i = 0;
        while (i < glob.Length)
        {
            var c = glob[i];
            if (c == '*')
            {
                i = AppendStars(glob, i, regex);
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
                i++;
            }
            else if (c == '[' && TryAppendClass(glob, i, regex, out var next))
            {
                i = next;
            }
            else if (c == '\\' && i + 1 < glob.Length)
            {
                regex.Append(Regex.Escape(glob[i + 1].ToString()));
                i += 2;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
                i++;
            }
        }

        return regex.ToString();
    }

    private static int AppendStars(string glob, int start, StringBuilder regex)
    {
        var end = start;
        while (end < glob.Length && glob[end] == '*')
        {
            end++;
        }

        // Only "**" standing alone between separators is the any-depth wildcard; "a**b" is an ordinary star.
        var wholeSegmentStart = start == 0 || glob[start - 1] == '/';
        if (end - start >= 2 && wholeSegmentStart)
        {
            if (end == glob.Length)
            {
                regex.Append(".*");
                return end;
            }

            if (glob[end] == '/')
            {
                regex.Append("(?:[^/]*/)*");
                return end + 1;
            }
        }

        regex.Append("[^/]*");
        return end;
    }

    private static bool TryAppendClass(string glob, int start, StringBuilder regex, out int next)
    {
        var i = start + 1;
        var negated = i < glob.Length && (glob[i] == '!' || glob[i] == '^');
        if (negated)
        {
            i++;
        }

        var contentStart = i;
        // A ']' right after the opening bracket is a member, not the end.
        if (i < glob.Length && glob[i] == ']')
        {
            i++;
        }

        while (i < glob.Length && glob[i] != ']')
        {
            i++;
        }

        if (i >= glob.Length || i == contentStart)
        {
            next = start;
            return false;
        }

        regex.Append(negated ? "[^/" : "[");
        for (var k = contentStart; k < i; k++)
        {
            var member = glob[k];
            var isRange = member == '-' && k > contentStart && k < i - 1;
            regex.Append(isRange ? "-" : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)member:X4}"));
        }

        regex.Append(']');
        next = i + 1;
        return true;
    }
}
