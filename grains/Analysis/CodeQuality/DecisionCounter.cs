namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Counts decision points in blanked code: the language's decision words (<see cref="LexicalSyntax.DecisionWords"/>),
/// <c>&amp;&amp;</c> and <c>||</c>, <c>??</c>, and a <c>?</c> that reads as the conditional operator (not
/// <c>?.</c>, <c>?:</c>, a TypeScript optional <c>x?:</c>, a Java wildcard <c>&lt;?&gt;</c>, a nullable type).
/// </summary>
internal static class DecisionCounter
{
    /// <param name="excluded">Sorted, non-overlapping [start, end) ranges to skip: nested functions.</param>
    public static int Count(string code, int start, int end, IReadOnlyList<(int Start, int End)> excluded, LexicalSyntax syntax)
    {
        var count = 0;
        var next = 0;
        var i = start;
        while (i < end)
        {
            while (next < excluded.Count && excluded[next].End <= i)
            {
                next++;
            }

            if (next < excluded.Count && excluded[next].Start <= i)
            {
                i = excluded[next].End;
                continue;
            }

            var c = code[i];
            if (HeaderToken.IsWordChar(c) && (i == 0 || !HeaderToken.IsWordChar(code[i - 1])))
            {
                var wordEnd = i;
                while (wordEnd < code.Length && HeaderToken.IsWordChar(code[wordEnd]))
                {
                    wordEnd++;
                }

                if (syntax.DecisionWords.Contains(code[i..wordEnd]))
                {
                    count++;
                }

                i = wordEnd;
                continue;
            }

            var pair = i + 1 < code.Length ? code.AsSpan(i, 2) : [];
            if (syntax.LogicalOperators && (pair.SequenceEqual("&&") || pair.SequenceEqual("||"))
                || syntax.ConditionalOperators && pair.SequenceEqual("??"))
            {
                count++;
                i += 2;
                continue;
            }

            if (syntax.ConditionalOperators && c == '?' && IsConditional(code, i))
            {
                count++;
            }

            i++;
        }

        return count;
    }

    private static bool IsConditional(string code, int at)
    {
        if (at + 1 < code.Length && code[at + 1] is '.' or ':')
        {
            return false;
        }

        var before = at - 1;
        while (before >= 0 && char.IsWhiteSpace(code[before]))
        {
            before--;
        }

        if (before < 0 || code[before] is '<' or ',' or '(')
        {
            return false;
        }

        var after = at + 1;
        while (after < code.Length && char.IsWhiteSpace(code[after]))
        {
            after++;
        }

        if (after >= code.Length || code[after] is ')' or ',' or '>' or ']' or ';' or '=' or '{' or '}')
        {
            return false;
        }

        var rest = code.AsSpan(after);
        return !StartsWithWord(rest, "extends") && !StartsWithWord(rest, "super");
    }

    private static bool StartsWithWord(ReadOnlySpan<char> text, string word) =>
        text.StartsWith(word, StringComparison.Ordinal)
        && (text.Length == word.Length || !HeaderToken.IsWordChar(text[word.Length]));
}
