namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Splits a lexed file into tokens: words (keywords, identifiers, numbers), operators by longest match, and each
/// string, character, template or regex literal as one token where the lexer found it. Comments are already blank.
/// </summary>
internal static class LexicalTokenizer
{
    // Longest first, so ">>=" is not read as ">>" and "=".
    private static readonly string[] Operators =
    [
        ">>>=",
        "===", "!==", "...", "<<=", ">>=", ">>>", "**=", "//=", "&&=", "||=", "??=", "<=>", "&^=",
        "=>", "->", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=",
        "|=", "^=", "<<", ">>", "::", ":=", "**", "//", "<-", "&^", "..",
    ];

    public static CodeToken[] Tokenize(LexedSource source, LexicalSyntax syntax, CancellationToken cancellationToken)
    {
        var code = source.Code;
        var literals = source.Literals;
        var tokens = new List<CodeToken>(code.Length / 4);
        var nextLiteral = 0;
        var i = 0;
        while (i < code.Length)
        {
            if ((tokens.Count & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (nextLiteral < literals.Count && literals[nextLiteral].Start <= i)
            {
                var (start, end) = literals[nextLiteral++];
                if (end > i)
                {
                    tokens.Add(new CodeToken(start, end - start, CodeTokenKind.Text));
                    i = end;
                }

                continue;
            }

            var c = code[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var length = c switch
            {
                _ when char.IsDigit(c) || c == '.' && i + 1 < code.Length && char.IsDigit(code[i + 1]) => NumberLength(code, i),
                _ when HeaderToken.IsWordChar(c) => WordLength(code, i),
                _ => OperatorLength(code, i),
            };
            tokens.Add(new CodeToken(i, length, Kind(code, i, length, syntax)));
            i += length;
        }

        return [.. tokens];
    }

    private static CodeTokenKind Kind(string code, int start, int length, LexicalSyntax syntax)
    {
        var c = code[start];
        if (char.IsDigit(c) || c == '.' && length > 1 && char.IsDigit(code[start + 1]))
        {
            return CodeTokenKind.Number;
        }

        if (!HeaderToken.IsWordChar(c))
        {
            return CodeTokenKind.Operator;
        }

        return syntax.IsKeyword(code.AsSpan(start, length)) ? CodeTokenKind.Keyword : CodeTokenKind.Identifier;
    }

    private static int WordLength(string code, int start)
    {
        var end = start + 1;
        while (end < code.Length && HeaderToken.IsWordChar(code[end]))
        {
            end++;
        }

        return end - start;
    }

    /// <summary>Digits, letters, underscores and dots (<c>0x1F</c>, <c>1_000L</c>, <c>2.5e-3</c>).</summary>
    private static int NumberLength(string code, int start)
    {
        var end = start + 1;
        while (end < code.Length)
        {
            var c = code[end];
            if (char.IsLetterOrDigit(c) || c is '_' or '.' && end + 1 < code.Length && char.IsDigit(code[end + 1]))
            {
                end++;
            }
            else if (c is '+' or '-' && code[end - 1] is 'e' or 'E' or 'p' or 'P' && !IsHex(code, start))
            {
                end++;
            }
            else
            {
                break;
            }
        }

        return end - start;
    }

    private static bool IsHex(string code, int start) =>
        start + 1 < code.Length && code[start] == '0' && code[start + 1] is 'x' or 'X';

    private static int OperatorLength(string code, int start)
    {
        foreach (var op in Operators)
        {
            if (start + op.Length <= code.Length && string.CompareOrdinal(code, start, op, 0, op.Length) == 0)
            {
                return op.Length;
            }
        }

        return 1;
    }
}
