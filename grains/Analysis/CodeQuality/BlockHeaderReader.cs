namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Decides from the tokens in front of a brace whether it opens a control block, a named function, or neither.
/// Recognised functions: JavaScript/TypeScript <c>function</c> declarations and expressions, arrow functions and
/// function expressions assigned to a name or property, and class/object methods; Go <c>func</c> and methods;
/// Java and other C-like method headers (<c>modifiers type name(params) throws … {</c>). Anonymous callbacks and
/// lambdas are not functions: they count towards the function that contains them.
/// </summary>
internal static class BlockHeaderReader
{
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "if", "else", "for", "foreach", "while", "do", "switch", "case", "catch", "try", "finally", "synchronized",
        "return", "new", "sizeof", "typeof", "throw", "using", "lock", "when", "assert", "function", "with", "await",
        "yield", "delete", "void", "in", "of", "instanceof", "select", "go", "defer", "super", "this",
    };

    private static readonly HashSet<string> JavaScriptModifiers = new(StringComparer.Ordinal)
    {
        "async", "static", "get", "set", "public", "private", "protected", "readonly", "override", "abstract", "*",
    };

    private static readonly HashSet<string> DeclarationWords = new(StringComparer.Ordinal)
    {
        "new", "class", "struct", "enum", "interface", "record", "union", "return", "throw", "extends", "implements",
    };

    private static readonly HashSet<string> CLikeTails = new(StringComparer.Ordinal)
    {
        "throws", "const", "noexcept", "override", "final", "mutable", "->", ":", "where", "&", "&&",
    };

    public static BlockHeader Read(List<HeaderToken> tokens, LexicalSyntax syntax)
    {
        if (tokens.Count == 0)
        {
            return BlockHeader.Plain;
        }

        if (syntax.ControlWords.Contains(tokens[0].Text))
        {
            return BlockHeader.Control;
        }

        return syntax.Language switch
        {
            SourceLanguage.JavaScript or SourceLanguage.TypeScript => JavaScript(tokens),
            SourceLanguage.Go => Go(tokens),
            _ => CLike(tokens),
        };
    }

    /// <summary>The name a function expression or arrow is bound to (<c>const f =</c>, <c>this.f =</c>, <c>f:</c>).</summary>
    /// <param name="allowProperty">
    /// Whether <c>name: …</c> counts; it does not for expression-bodied arrows, which in TypeScript are as often
    /// types (<c>onClick: () =&gt; void</c>) as object members.
    /// </param>
    public static HeaderToken? AssignedName(List<HeaderToken> tokens, int before, bool allowProperty = true)
    {
        var depth = 0;
        var assignment = -1;
        for (var i = 0; i < before; i++)
        {
            switch (tokens[i].Text)
            {
                case "(" or "[" or "<":
                    depth++;
                    break;
                case ")" or "]" or ">":
                    depth = Math.Max(0, depth - 1);
                    break;
                case "=" or ":=" when depth == 0:
                    assignment = i;
                    break;
            }
        }

        if (assignment < 0)
        {
            return allowProperty && before >= 2 && tokens[0].IsWord && tokens[1].Text == ":" ? tokens[0] : null;
        }

        if (tokens.Take(assignment).Any(t => t.Text == "type"))
        {
            return null;
        }

        for (var i = assignment - 1; i >= 0; i--)
        {
            if (tokens[i].Text is "const" or "let" or "var" && i + 1 < assignment && tokens[i + 1].IsWord)
            {
                return tokens[i + 1];
            }
        }

        if (assignment == 0)
        {
            return null;
        }

        var target = tokens[assignment - 1];
        return target.IsWord && !NotNames.Contains(target.Text) ? target : null;
    }

    private static BlockHeader JavaScript(List<HeaderToken> tokens)
    {
        var function = tokens.FindIndex(t => t.Text == "function");
        if (function >= 0)
        {
            var next = function + 1;
            if (next < tokens.Count && tokens[next].Text == "*")
            {
                next++;
            }

            if (next < tokens.Count && tokens[next].IsWord)
            {
                return BlockHeader.Function(tokens[next]);
            }

            return Named(AssignedName(tokens, function));
        }

        return tokens[^1].Text == "=>" ? Named(AssignedName(tokens, tokens.Count - 1)) : JavaScriptMethod(tokens);
    }

    /// <summary><c>async save(item) {</c>, <c>get total(): number {</c>: modifiers, a name, parameters, a return type.</summary>
    private static BlockHeader JavaScriptMethod(List<HeaderToken> tokens)
    {
        var open = tokens.FindIndex(t => t.Text == "(");
        var name = open - 1;
        if (name > 0 && tokens[name].Text == ">")
        {
            name = tokens.FindLastIndex(name, t => t.Text == "<") - 1;
        }

        if (name < 0 || !tokens[name].IsWord && !tokens[name].Text.StartsWith('#') || NotNames.Contains(tokens[name].Text))
        {
            return BlockHeader.Plain;
        }

        for (var i = 0; i < name; i++)
        {
            if (!JavaScriptModifiers.Contains(tokens[i].Text))
            {
                return BlockHeader.Plain;
            }
        }

        var close = HeaderToken.Closing(tokens, open);
        var tailIsReturnType = close == tokens.Count - 1
            || close > 0 && tokens[close + 1].Text == ":" && !tokens.Skip(close).Any(t => t.Text is "=>" or "=");
        return tailIsReturnType ? BlockHeader.Function(tokens[name]) : BlockHeader.Plain;
    }

    private static BlockHeader Go(List<HeaderToken> tokens)
    {
        var func = tokens.FindIndex(t => t.Text == "func");
        if (func < 0 || func + 1 >= tokens.Count)
        {
            return BlockHeader.Plain;
        }

        if (tokens[func + 1].IsWord)
        {
            return BlockHeader.Function(tokens[func + 1]);
        }

        if (tokens[func + 1].Text != "(")
        {
            return BlockHeader.Plain;
        }

        var receiverEnd = HeaderToken.Closing(tokens, func + 1);
        if (receiverEnd > 0 && receiverEnd + 2 < tokens.Count && tokens[receiverEnd + 1].IsWord
            && tokens[receiverEnd + 2].Text is "(" or "[")
        {
            var receiver = ReceiverType(tokens, func + 2, receiverEnd);
            var method = tokens[receiverEnd + 1];
            return BlockHeader.Function(method, receiver is null ? method.Text : $"{receiver}.{method.Text}");
        }

        return Named(AssignedName(tokens, func));
    }

    private static BlockHeader CLike(List<HeaderToken> tokens)
    {
        tokens = WithoutAnnotations(tokens);
        var open = tokens.FindIndex(t => t.Text == "(");
        var name = open - 1;
        if (name > 0 && tokens[name].Text == ">")
        {
            name = tokens.FindLastIndex(name, t => t.Text == "<") - 1;
        }

        if (name < 0 || !tokens[name].IsWord || NotNames.Contains(tokens[name].Text))
        {
            return BlockHeader.Plain;
        }

        if (DeclaresSomethingElse(tokens, name))
        {
            return BlockHeader.Plain;
        }

        var close = HeaderToken.Closing(tokens, open);
        if (close < 0 || close + 1 < tokens.Count && !CLikeTails.Contains(tokens[close + 1].Text))
        {
            return BlockHeader.Plain;
        }

        var display = tokens[name].Text;
        if (name >= 2 && tokens[name - 1].Text == "::" && tokens[name - 2].IsWord)
        {
            display = $"{tokens[name - 2].Text}::{display}";
        }
        else if (name >= 1 && tokens[name - 1].Text == "~")
        {
            display = $"~{display}";
        }

        return BlockHeader.Function(tokens[name], display);
    }

    /// <summary>
    /// Whether the words before the name make this a class, an assignment or a <c>new</c> expression rather than a
    /// method. Type parameters do not count: <c>static &lt;T extends Comparable&lt;T&gt;&gt; T max(…)</c> is a method.
    /// </summary>
    private static bool DeclaresSomethingElse(List<HeaderToken> tokens, int name)
    {
        var angles = 0;
        for (var i = 0; i < name; i++)
        {
            var text = tokens[i].Text;
            if (text == "<")
            {
                angles++;
            }
            else if (text == ">")
            {
                angles = Math.Max(0, angles - 1);
            }
            else if (angles == 0 && (text == "=" || DeclarationWords.Contains(text)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The receiver's type name: <c>Stack</c> in <c>(s *Stack[T])</c> and in <c>(Stack[T])</c>.</summary>
    private static string? ReceiverType(List<HeaderToken> tokens, int from, int end)
    {
        string? type = null;
        var depth = 0;
        for (var i = from; i < end; i++)
        {
            switch (tokens[i].Text)
            {
                case "[" or "(":
                    depth++;
                    break;
                case "]" or ")":
                    depth--;
                    break;
                default:
                    if (depth == 0 && tokens[i].IsWord)
                    {
                        type = tokens[i].Text;
                    }

                    break;
            }
        }

        return type;
    }

    /// <summary>Drops <c>@Name</c> and <c>@Name(…)</c> so an annotation's parentheses are not taken for parameters.</summary>
    private static List<HeaderToken> WithoutAnnotations(List<HeaderToken> tokens)
    {
        if (!tokens.Any(t => t.Text == "@"))
        {
            return tokens;
        }

        var kept = new List<HeaderToken>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Text != "@" || i + 1 >= tokens.Count || !tokens[i + 1].IsWord)
            {
                kept.Add(tokens[i]);
                continue;
            }

            i++;
            while (i + 2 < tokens.Count && tokens[i + 1].Text == "." && tokens[i + 2].IsWord)
            {
                i += 2;
            }

            if (i + 1 < tokens.Count && tokens[i + 1].Text == "(")
            {
                var close = HeaderToken.Closing(tokens, i + 1);
                i = close < 0 ? tokens.Count : close;
            }
        }

        return kept;
    }

    private static BlockHeader Named(HeaderToken? name) =>
        name is { } token ? BlockHeader.Function(token) : BlockHeader.Plain;
}
