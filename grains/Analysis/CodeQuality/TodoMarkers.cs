namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Finds TODO, FIXME, HACK and XXX in comment text. Only upper case counts, as a whole word: "hack" or "todos" in
/// prose is not a marker. A comment line yields at most one marker, the first, so "TODO/FIXME" is one finding.
/// </summary>
internal static class TodoMarkers
{
    private static readonly string[] Words = ["TODO", "FIXME", "HACK", "XXX"];

    public const int MaxTextLength = 120;

    public static string? Find(ReadOnlySpan<char> comment)
    {
        string? found = null;
        var foundAt = int.MaxValue;
        foreach (var word in Words)
        {
            var at = IndexOfWord(comment, word);
            if (at >= 0 && at < foundAt)
            {
                found = word;
                foundAt = at;
            }
        }

        return found;
    }

    /// <summary>The comment line without delimiters (//, #, /*, */, leading *), trimmed and cut to 120 characters.</summary>
    public static string Describe(ReadOnlySpan<char> comment)
    {
        var text = comment.Trim();
        foreach (var opener in (ReadOnlySpan<string>)["///", "//", "/**", "/*", "#", "*"])
        {
            if (text.StartsWith(opener, StringComparison.Ordinal))
            {
                text = text[opener.Length..].TrimStart();
                break;
            }
        }

        if (text.EndsWith("*/", StringComparison.Ordinal))
        {
            text = text[..^2].TrimEnd();
        }

        return text.Length <= MaxTextLength ? text.ToString() : text[..MaxTextLength].ToString();
    }

    private static int IndexOfWord(ReadOnlySpan<char> text, string word)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var at = text[offset..].IndexOf(word, StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }

            var start = offset + at;
            var end = start + word.Length;
            var boundedBefore = start == 0 || !IsWordChar(text[start - 1]);
            var boundedAfter = end == text.Length || !IsWordChar(text[end]);
            if (boundedBefore && boundedAfter)
            {
                return start;
            }

            offset = start + 1;
        }

        return -1;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
