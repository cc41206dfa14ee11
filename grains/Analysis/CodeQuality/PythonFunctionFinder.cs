namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Finds Python functions (<c>def</c> and <c>async def</c>) by indentation. Names are qualified by the enclosing
/// classes and functions (<c>Cart.add</c>, <c>outer.inner</c>). A function runs to the last code line before the
/// next statement indented no deeper than its <c>def</c>. Lines inside brackets, after a backslash or inside a
/// multi-line string continue the statement above and their indentation is ignored. Complexity counts <c>if</c>,
/// <c>elif</c>, <c>for</c>, <c>while</c>, <c>except</c>, <c>and</c>, <c>or</c> (comprehensions and conditional
/// expressions included) and each <c>case</c> of a <c>match</c> except <c>case _:</c>. Nesting counts enclosing
/// <c>if/elif/else/for/while/try/except/finally/with/match</c> blocks.
/// </summary>
internal sealed class PythonFunctionFinder
{
    private const int TabWidth = 8;

    private readonly LexedSource _source;
    private readonly LexicalSyntax _syntax;
    private readonly IReadOnlyList<CodeToken> _tokens;
    private readonly int _count;
    private readonly bool[] _statement;
    private readonly int[] _indent;
    private readonly int[] _extentEnd;

    private PythonFunctionFinder(LexedSource source, LexicalSyntax syntax, IReadOnlyList<CodeToken> tokens)
    {
        _source = source;
        _syntax = syntax;
        _tokens = tokens;
        _count = source.Lines.Count;
        _statement = new bool[_count + 2];
        _indent = new int[_count + 2];
        _extentEnd = new int[_count + 2];
        ReadLines();
    }

    private sealed record Def(string Name, int Line, int EndLine);

    public static IReadOnlyList<FunctionMetrics> Measure(
        LexedSource source, LexicalSyntax syntax, IReadOnlyList<CodeToken> tokens, CancellationToken cancellationToken)
    {
        var finder = new PythonFunctionFinder(source, syntax, tokens);
        var defs = finder.FindDefs();
        return defs.Select(def =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return finder.Measure(def, defs);
        }).ToList();
    }

    /// <summary>Marks which lines start a statement, their indentation, and where each statement's lines end.</summary>
    private void ReadLines()
    {
        var code = _source.Code;
        var depth = 0;
        var backslash = false;
        var lastStatement = 0;
        for (var line = 1; line <= _count; line++)
        {
            var start = _source.Lines.StartOf(line);
            var end = _source.Lines.EndOf(line, code);
            var continuation = depth > 0 || backslash || _source.StartsInLiteral(line);
            _statement[line] = !continuation && _source.Tally.HasCode(line);
            _indent[line] = Indentation(_source.Text, start, end);
            if (_statement[line])
            {
                lastStatement = line;
            }

            if (lastStatement > 0 && _source.Tally.HasCode(line))
            {
                _extentEnd[lastStatement] = line;
            }

            for (var i = start; i < end; i++)
            {
                depth = code[i] switch
                {
                    '(' or '[' or '{' => depth + 1,
                    ')' or ']' or '}' => Math.Max(0, depth - 1),
                    _ => depth,
                };
            }

            var trimmed = code.AsSpan(start, end - start).TrimEnd();
            backslash = trimmed.Length > 0 && trimmed[^1] == '\\';
        }
    }

    private List<Def> FindDefs()
    {
        var defs = new List<Def>();
        var scopes = new Stack<(int Indent, string Name)>();
        for (var line = 1; line <= _count; line++)
        {
            if (!_statement[line])
            {
                continue;
            }

            while (scopes.Count > 0 && scopes.Peek().Indent >= _indent[line])
            {
                scopes.Pop();
            }

            var words = Words(line, 3);
            if (words.Count > 0 && words[0] == "async")
            {
                words.RemoveAt(0);
            }

            if (words.Count < 2 || words[0] is not ("def" or "class"))
            {
                continue;
            }

            if (words[0] == "def")
            {
                var qualified = string.Join('.', scopes.Reverse().Select(s => s.Name).Append(words[1]));
                defs.Add(new Def(qualified, line, EndOf(line)));
            }

            scopes.Push((_indent[line], words[1]));
        }

        return defs;
    }

    private int EndOf(int defLine)
    {
        var end = _extentEnd[defLine];
        for (var line = defLine + 1; line <= _count; line++)
        {
            if (_statement[line])
            {
                if (_indent[line] <= _indent[defLine])
                {
                    break;
                }

                end = _extentEnd[line];
            }
        }

        return Math.Max(defLine, end);
    }

    private FunctionMetrics Measure(Def def, List<Def> all)
    {
        var nested = all.Where(d => d != def && d.Line > def.Line && d.Line <= def.EndLine)
            .Select(d => (d.Line, d.EndLine))
            .ToList();
        bool IsNested(int line) => nested.Any(n => line >= n.Line && line <= n.EndLine);

        var lines = _source.Lines;
        var excluded = new List<(int Start, int End)>();
        foreach (var (first, last) in nested)
        {
            if (excluded.Count == 0 || lines.StartOf(first) >= excluded[^1].End)
            {
                excluded.Add((lines.StartOf(first), lines.EndOf(last, _source.Code)));
            }
        }

        var bodyStart = lines.StartOf(def.Line);
        var bodyEnd = lines.EndOf(def.EndLine, _source.Code);
        var complexity = 1 + DecisionCounter.Count(_source.Code, bodyStart, bodyEnd, excluded, _syntax);
        var size = HalsteadMeasure.Of(_source.Text, _tokens, NameOffset(def.Line), bodyEnd, excluded, lines);

        var depth = 0;
        var open = new Stack<int>();
        for (var line = def.Line + 1; line <= def.EndLine; line++)
        {
            if (!_statement[line] || IsNested(line))
            {
                continue;
            }

            var words = Words(line, 2);
            if (words.Count > 0 && words[0] == "async")
            {
                words.RemoveAt(0);
            }

            var first = words.Count > 0 ? words[0] : "";
            if (first == "case" && !IsWildcardCase(line))
            {
                complexity++;
            }

            if (_syntax.ControlWords.Contains(first) && (first != "match" || EndsWithColon(line)))
            {
                while (open.Count > 0 && open.Peek() >= _indent[line])
                {
                    open.Pop();
                }

                open.Push(_indent[line]);
                depth = Math.Max(depth, open.Count);
            }
        }

        return new FunctionMetrics(def.Name, def.Line, def.EndLine, complexity, depth)
        {
            HalsteadVolume = size.Volume,
            CodeLines = size.CodeLines,
        };
    }

    /// <summary>Where the name stands on a <c>def</c> line, past <c>async</c> and <c>def</c>: measuring starts there, as in the brace languages.</summary>
    private int NameOffset(int line)
    {
        var code = _source.Code;
        var i = _source.Lines.StartOf(line);
        var end = _source.Lines.EndOf(line, code);
        foreach (var keyword in (ReadOnlySpan<string>)["async", "def"])
        {
            while (i < end && char.IsWhiteSpace(code[i]))
            {
                i++;
            }

            if (code.AsSpan(i, end - i).StartsWith(keyword, StringComparison.Ordinal))
            {
                i += keyword.Length;
            }
        }

        while (i < end && char.IsWhiteSpace(code[i]))
        {
            i++;
        }

        return i;
    }

    private bool IsWildcardCase(int line)
    {
        var text = StatementText(line).Trim();
        return !text.EndsWith(':') || text["case".Length..].Replace(" ", "", StringComparison.Ordinal) == "_:";
    }

    private bool EndsWithColon(int line) => StatementText(line).TrimEnd().EndsWith(':');

    private string StatementText(int line)
    {
        var lines = _source.Lines;
        var end = lines.EndOf(Math.Max(line, _extentEnd[line]), _source.Code);
        return _source.Code[lines.StartOf(line)..end];
    }

    private List<string> Words(int line, int max)
    {
        var words = new List<string>(max);
        var code = _source.Code;
        var i = _source.Lines.StartOf(line);
        var end = _source.Lines.EndOf(line, code);
        while (i < end && char.IsWhiteSpace(code[i]))
        {
            i++;
        }

        // Only a statement that begins with a word can be a def, class or control statement.
        while (i < end && words.Count < max && HeaderToken.IsWordChar(code[i]))
        {

            var start = i;
            while (i < end && HeaderToken.IsWordChar(code[i]))
            {
                i++;
            }

            words.Add(code[start..i]);
            while (i < end && char.IsWhiteSpace(code[i]))
            {
                i++;
            }
        }

        return words;
    }

    private static int Indentation(string text, int start, int end)
    {
        var width = 0;
        for (var i = start; i < end && text[i] is ' ' or '\t' or '\f'; i++)
        {
            width = text[i] == '\t' ? (width / TabWidth + 1) * TabWidth : width + 1;
        }

        return width;
    }
}
