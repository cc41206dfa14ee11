using System.Text.RegularExpressions;

namespace Amas.Orleans.Analysis.Performance.Lexical;

/// <summary>A function's extent in a JavaScript file: its body is [BodyStart, BodyEnd).</summary>
internal sealed record JavaScriptFunction(string Name, int BodyStart, int BodyEnd, bool IsAsync, string Parameters);

/// <summary>A loop's repeated part: its body, and a <c>while</c>'s condition.</summary>
internal sealed record JavaScriptLoop(int Start, int End, bool IsForAwait);

/// <summary>
/// The loops and functions of a JavaScript or TypeScript file, found by matching brackets in the blanked code:
/// <c>function</c> declarations and expressions, arrow functions (block or expression bodies), and class or object
/// methods (<c>async load(id) {</c>). A statement is in a loop when the innermost loop around it is closer than the
/// innermost function around it: a callback written in a loop runs when called, not once per iteration.
/// </summary>
internal sealed partial class JavaScriptLayout
{
    private readonly string _code;
    private readonly Dictionary<int, int> _closeOf = [];
    private readonly Dictionary<int, int> _openOf = [];

    private JavaScriptLayout(string code) => _code = code;

    public List<JavaScriptFunction> Functions { get; } = [];

    public List<JavaScriptLoop> Loops { get; } = [];

    [GeneratedRegex(@"\b(?<kind>for|while)\s*(?<await>await\s*)?\(|\bdo\s*\{")]
    private static partial Regex LoopHeader();

    public static JavaScriptLayout Read(LexicalSource source)
    {
        var layout = new JavaScriptLayout(source.Code);
        layout.MatchBrackets();
        layout.FindLoops();
        layout.FindFunctions();
        return layout;
    }

    /// <summary>Whether a loop repeats <paramref name="offset"/> without a function boundary in between.</summary>
    public JavaScriptLoop? LoopAt(int offset)
    {
        var loop = Loops.Where(l => l.Start <= offset && offset < l.End).MaxBy(l => l.Start);
        var function = FunctionAt(offset);
        return loop is not null && (function is null || function.BodyStart <= loop.Start) ? loop : null;
    }

    public JavaScriptFunction? FunctionAt(int offset) =>
        Functions.Where(f => f.BodyStart <= offset && offset < f.BodyEnd).MaxBy(f => f.BodyStart);

    private void MatchBrackets()
    {
        var open = new Stack<int>();
        for (var i = 0; i < _code.Length; i++)
        {
            if (_code[i] is '(' or '[' or '{')
            {
                open.Push(i);
            }
            else if (_code[i] is ')' or ']' or '}' && open.Count > 0)
            {
                var opened = open.Pop();
                _closeOf[opened] = i;
                _openOf[i] = opened;
            }
        }
    }

    /// <summary>Offset of the bracket closing the one at <paramref name="open"/>; the end of the file if unclosed.</summary>
    private int Close(int open) => _closeOf.TryGetValue(open, out var close) ? close : _code.Length;

    private void FindLoops()
    {
        foreach (Match header in LoopHeader().Matches(_code))
        {
            if (header.Value.StartsWith("do", StringComparison.Ordinal))
            {
                var brace = header.Index + header.Length - 1;
                Loops.Add(new JavaScriptLoop(brace, Close(brace), IsForAwait: false));
                continue;
            }

            var paren = header.Index + header.Length - 1;
            var afterParen = Close(paren) + 1;
            var isWhile = header.Groups["kind"].Value == "while";
            if (isWhile && ClosesDoBlock(header.Index))
            {
                continue;
            }

            // A `while` repeats its condition too; a `for` header's initialiser runs once, so only the body counts.
            var start = isWhile ? paren : afterParen;
            Loops.Add(new JavaScriptLoop(start, StatementEnd(afterParen), header.Groups["await"].Success));
        }
    }

    /// <summary>The end of the statement starting at or after <paramref name="from"/>: a block, or up to its <c>;</c>.</summary>
    private int StatementEnd(int from)
    {
        var i = SkipSpace(from);
        if (i < _code.Length && _code[i] == '{')
        {
            return Close(i) + 1;
        }

        for (; i < _code.Length; i++)
        {
            if (_code[i] is '(' or '[' or '{')
            {
                i = Close(i);
            }
            else if (_code[i] is ';' or '}' or '\n')
            {
                return i + 1;
            }
        }

        return _code.Length;
    }

    /// <summary>The <c>while</c> of <c>do { … } while (…)</c> is the loop already found at its <c>do</c>.</summary>
    private bool ClosesDoBlock(int whileOffset)
    {
        var i = whileOffset - 1;
        while (i >= 0 && char.IsWhiteSpace(_code[i]))
        {
            i--;
        }

        if (i < 0 || _code[i] != '}' || !_openOf.TryGetValue(i, out var open))
        {
            return false;
        }

        return Regex.IsMatch(_code[Math.Max(0, open - 10)..open], @"\bdo\s*$");
    }

    private int SkipSpace(int i)
    {
        while (i < _code.Length && char.IsWhiteSpace(_code[i]))
        {
            i++;
        }

        return i;
    }
}
