using System.Text.RegularExpressions;

namespace Amas.Orleans.Analysis.Performance.Lexical;

/// <summary>
/// The Python checks, over the blanked code so that nothing in a comment or string matches. Each looks at lines a
/// loop repeats (<see cref="PythonLayout"/>) and, where it needs to know what a name holds, at how the same function
/// assigned it before the loop.
/// </summary>
internal static partial class PythonChecks
{
    /// <summary>At a statement's start: the line's, or after a one-line loop's colon or a <c>;</c>.</summary>
    [GeneratedRegex(@"(?:^|[:;])\s*(?<name>[A-Za-z_]\w*)\s*\+=")]
    private static partial Regex AugmentedAdd();

    [GeneratedRegex(@"\b(?:requests|httpx)\.(?:get|post|put|patch|delete|head|request)\s*\("
        + @"|\b(?:\w*cursor|cur|\w*conn|\w*connection|db)\.(?:execute|executemany)\s*\("
        + @"|\b\w*session\.(?:query|execute|scalars|get|post|put|patch|delete)\s*\("
        + @"|\burlopen\s*\(")]
    private static partial Regex IoCall();

    [GeneratedRegex(@"^\s*(?:if|elif)\b")]
    private static partial Regex Condition();

    [GeneratedRegex(@"\bin\s+(?<name>[A-Za-z_]\w*)\b(?!\s*[.(\[])")]
    private static partial Regex Membership();

    public static IEnumerable<PerformanceHit> StringConcatInLoop(LexicalSource source)
    {
        var layout = source.Layout(PythonLayout.Read);
        foreach (var (line, offset, code) in LoopLines(source, layout))
        {
            foreach (Match match in AugmentedAdd().Matches(code))
            {
                var name = match.Groups["name"].Value;
                var at = offset + match.Groups["name"].Index;
                var loop = layout.LoopAt(line, at);
                if (AssignedBefore(source, layout, name, loop, IsStringLiteralAt))
                {
                    yield return Hit(source, layout, at, $"'{source.CodeToEndOfLine(at)}' copies the whole string "
                        + $"'{name}' on every iteration of the loop.");
                }
            }
        }
    }

    public static IEnumerable<PerformanceHit> IoInLoop(LexicalSource source)
    {
        var layout = source.Layout(PythonLayout.Read);
        foreach (var (line, offset, code) in LoopLines(source, layout))
        {
            foreach (Match match in IoCall().Matches(code))
            {
                var at = offset + match.Index;
                if (layout.LoopAt(line, at) != 0)
                {
                    var call = match.Value.TrimEnd('(', ' ');
                    yield return Hit(source, layout, at, $"'{call}(…)' makes a round trip on every iteration of the loop.");
                }
            }
        }
    }

    public static IEnumerable<PerformanceHit> ListMembershipInLoop(LexicalSource source)
    {
        var layout = source.Layout(PythonLayout.Read);
        foreach (var (line, offset, code) in LoopLines(source, layout))
        {
            if (!Condition().IsMatch(code))
            {
                continue;
            }

            foreach (Match match in Membership().Matches(code))
            {
                // `if any(x for x in items)` iterates; only a bare `in` test is a membership test.
                if (Regex.IsMatch(code[..match.Index], @"\bfor\b"))
                {
                    continue;
                }

                var name = match.Groups["name"].Value;
                var at = offset + match.Index;
                var loop = layout.LoopAt(line, at);
                if (loop != 0 && AssignedBefore(source, layout, name, loop, IsListAt))
                {
                    yield return Hit(source, layout, at, $"'in {name}' scans the list '{name}' element by element on "
                        + "every iteration of the loop.");
                }
            }
        }
    }

    private static IEnumerable<(int Line, int Offset, string Code)> LoopLines(LexicalSource source, PythonLayout layout)
    {
        for (var line = 1; line <= source.Lines.Count; line++)
        {
            var start = source.Lines.StartOf(line);
            if (layout.LoopAt(line, int.MaxValue) != 0)
            {
                yield return (line, start, source.CodeOfLine(line));
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="name"/> is assigned in the same function, on a line before the loop's header, with a
    /// value <paramref name="isValue"/> accepts at the offset just after the <c>=</c>.
    /// </summary>
    private static bool AssignedBefore(LexicalSource source, PythonLayout layout, string name, int loopLine, Func<LexicalSource, int, bool> isValue)
    {
        if (loopLine == 0)
        {
            return false;
        }

        var function = layout.FunctionAt(loopLine);
        for (var line = loopLine - 1; line >= 1; line--)
        {
            if (layout.FunctionAt(line) == function && AssignmentValue(source, line, name) is { } value)
            {
                return isValue(source, value);
            }
        }

        return false;
    }

    /// <summary>
    /// For <c>name = …</c> or <c>name: type = …</c> on the line, the offset just after the <c>=</c>; otherwise null.
    /// Matched by hand because it runs once per line scanned back from a loop.
    /// </summary>
    private static int? AssignmentValue(LexicalSource source, int line, string name)
    {
        var code = source.Code;
        var i = source.Lines.StartOf(line);
        var end = source.Lines.EndOf(line, source.Text);
        while (i < end && code[i] is ' ' or '\t')
        {
            i++;
        }

        if (end - i <= name.Length || string.CompareOrdinal(code, i, name, 0, name.Length) != 0)
        {
            return null;
        }

        i += name.Length;
        if (char.IsLetterOrDigit(code[i]) || code[i] == '_')
        {
            return null;
        }

        while (i < end && code[i] is ' ' or '\t')
        {
            i++;
        }

        if (i < end && code[i] == ':')
        {
            i = code.IndexOf('=', i, end - i);
            if (i < 0)
            {
                return null;
            }
        }

        return i < end && code[i] == '=' && (i + 1 >= end || code[i + 1] != '=') ? i + 1 : null;
    }

    /// <summary>A string literal, possibly prefixed (<c>f"…"</c>, <c>rb'…'</c>); the blanked code hides it, the text does not.</summary>
    private static bool IsStringLiteralAt(LexicalSource source, int offset)
    {
        var text = source.Text;
        var i = SkipSpaces(text, offset);
        var prefix = 0;
        while (i + prefix < text.Length && prefix < 2 && "rRbBuUfF".Contains(text[i + prefix]))
        {
            prefix++;
        }

        return i + prefix < text.Length && text[i + prefix] is '"' or '\'';
    }

    private static bool IsListAt(LexicalSource source, int offset)
    {
        var i = SkipSpaces(source.Code, offset);
        return i < source.Code.Length && (source.Code[i] == '[' || string.CompareOrdinal(source.Code, i, "list(", 0, 5) == 0);
    }

    private static int SkipSpaces(string text, int offset)
    {
        while (offset < text.Length && text[offset] is ' ' or '\t')
        {
            offset++;
        }

        return offset;
    }

    private static PerformanceHit Hit(LexicalSource source, PythonLayout layout, int offset, string message) =>
        new(offset, layout.FunctionAt(source.Lines.LineOf(offset)), source.CodeToEndOfLine(offset), message);
}
