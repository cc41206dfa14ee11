namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Offsets to 1-based line numbers. "\r\n", "\n" and a lone "\r" each end a line; a final line break does not start
/// another line, so an empty text has no lines.
/// </summary>
internal sealed class LineMap
{
    private readonly List<int> _starts = [];

    public LineMap(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        _starts.Add(0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if ((c == '\r' || c == '\n') && i + 1 < text.Length)
            {
                _starts.Add(i + 1);
            }
        }

        TextLength = text.Length;
    }

    public int Count => _starts.Count;

    public int TextLength { get; }

    /// <summary>1-based line holding <paramref name="offset"/>; offsets past the end map to the last line.</summary>
    public int LineOf(int offset)
    {
        if (_starts.Count == 0)
        {
            return 1;
        }

        var index = _starts.BinarySearch(offset);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>Offset where the 1-based <paramref name="line"/> starts.</summary>
    public int StartOf(int line) => _starts[line - 1];

    /// <summary>Offset just past the 1-based <paramref name="line"/>'s content, before its line break.</summary>
    public int EndOf(int line, string text)
    {
        var end = line < _starts.Count ? _starts[line] : text.Length;
        while (end > _starts[line - 1] && (text[end - 1] == '\n' || text[end - 1] == '\r'))
        {
            end--;
        }

        return end;
    }
}
