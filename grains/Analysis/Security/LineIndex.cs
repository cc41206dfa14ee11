namespace Amas.Orleans.Analysis.Security;

/// <summary>Maps character offsets of a text to 1-based lines and columns, and lines back to their extent.</summary>
internal sealed class LineIndex
{
    private readonly string _text;
    private readonly List<int> _starts = [0];

    public LineIndex(string text)
    {
        _text = text;
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            _starts.Add(i + 1);
        }
    }

    /// <summary>The 1-based line and column of <paramref name="offset"/>.</summary>
    public (int Line, int Column) Locate(int offset)
    {
        var index = _starts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _starts[line] + 1);
    }

    /// <summary>Start and end offsets of a 1-based line, without its line break (\n or \r\n).</summary>
    public (int Start, int End) Bounds(int line)
    {
        var start = _starts[line - 1];
        var end = line < _starts.Count ? _starts[line] - 1 : _text.Length;
        if (end > start && _text[end - 1] == '\r')
        {
            end--;
        }

        return (start, end);
    }
}
