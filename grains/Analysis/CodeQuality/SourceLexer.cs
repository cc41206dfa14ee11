namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// A small lexer that separates code from comments and string literals for the languages in
/// <see cref="LexicalSyntax"/>. It never fails: an unterminated string ends at its line's end (triple-quoted,
/// template and raw strings at the end of the file), an unterminated block comment runs to the end of the file.
/// </summary>
internal sealed class SourceLexer
{
    private readonly string _text;
    private readonly LexicalSyntax _syntax;
    private readonly char[] _code;
    private readonly LineTally _tally;
    private readonly bool[] _startsInLiteral;
    private readonly List<(int Start, int End)> _literals = [];
    private readonly Stack<int> _templateHoles = new();

    private SourceLexer(string text, LexicalSyntax syntax)
    {
        _text = text;
        _syntax = syntax;
        _code = text.ToCharArray();
        _tally = new LineTally(new LineMap(text));
        _startsInLiteral = new bool[_tally.Lines.Count + 1];
    }

    public static LexedSource Lex(string text, LexicalSyntax syntax, CancellationToken cancellationToken)
    {
        var lexer = new SourceLexer(text, syntax);
        lexer.Run(cancellationToken);
        return lexer.Result();
    }

    private void Run(CancellationToken cancellationToken)
    {
        var pos = 0;
        while (pos < _text.Length)
        {
            if ((pos & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            pos = Step(pos);
        }
    }

    /// <summary>Consumes one code character or one whole comment or literal starting at <paramref name="pos"/>.</summary>
    private int Step(int pos)
    {
        var c = _text[pos];
        var next = pos + 1 < _text.Length ? _text[pos + 1] : '\0';

        foreach (var opener in _syntax.LineComments)
        {
            if (string.CompareOrdinal(_text, pos, opener, 0, opener.Length) == 0)
            {
                return Comment(pos, EndOfLine(pos));
            }
        }

        if (_syntax.BlockComments && c == '/' && next == '*')
        {
            var close = _text.IndexOf("*/", pos + 2, StringComparison.Ordinal);
            return Comment(pos, close < 0 ? _text.Length : close + 2);
        }

        if (_syntax.TripleQuotes && IsTripleQuote(pos))
        {
            return Literal(pos, LiteralEnds.TripleQuotedEnd(_text, pos));
        }

        if (_syntax.StringQuotes.Contains(c))
        {
            return Literal(pos, LiteralEnds.QuotedEnd(_text, pos));
        }

        if (_syntax.CharLiterals && c == '\'' && LiteralEnds.CharLiteralEnd(_text, pos) is { } charEnd)
        {
            return Literal(pos, charEnd);
        }

        if (_syntax.RawBacktickStrings && c == '`')
        {
            var close = _text.IndexOf('`', pos + 1);
            return Literal(pos, close < 0 ? _text.Length : close + 1);
        }

        if (_syntax.TemplateLiterals)
        {
            if (c == '`')
            {
                return Template(pos, pos + 1);
            }

            if (_templateHoles.Count > 0 && c is '{' or '}')
            {
                var open = _templateHoles.Pop();
                if (c == '}' && open == 0)
                {
                    return Template(pos, pos + 1);
                }

                _templateHoles.Push(c == '{' ? open + 1 : open - 1);
                return pos + 1;
            }
        }

        if (_syntax.RegexLiterals && c == '/' && LiteralEnds.RegexMayStart(_code, pos)
            && LiteralEnds.RegexEnd(_text, pos) is { } regexEnd)
        {
            return Literal(pos, regexEnd);
        }

        return pos + 1;
    }

    private int Comment(int start, int end)
    {
        _tally.AddComment(_text, start, end);
        Blank(start, end);
        return end;
    }

    private int Literal(int start, int end)
    {
        _tally.MarkCode(start, end);
        Blank(start, end);
        if (end > start)
        {
            _literals.Add((start, Math.Min(end, _text.Length)));
        }

        return end;
    }

    /// <summary>Scans a template literal's text from <paramref name="from"/> to its closing backtick or next hole.</summary>
    private int Template(int start, int from)
    {
        for (var i = from; i < _text.Length; i++)
        {
            switch (_text[i])
            {
                case '\\':
                    i++;
                    break;
                case '`':
                    return Literal(start, i + 1);
                case '$' when i + 1 < _text.Length && _text[i + 1] == '{':
                    _templateHoles.Push(0);
                    return Literal(start, i + 2);
            }
        }

        return Literal(start, _text.Length);
    }

    private bool IsTripleQuote(int pos)
    {
        var c = _text[pos];
        return _syntax.StringQuotes.Contains(c) && pos + 2 < _text.Length && _text[pos + 1] == c && _text[pos + 2] == c;
    }

    private int EndOfLine(int pos)
    {
        var end = _text.IndexOfAny(['\n', '\r'], pos);
        return end < 0 ? _text.Length : end;
    }

    /// <summary>Blanks a comment or literal in the code view and notes the lines that begin inside it.</summary>
    private void Blank(int start, int end)
    {
        end = Math.Min(end, _text.Length);
        for (var i = start; i < end; i++)
        {
            if (_code[i] is not ('\n' or '\r'))
            {
                _code[i] = ' ';
            }
        }

        if (end > start && _tally.Lines.Count > 0)
        {
            var first = _tally.Lines.LineOf(start);
            var last = _tally.Lines.LineOf(end - 1);
            for (var line = first + 1; line <= last; line++)
            {
                _startsInLiteral[line] = true;
            }
        }
    }

    private LexedSource Result()
    {
        var lines = _tally.Lines;
        for (var line = 1; line <= lines.Count; line++)
        {
            var start = lines.StartOf(line);
            var end = lines.EndOf(line, _text);
            if (!_code.AsSpan(start, end - start).IsWhiteSpace())
            {
                _tally.MarkCode(start, end);
            }
        }

        return new LexedSource(_text, new string(_code), _tally, _startsInLiteral, _literals);
    }
}
