namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// Marks which lines carry code and which carry comment text, collects markers from comments, and turns the marks
/// into the code/comment/blank split of <see cref="FileMetrics"/>.
/// </summary>
internal sealed class LineTally
{
    private readonly bool[] _code;
    private readonly bool[] _comment;
    private readonly List<CommentMarker> _markers = [];

    public LineTally(LineMap lines)
    {
        Lines = lines;
        _code = new bool[lines.Count + 1];
        _comment = new bool[lines.Count + 1];
    }

    public LineMap Lines { get; }

    public IReadOnlyList<CommentMarker> Markers => _markers;

    public bool HasCode(int line) => line >= 1 && line < _code.Length && _code[line];

    /// <summary>Marks every line touched by <c>text[start..end)</c> as code.</summary>
    public void MarkCode(int start, int end)
    {
        if (end <= start || Lines.Count == 0)
        {
            return;
        }

        var first = Lines.LineOf(start);
        var last = Lines.LineOf(end - 1);
        for (var line = first; line <= last; line++)
        {
            _code[line] = true;
        }
    }

    /// <summary>
    /// Records a comment spanning <c>text[start..end)</c>: lines with non-blank comment text become comment lines and
    /// each such line is searched for a marker.
    /// </summary>
    public void AddComment(string text, int start, int end)
    {
        if (end <= start || Lines.Count == 0)
        {
            return;
        }

        var first = Lines.LineOf(start);
        var last = Lines.LineOf(end - 1);
        for (var line = first; line <= last; line++)
        {
            var from = Math.Max(start, Lines.StartOf(line));
            var to = Math.Min(end, Lines.EndOf(line, text));
            if (to <= from)
            {
                continue;
            }

            var piece = text.AsSpan(from, to - from);
            if (piece.IsWhiteSpace())
            {
                continue;
            }

            _comment[line] = true;
            if (TodoMarkers.Find(piece) is { } marker)
            {
                _markers.Add(new CommentMarker(line, marker, TodoMarkers.Describe(piece)));
            }
        }
    }

    public FileMetrics ToMetrics(string path, SourceLanguage language, IReadOnlyList<FunctionMetrics> functions)
    {
        int code = 0, comment = 0;
        for (var line = 1; line <= Lines.Count; line++)
        {
            if (_code[line])
            {
                code++;
            }
            else if (_comment[line])
            {
                comment++;
            }
        }

        var markers = _markers.OrderBy(m => m.Line).ToList();
        return new FileMetrics(path, language, code, comment, Lines.Count - code - comment, functions, markers);
    }
}
