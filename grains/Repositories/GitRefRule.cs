namespace Amas.Orleans.Repositories;

/// <summary>
/// Which ref names a caller may hand to git. Stricter than <c>git check-ref-format</c> where a name could be read as
/// an option (leading '-') or as revision syntax ("..", "@{", '^', '~', ':'), because refs travel on git command lines.
/// </summary>
internal static class GitRefRule
{
    public const int MaxLength = 250;

    private const string ForbiddenCharacters = "~^:?*[\\";

    /// <summary>Null when the ref is acceptable, otherwise a sentence saying why it is not.</summary>
    public static string? Problem(string gitRef)
    {
        if (gitRef.Length == 0)
        {
            return "The ref must not be empty.";
        }

        if (gitRef.Length > MaxLength)
        {
            return $"The ref must be at most {MaxLength} characters long.";
        }

        if (gitRef[0] == '-')
        {
            return "The ref must not start with '-'.";
        }

        foreach (var c in gitRef)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                return "The ref must not contain whitespace or control characters.";
            }

            if (ForbiddenCharacters.Contains(c))
            {
                return $"The ref must not contain any of the characters {ForbiddenCharacters}.";
            }
        }

        if (gitRef.Contains("..", StringComparison.Ordinal))
        {
            return "The ref must not contain '..'.";
        }

        if (gitRef.Contains("@{", StringComparison.Ordinal) || gitRef == "@")
        {
            return "The ref must not contain '@{' or be '@'.";
        }

        if (gitRef[0] == '/' || gitRef[^1] == '/' || gitRef.Contains("//", StringComparison.Ordinal) ||
            gitRef[^1] == '.' || gitRef.EndsWith(".lock", StringComparison.Ordinal) ||
            gitRef.Contains("/.", StringComparison.Ordinal) || gitRef[0] == '.')
        {
            return "The ref is not a valid git ref name.";
        }

        return null;
    }

    /// <summary>A full object id: 40 hex digits (SHA-1) or 64 (SHA-256), lower or upper case.</summary>
    public static bool IsFullCommitId(string value) =>
        value.Length is 40 or 64 && value.All(char.IsAsciiHexDigit);
}
