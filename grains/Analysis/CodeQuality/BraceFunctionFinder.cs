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
    private readonly IReadOnlyList<CodeToken> _tokens;
    private readonly string _code;
    private readonly List<BraceBlock> _blocks = [];
    private readonly List<FoundFunction> _functions = [];
    private readonly Dictionary<int, int> _openOfClose = [];

    private BraceFunctionFinder(LexedSource source, LexicalSyntax syntax, IReadOnlyList<CodeToken> tokens)
    {
        _source = source;
        _syntax = syntax;
        _tokens = tokens;
        _code = source.Code;
    }

    private bool IsJavaScript => _syntax.Language is SourceLanguage.JavaScript or SourceLanguage.TypeScript;

    public static IReadOnlyList<FunctionMetrics> Measure(
        LexedSource source, LexicalSyntax syntax, IReadOnlyList<CodeToken> tokens, CancellationToken cancellationToken)
    {
        var finder = new BraceFunctionFinder(source, syntax, tokens);
        finder.Scan(cancellationToken);
        finder._functions.Sort((a, b) => a.NameOffset.CompareTo(b.NameOffset));
        finder._blocks.Sort((a, b) => a.Open.CompareTo(b.Open));
        return finder._functions.Select(f => finder.Measure(f, cancellationToken)).ToList();
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
    /// members or arguments, but not one between type arguments (<c>): Map&lt;string, V&gt; {</c>). Closed blocks inside
    /// brackets (a callback's body) and TypeScript type literals in type parameters are stepped over.
    /// </summary>
    private List<HeaderToken> HeaderBefore(int at)
    {
        var depth = 0;
        var angles = 0;
        var limit = Math.Max(0, at - MaxHeaderLength);
        var j = at - 1;
        for (; j >= limit; j--)
        {
            var c = _code[j];
            if (c == '}' && _openOfClose.TryGetValue(j, out var blockOpen) && (depth > 0 || IsTypeLiteral(blockOpen)))
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
            else if (depth == 0 && IsJavaScript && c == '>' && (j == 0 || _code[j - 1] != '='))
            {
                angles++;
            }
            else if (c == '<' && angles > 0)
            {
                angles--;
            }
            else if (depth == 0 && angles == 0 && IsBoundary(c))
            {
                break;
            }
        }

        return HeaderToken.Split(_code, j + 1, at);
    }

    /// <summary>TypeScript's <c>&lt;T extends { id: string }&gt;</c>: braces of a type, not a block, inside a header.</summary>
    private bool IsTypeLiteral(int open)
    {
        if (!IsJavaScript)
        {
            return false;
        }

        var end = open;
        while (end > 0 && char.IsWhiteSpace(_code[end - 1]))
        {
            end--;
        }

        return end >= "extends".Length && _code.AsSpan(end - "extends".Length, "extends".Length).SequenceEqual("extends")
            && (end == "extends".Length || !HeaderToken.IsWordChar(_code[end - "extends".Length - 1]));
    }

    private bool IsBoundary(char c) => _syntax.Language == SourceLanguage.Go
        ? c is '\n' or '\r'
        : c == ';' || c == ',' && IsJavaScript;

    private FunctionMetrics Measure(FoundFunction function, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var excluded = NestedRanges(function);
        var complexity = 1 + DecisionCounter.Count(_code, function.BodyStart, function.BodyEnd, excluded, _syntax);
        var lines = _source.Lines;
        var size = HalsteadMeasure.Of(_source.Text, _tokens, function.NameOffset, function.LastOffset + 1, excluded, lines);
        return new FunctionMetrics(
            function.Name,
            lines.LineOf(function.NameOffset),
            lines.LineOf(Math.Max(function.NameOffset, function.LastOffset)),
            complexity,
            NestingDepth(function, excluded))
        {
            HalsteadVolume = size.Volume,
            CodeLines = size.CodeLines,
        };
    }

    /// <summary>The outermost functions inside this one's body, as sorted [start, end) ranges to leave out.</summary>
    private List<(int Start, int End)> NestedRanges(FoundFunction function)
    {
        var ranges = new List<(int Start, int End)>();
        var first = LowerBound(_functions, function.BodyStart, f => f.NameOffset);
        for (var i = first; i < _functions.Count && _functions[i].NameOffset < function.BodyEnd; i++)
        {
            var nested = _functions[i];
            if (ReferenceEquals(nested, function) || ranges.Count > 0 && nested.NameOffset < ranges[^1].End)
            {
                continue;
            }

            ranges.Add((nested.NameOffset, nested.LastOffset + 1));
        }

        return ranges;
    }

    /// <summary>
    /// Blocks nest or are disjoint, so walking control blocks in order of their opening brace with a stack of the
    /// ones still open gives each block's depth in one pass.
    /// </summary>
    private int NestingDepth(FoundFunction function, List<(int Start, int End)> excluded)
    {
        var open = new Stack<int>();
        var deepest = 0;
        var next = 0;
        for (var i = LowerBound(_blocks, function.BodyStart, b => b.Open); i < _blocks.Count; i++)
        {
            var block = _blocks[i];
            if (block.Open >= function.BodyEnd)
            {
                break;
            }

            while (next < excluded.Count && excluded[next].End <= block.Open)
            {
                next++;
            }

            if (!block.Header.IsControl || next < excluded.Count && excluded[next].Start <= block.Open)
            {
                continue;
            }

            while (open.Count > 0 && open.Peek() < block.Open)
            {
                open.Pop();
            }

            open.Push(block.Close);
            deepest = Math.Max(deepest, open.Count);
        }

        return deepest;
    }

    private static int LowerBound<T>(List<T> sorted, int offset, Func<T, int> key)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (key(sorted[middle]) < offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
