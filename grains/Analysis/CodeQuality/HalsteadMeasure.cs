namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Halstead volume and code lines of a stretch of tokens, the two inputs of the maintainability index besides
/// complexity. Volume is N × log2(n): N counts every operator and operand token, n the distinct ones (by text);
/// a closing bracket is not counted apart from its opening one. Code lines are the lines the tokens stand on. A
/// function is measured from its name to its end (modifiers and return type belong to the declaration), without the
/// functions nested in it, in every language alike.
/// </summary>
internal readonly record struct HalsteadMeasure(double Volume, int CodeLines)
{
    /// <param name="tokens">The file's tokens in order.</param>
    /// <param name="excluded">Sorted, non-overlapping [start, end) ranges to leave out: nested functions.</param>
    public static HalsteadMeasure Of(
        string text, IReadOnlyList<CodeToken> tokens, int start, int end, IReadOnlyList<(int Start, int End)> excluded, LineMap lines)
    {
        var operators = new HashSet<ulong>();
        var operands = new HashSet<ulong>();
        long total = 0;
        var codeLines = 0;
        var lastLine = 0;
        var next = 0;
        for (var i = FirstAtOrAfter(tokens, start); i < tokens.Count && tokens[i].Offset < end; i++)
        {
            var token = tokens[i];
            while (next < excluded.Count && excluded[next].End <= token.Offset)
            {
                next++;
            }

            if (next < excluded.Count && excluded[next].Start <= token.Offset)
            {
                continue;
            }

            var lastOfToken = lines.LineOf(token.End - 1);
            if (lastOfToken > lastLine)
            {
                codeLines += lastOfToken - Math.Max(lastLine, lines.LineOf(token.Offset) - 1);
                lastLine = lastOfToken;
            }

            if (token.IsClosingBracketIn(text))
            {
                continue;
            }

            total++;
            var hash = Hash(token.TextIn(text));
            (token.Kind is CodeTokenKind.Operator or CodeTokenKind.Keyword ? operators : operands).Add(hash);
        }

        var vocabulary = operators.Count + operands.Count;
        return new HalsteadMeasure(vocabulary == 0 ? 0 : total * Math.Log2(vocabulary), codeLines);
    }

    /// <summary>FNV-1a over the characters: distinctness by text without allocating a string per token.</summary>
    private static ulong Hash(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static int FirstAtOrAfter(IReadOnlyList<CodeToken> tokens, int offset)
    {
        int low = 0, high = tokens.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (tokens[middle].Offset < offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
