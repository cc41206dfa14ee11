using System.Text.RegularExpressions;

namespace Amas.Orleans.Analysis.Performance.Lexical;

/// <summary>Function finding for <see cref="JavaScriptLayout"/>: keyword functions, arrows and methods.</summary>
internal sealed partial class JavaScriptLayout
{
    private static readonly HashSet<string> NotMethodNames = new(StringComparer.Ordinal)
    {
        "if", "for", "while", "switch", "catch", "function", "with", "return", "typeof", "await", "new", "do", "else",
        "async",
    };

    [GeneratedRegex(@"\b(?<async>async\s+)?function\b\s*\*?\s*(?<name>[A-Za-z_$][\w$]*)?\s*\(")]
    private static partial Regex FunctionKeyword();

    [GeneratedRegex(@"(?<async>\basync\s+)?\b(?<name>[A-Za-z_$][\w$]*)\s*(?:<[^<>()]*>)?\s*\(")]
    private static partial Regex MethodHead();

    // Right to left: it reads the few characters before a parameter list, not the 200 it is given.
    [GeneratedRegex(@"(?:(?<name>[A-Za-z_$][\w$]*)\s*[:=]\s*)?(?<async>\basync\s*)?$", RegexOptions.RightToLeft)]
    private static partial Regex BeforeArrowParameters();

    private void FindFunctions()
    {
        foreach (Match match in FunctionKeyword().Matches(_code))
        {
            var name = match.Groups["name"].Success ? match.Groups["name"].Value : AssignedName(match.Index);
            AddWithBlockBody(name, match.Index + match.Length - 1, match.Groups["async"].Success);
        }

        foreach (Match match in MethodHead().Matches(_code))
        {
            var name = match.Groups["name"].Value;
            if (!NotMethodNames.Contains(name) && !FollowsDotOrFunction(match.Groups["name"].Index))
            {
                AddWithBlockBody(name, match.Index + match.Length - 1, match.Groups["async"].Success);
            }
        }

        for (var arrow = _code.IndexOf("=>", StringComparison.Ordinal); arrow >= 0; arrow = _code.IndexOf("=>", arrow + 2, StringComparison.Ordinal))
        {
            AddArrow(arrow);
        }
    }

    /// <summary>Adds a function whose parameters open at <paramref name="paren"/> if a block body follows them.</summary>
    private void AddWithBlockBody(string name, int paren, bool isAsync)
    {
        var close = Close(paren);
        var brace = SkipSpace(close + 1);

        // A TypeScript return type (`): Promise<void> {`) sits between the parameters and the body.
        if (brace < _code.Length && _code[brace] == ':')
        {
            var next = _code.IndexOfAny(['{', ';', '='], brace);
            brace = next >= 0 && _code[next] == '{' ? next : _code.Length;
        }

        if (brace < _code.Length && _code[brace] == '{' && Functions.All(f => f.BodyStart != brace + 1))
        {
            Functions.Add(new JavaScriptFunction(name, brace + 1, Close(brace), isAsync, _code[(paren + 1)..close]));
        }
    }

    private void AddArrow(int arrow)
    {
        var end = arrow - 1;
        while (end >= 0 && char.IsWhiteSpace(_code[end]))
        {
            end--;
        }

        if (end < 0)
        {
            return;
        }

        int start;
        string parameters;
        if (_code[end] == ')' && _openOf.TryGetValue(end, out var open))
        {
            start = open;
            parameters = _code[(open + 1)..end];
        }
        else
        {
            start = end + 1;
            while (start > 0 && (char.IsLetterOrDigit(_code[start - 1]) || _code[start - 1] is '_' or '$'))
            {
                start--;
            }

            parameters = _code[start..(end + 1)];
        }

        var before = BeforeArrowParameters().Match(_code[Math.Max(0, start - 200)..start]);
        var name = before.Groups["name"].Success ? before.Groups["name"].Value : "(anonymous)";
        var isAsync = before.Groups["async"].Success;
        var body = SkipSpace(arrow + 2);
        var bodyEnd = body < _code.Length && _code[body] == '{' ? Close(body) : ExpressionEnd(body);
        var bodyStart = body < _code.Length && _code[body] == '{' ? body + 1 : body;
        Functions.Add(new JavaScriptFunction(name, bodyStart, bodyEnd, isAsync, parameters));
    }

    /// <summary>An expression body runs to a <c>,</c> or <c>;</c> outside brackets or a closing bracket it did not open.</summary>
    private int ExpressionEnd(int from)
    {
        for (var i = from; i < _code.Length; i++)
        {
            switch (_code[i])
            {
                case '(' or '[' or '{':
                    i = Close(i);
                    break;
                case ')' or ']' or '}' or ',' or ';':
                    return i;
            }
        }

        return _code.Length;
    }

    /// <summary><c>const load = function (…)</c> and <c>load: async function (…)</c> are named by what they are assigned to.</summary>
    private string AssignedName(int functionOffset)
    {
        var match = BeforeArrowParameters().Match(_code[Math.Max(0, functionOffset - 200)..functionOffset]);
        return match.Groups["name"].Success ? match.Groups["name"].Value : "(anonymous)";
    }

    private bool FollowsDotOrFunction(int nameOffset)
    {
        var i = nameOffset - 1;
        while (i >= 0 && char.IsWhiteSpace(_code[i]))
        {
            i--;
        }

        return i >= 0 && _code[i] == '.' || i >= 7 && _code.AsSpan(i - 7, 8).SequenceEqual("function");
    }
}
