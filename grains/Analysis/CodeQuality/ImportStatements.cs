namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Finds the import lines of the lexed languages (<c>import …</c>, <c>package …</c>, Python's <c>from … import</c>,
/// C's <c>#include</c>), brackets continued over several lines included. Every file starts with a similar block of
/// them, and copy detection leaves them out so that two files are not called copies for sharing their imports.
/// </summary>
internal static class ImportStatements
{
    public static bool[] Mark(string text, IReadOnlyList<CodeToken> tokens, int[] lines, SourceLanguage language)
    {
        var skip = new bool[tokens.Count];
        var i = 0;
        while (i < tokens.Count)
        {
            var startsLine = i == 0 || lines[i - 1] != lines[i];
            if (!startsLine || !StartsImport(text, tokens, i, language))
            {
                i++;
                continue;
            }

            var line = lines[i];
            var depth = 0;
            for (; i < tokens.Count && (lines[i] == line || depth > 0); i++)
            {
                skip[i] = true;
                if (tokens[i].Kind == CodeTokenKind.Operator && tokens[i].Length == 1)
                {
                    depth += text[tokens[i].Offset] switch
                    {
                        '(' or '[' or '{' => 1,
                        ')' or ']' or '}' => depth > 0 ? -1 : 0,
                        _ => 0,
                    };
                }
            }
        }

        return skip;
    }

    private static bool StartsImport(string text, IReadOnlyList<CodeToken> tokens, int at, SourceLanguage language)
    {
        var word = tokens[at].TextIn(text);
        if (word.SequenceEqual("#"))
        {
            return at + 1 < tokens.Count && tokens[at + 1].TextIn(text) is "include" or "import";
        }

        return word is "import" or "package"
            || language == SourceLanguage.Python && word.SequenceEqual("from");
    }
}
