namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Finds and measures functions in brace languages. It matches braces in the blanked code, reads the header in
/// front of each opening brace (<see cref="BlockHeaderReader"/>), and measures each function's body without the
/// functions nested in it. Nesting is the number of control-statement brace blocks around the deepest one; a
/// braceless <c>if (x) return;</c> does not nest. Stray closing braces are ignored and unclosed ones run to the end.
/// </summary>
internal sealed class BraceFunctionFinder
{
    private const int MaxHeaderLength = 1000;

    private readonly LexedSource _source;
    private readonly LexicalSyntax _syntax;
    private readonly string _code;
    private readonly List<BraceBlock> _blocks = [];
    private readonly List<FoundFunction> _functions = [];
    private readonly Dictionary<int, int> _openOfClose = [];

    private BraceFunctionFinder(LexedSource source, LexicalSyntax syntax)
    {
        _source = source;
        _syntax = syntax;
        _code = source.Code;
    }

    private bool IsJavaScript => _syntax.Language is SourceLanguage.JavaScript or SourceLanguage.TypeScript;

    public static IReadOnlyList<FunctionMetrics> Measure(LexedSource source, LexicalSyntax syntax, CancellationToken cancellationToken)
    {
        var finder = new BraceFunctionFinder(source, syntax);
        finder.Scan(cancellationToken);
        return finder._functions
            .OrderBy(f => f.NameOffset)
            .Select(f => finder.Measure(f, cancellationToken))
            .ToList();
    }

    private void Scan(CancellationToken cancellationToken)
    {
        var open = new Stack<(int Offset, BlockHeader Header)>();
        for (var i = 0; i < _code.Length; i++)
        {
            if ((i & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            switch (_code[i])
            {
                case '{':
                    open.Push((i, BlockHeaderReader.Read(HeaderBefore(i), _syntax)));
                    break;
                case '}' when open.Count > 0:
                    var (offset, header) = open.Pop();
                    _openOfClose[i] = offset;
                    Add(new BraceBlock(offset, i, header));
                    break;
                case '=' when IsJavaScript && i + 1 < _code.Length && _code[i + 1] == '>':
                    AddExpressionArrow(i);
                    break;
            }
        }

        while (open.Count > 0)
        {
            var (offset, header) = open.Pop();
            Add(new BraceBlock(offset, _code.Length, header));
        }
    }

    private void Add(BraceBlock block)
    {
        _blocks.Add(block);
        if (block.Header.FunctionName is { } name)
        {
            var last = Math.Min(block.Close, _code.Length - 1);
            _functions.Add(new FoundFunction(name, block.Header.NameOffset, block.Open + 1, block.Close, last));
        }
    }

    /// <summary>
    /// <c>const area = (w, h) => w * h;</c>: the body runs to a <c>;</c> or <c>,</c> outside brackets, a closing
    /// bracket it did not open, or the end of its line.
    /// </summary>
    private void AddExpressionArrow(int arrow)
    {
        var bodyStart = arrow + 2;
        while (bodyStart < _code.Length && char.IsWhiteSpace(_code[bodyStart]))
        {
            bodyStart++;
        }

        if (bodyStart >= _code.Length || _code[bodyStart] == '{')
        {
            return;
        }

        var tokens = HeaderBefore(arrow);
        if (BlockHeaderReader.AssignedName(tokens, tokens.Count, allowProperty: false) is not { } name)
        {
            return;
        }

        var depth = 0;
        var end = bodyStart;
        for (; end < _code.Length; end++)
        {
            var c = _code[end];
            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (--depth < 0)
                {
                    break;
                }
            }
            else if (depth == 0 && c is ';' or ',' or '\n' or '\r')
            {
                break;
            }
        }

        var last = end - 1;
        while (last > bodyStart && char.IsWhiteSpace(_code[last]))
        {
            last--;
        }

        _functions.Add(new FoundFunction(name.Text, name.Offset, bodyStart, end, last));
    }

    /// <summary>
    /// The tokens between the previous statement boundary and <paramref name="at"/>: a <c>;</c> (in Go a line break)
    /// outside brackets, an unmatched opening bracket, an earlier block, or in JavaScript a <c>,</c> between object
    /// members or arguments. Closed blocks inside brackets (a callback's body) are stepped over.
    /// </summary>
    private List<HeaderToken> HeaderBefore(int at)
    {
        var depth = 0;
        var limit = Math.Max(0, at - MaxHeaderLength);
        var j = at - 1;
        for (; j >= limit; j--)
        {
            var c = _code[j];
            if (c == '}' && depth > 0 && _openOfClose.TryGetValue(j, out var blockOpen))
            {
                j = blockOpen;
                continue;
            }

            if (c is '{' or '}')
            {
                break;
            }

            if (c is ')' or ']')
            {
                depth++;
            }
            else if (c is '(' or '[')
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
            }
            else if (depth == 0 && IsBoundary(c))
            {
                break;
            }
        }

        return HeaderToken.Split(_code, j + 1, at);
    }

    private bool IsBoundary(char c) => _syntax.Language == SourceLanguage.Go
        ? c is '\n' or '\r'
        : c == ';' || c == ',' && IsJavaScript;

    private FunctionMetrics Measure(FoundFunction function, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var nested = _functions
            .Where(function.Contains)
            .Select(f => (Start: f.NameOffset, End: f.LastOffset + 1))
            .OrderBy(r => r.Start)
            .ToList();

        var outermost = new List<(int Start, int End)>();
        foreach (var range in nested)
        {
            if (outermost.Count == 0 || range.Start >= outermost[^1].End)
            {
                outermost.Add(range);
            }
        }

        var complexity = 1 + DecisionCounter.Count(_code, function.BodyStart, function.BodyEnd, outermost, _syntax);
        var lines = _source.Lines;
        return new FunctionMetrics(
            function.Name,
            lines.LineOf(function.NameOffset),
            lines.LineOf(Math.Max(function.NameOffset, function.LastOffset)),
            complexity,
            NestingDepth(function, outermost));
    }

    private int NestingDepth(FoundFunction function, List<(int Start, int End)> excluded)
    {
        var controls = _blocks
            .Where(b => b.Header.IsControl && b.Open >= function.BodyStart && b.Open < function.BodyEnd)
            .Where(b => !excluded.Any(r => b.Open >= r.Start && b.Open < r.End))
            .ToList();

        var deepest = 0;
        foreach (var block in controls)
        {
            var depth = controls.Count(c => c.Open <= block.Open && c.Close >= block.Close);
            deepest = Math.Max(deepest, depth);
        }

        return deepest;
    }
}
