using System.Text.RegularExpressions;

namespace Amas.Orleans.Analysis.Performance.Lexical;

/// <summary>
/// Python's blocks from indentation: for each line, the innermost enclosing <c>for</c>/<c>while</c> header and the
/// innermost <c>def</c>. Lines inside brackets or multi-line strings continue the statement before them and share
/// its blocks. A loop written on one line (<c>for x in xs: total += x</c>) repeats the code after its colon.
/// </summary>
internal sealed partial class PythonLayout
{
    private readonly int[] _loop;
    private readonly string[] _function;
    private readonly int[] _inlineBodyStart;

    private PythonLayout(int lines)
    {
        _loop = new int[lines + 1];
        _function = new string[lines + 1];
        _inlineBodyStart = new int[lines + 1];
        Array.Fill(_function, "");
        Array.Fill(_inlineBodyStart, -1);
    }

    [GeneratedRegex(@"^\s*(?:async\s+)?(?<kind>for|while|def)\b\s*(?<name>[A-Za-z_]\w*)?")]
    private static partial Regex Header();

    public static PythonLayout Read(LexicalSource source)
    {
        var lines = source.Lines;
        var layout = new PythonLayout(lines.Count);
        var open = new Stack<(int Indent, bool IsLoop, int Line, string Name)>();
        var brackets = 0;
        for (var line = 1; line <= lines.Count; line++)
        {
            var code = source.CodeOfLine(line);
            var continues = brackets > 0 || source.Lexed.StartsInLiteral(line);
            brackets = Math.Max(0, brackets + code.Count(c => c is '(' or '[' or '{') - code.Count(c => c is ')' or ']' or '}'));
            if (continues || string.IsNullOrWhiteSpace(code))
            {
                layout.CopyFrom(line - 1, line);
                continue;
            }

            var indent = code.Length - code.TrimStart().Length;
            while (open.Count > 0 && open.Peek().Indent >= indent)
            {
                open.Pop();
            }

            // A loop outside the innermost def does not repeat the def's body, only its definition.
            layout._loop[line] = open.TakeWhile(b => b.IsLoop).FirstOrDefault().Line;
            layout._function[line] = open.FirstOrDefault(b => !b.IsLoop).Name ?? "";

            if (Header().Match(code) is { Success: true } header)
            {
                var isLoop = header.Groups["kind"].Value != "def";
                var name = isLoop ? "" : header.Groups["name"].Value;
                open.Push((indent, isLoop, line, name));
                if (isLoop && InlineBody(code) is { } bodyStart)
                {
                    layout._inlineBodyStart[line] = source.Lines.StartOf(line) + bodyStart;
                }
            }
        }

        return layout;
    }

    private void CopyFrom(int previous, int line)
    {
        if (previous >= 1)
        {
            _loop[line] = _loop[previous];
            _function[line] = _function[previous];
        }
    }

    /// <summary>The innermost loop header line repeating <paramref name="offset"/> on <paramref name="line"/>, 0 if none.</summary>
    public int LoopAt(int line, int offset) =>
        _inlineBodyStart[line] >= 0 && offset >= _inlineBodyStart[line] ? line : _loop[line];

    public string FunctionAt(int line) => _function[line];

    /// <summary>Where code follows a header's colon on the same line, as an offset in the line; null if nothing does.</summary>
    private static int? InlineBody(string code)
    {
        var depth = 0;
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth--;
                    break;
                case ':' when depth == 0:
                    return string.IsNullOrWhiteSpace(code[(i + 1)..]) ? null : i + 1;
            }
        }

        return null;
    }
}
