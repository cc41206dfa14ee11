namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// A file's tokens as copy detection compares them: every identifier is the same symbol, every number another and
/// every string a third, so a copy with renamed variables and changed constants still matches; keywords and
/// operators keep their text (as a 32-bit hash). <see cref="Lines"/> is each token's 1-based line. Import lines
/// are left out (<see cref="ImportStatements"/>; C#'s usings never reach here, see <see cref="CSharpTokens.OfCode"/>).
/// </summary>
internal sealed class CloneTokens(int[] ids, int[] lines)
{
    public const int IdentifierId = 1;
    public const int NumberId = 2;
    public const int TextId = 3;
    private const int FirstHashedId = 16;

    public int[] Ids { get; } = ids;

    public int[] Lines { get; } = lines;

    public int Count => Ids.Length;

    /// <summary>Tells two readings of the same file apart from two different files with as many tokens.</summary>
    public ulong Checksum()
    {
        var sum = 14695981039346656037UL;
        foreach (var id in Ids)
        {
            sum = (sum ^ (uint)id) * 1099511628211UL;
        }

        return sum;
    }

    public static CloneTokens From(string text, IReadOnlyList<CodeToken> tokens, LineMap lineMap, SourceLanguage language)
    {
        var allLines = new int[tokens.Count];
        var line = 1;
        for (var i = 0; i < tokens.Count; i++)
        {
            // Tokens come in order, so the line only moves forward.
            while (line < lineMap.Count && lineMap.StartOf(line + 1) <= tokens[i].Offset)
            {
                line++;
            }

            allLines[i] = line;
        }

        var skip = language == SourceLanguage.CSharp ? null : ImportStatements.Mark(text, tokens, allLines, language);
        var kept = skip is null ? tokens.Count : skip.Count(s => !s);
        var ids = new int[kept];
        var lines = kept == tokens.Count ? allLines : new int[kept];
        var next = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (skip is not null && skip[i])
            {
                continue;
            }

            var token = tokens[i];
            ids[next] = token.Kind switch
            {
                CodeTokenKind.Identifier => IdentifierId,
                CodeTokenKind.Number => NumberId,
                CodeTokenKind.Text => TextId,
                _ => HashedId(token.TextIn(text)),
            };
            lines[next++] = allLines[i];
        }

        return new CloneTokens(ids, lines);
    }

    private static int HashedId(ReadOnlySpan<char> text)
    {
        var hash = 2166136261U;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619U;
        }

        return (int)(hash < FirstHashedId ? hash + FirstHashedId : hash);
    }
}
