namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>Where string-like literals end, for <see cref="SourceLexer"/>; each returns an offset just past the literal.</summary>
internal static class LiteralEnds
{
    private const int MaxCharLiteralLength = 12;

    private static readonly HashSet<string> WordsBeforeRegex = new(StringComparer.Ordinal)
    {
        "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await",
    };

    public static int TripleQuotedEnd(string text, int pos)
    {
        var quote = text[pos];
        for (var i = pos + 3; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote && i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote)
            {
                return i + 3;
            }
        }

        return text.Length;
    }

    public static int QuotedEnd(string text, int pos)
    {
        var quote = text[pos];
        for (var i = pos + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                // A backslash before a CRLF continues the string over both characters.
                i += i + 2 < text.Length && text[i + 1] == '\r' && text[i + 2] == '\n' ? 2 : 1;
            }
            else if (c == quote)
            {
                return i + 1;
            }
            else if (c is '\n' or '\r')
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>
    /// A character literal holds one character (two for a surrogate pair) or an escape; anything else after a
    /// <c>'</c>, such as a Rust lifetime <c>'a</c>, is code.
    /// </summary>
    public static int? CharLiteralEnd(string text, int pos)
    {
        if (pos + 1 < text.Length && text[pos + 1] == '\\')
        {
            var limit = Math.Min(text.Length, pos + MaxCharLiteralLength + 1);
            for (var i = pos + 3; i < limit; i++)
            {
                if (text[i] == '\'')
                {
                    return i + 1;
                }

                if (text[i] is '\n' or '\r')
                {
                    return null;
                }
            }

            return null;
        }

        foreach (var width in (ReadOnlySpan<int>)[1, 2])
        {
            var close = pos + 1 + width;
            if (close < text.Length && text[close] == '\'' && text[pos + 1] is not ('\'' or '\n' or '\r')
                && (width == 1 || char.IsHighSurrogate(text[pos + 1])))
            {
                return close + 1;
            }
        }

        return null;
    }

    /// <summary>The end of a regex literal and its flags, or null when the line ends first (then it was division).</summary>
    public static int? RegexEnd(string text, int pos)
    {
        var inClass = false;
        for (var i = pos + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                return null;
            }

            if (c == '\\')
            {
                i++;
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == ']')
            {
                inClass = false;
            }
            else if (c == '/' && !inClass)
            {
                var end = i + 1;
                while (end < text.Length && char.IsLetter(text[end]))
                {
                    end++;
                }

                return end;
            }
        }

        return null;
    }

    /// <summary>A slash starts a regex where an operand is expected: after an operator, an opening bracket or a keyword.</summary>
    public static bool RegexMayStart(char[] code, int pos)
    {
        var i = pos - 1;
        while (i >= 0 && char.IsWhiteSpace(code[i]))
        {
            i--;
        }

        if (i < 0)
        {
            return true;
        }

        var before = code[i];
        if ("(,=:[!&|?{};+-*%<>~^".Contains(before))
        {
            return true;
        }

        var end = i + 1;
        while (i >= 0 && (char.IsLetterOrDigit(code[i]) || code[i] is '_' or '$'))
        {
            i--;
        }

        return end - i > 1 && WordsBeforeRegex.Contains(new string(code, i + 1, end - i - 1));
    }
}
