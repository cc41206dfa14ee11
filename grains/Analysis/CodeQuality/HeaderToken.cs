namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>A word or operator of the code in front of a block, with its offset in the file.</summary>
internal readonly record struct HeaderToken(string Text, int Offset)
{
    private static readonly string[] Operators =
        ["===", "!==", "...", "=>", "->", "==", "!=", "<=", ">=", "::", ":=", "&&", "||", "??"];

    public bool IsWord => Text.Length > 0 && IsWordChar(Text[0]) && !char.IsDigit(Text[0]);

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    /// <summary>Splits blanked code (no comments or strings left) into words and operators.</summary>
    public static List<HeaderToken> Split(string code, int start, int end)
    {
        var tokens = new List<HeaderToken>();
        var i = start;
        while (i < end)
        {
            var c = code[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var length = 1;
            if (IsWordChar(c) || c == '#')
            {
                while (i + length < end && IsWordChar(code[i + length]))
                {
                    length++;
                }
            }
            else
            {
                foreach (var op in Operators)
                {
                    if (i + op.Length <= end && string.CompareOrdinal(code, i, op, 0, op.Length) == 0)
                    {
                        length = op.Length;
                        break;
                    }
                }
            }

            tokens.Add(new HeaderToken(code.Substring(i, length), i));
            i += length;
        }

        return tokens;
    }

    /// <summary>Index of the bracket closing the one at <paramref name="open"/>, or -1 when it is never closed.</summary>
    public static int Closing(List<HeaderToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            switch (tokens[i].Text)
            {
                case "(" or "[":
                    depth++;
                    break;
                case ")" or "]":
                    depth--;
                    if (depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return -1;
    }
}
