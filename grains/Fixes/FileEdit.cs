namespace Amas.Orleans.Fixes;

/// <summary>
/// Edits to one file by the line numbers the findings name (1-based, in the original text): lines are replaced in
/// place and new lines inserted before a given one, so one fix never shifts the lines another fix refers to.
/// </summary>
public sealed class FileEdit
{
    private readonly string[] _lines;
    private readonly bool _endsWithNewline;
    private readonly string _newline;
    private readonly SortedDictionary<int, List<string>> _inserted = [];

    public FileEdit(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Original = text;
        _newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        _endsWithNewline = text.Length == 0 || text.EndsWith('\n');
        var lines = text.Split('\n').Select(l => _newline == "\r\n" ? l.TrimEnd('\r') : l).ToArray();
        _lines = _endsWithNewline && lines.Length > 0 ? lines[..^1] : lines;
    }

    public string Original { get; }

    public int LineCount => _lines.Length;

    /// <summary>The current text of a line (1-based).</summary>
    public string this[int line]
    {
        get => _lines[line - 1];
        set => _lines[line - 1] = value;
    }

    public bool Has(int line) => line >= 1 && line <= _lines.Length;

    /// <summary>Inserts a line before <paramref name="line"/> (1-based; <see cref="LineCount"/> + 1 appends).</summary>
    public void InsertBefore(int line, string text)
    {
        if (!_inserted.TryGetValue(line, out var texts))
        {
            _inserted[line] = texts = [];
        }

        texts.Add(text);
    }

    public bool InsertsAnywhere(string text) => _inserted.Values.Any(t => t.Contains(text, StringComparer.Ordinal));

    public string Text()
    {
        var output = new List<string>(_lines.Length + _inserted.Count);
        for (var line = 1; line <= _lines.Length + 1; line++)
        {
            if (_inserted.TryGetValue(line, out var texts))
            {
                output.AddRange(texts);
            }

            if (line <= _lines.Length)
            {
                output.Add(_lines[line - 1]);
            }
        }

        var text = string.Join(_newline, output);
        return _endsWithNewline && output.Count > 0 ? text + _newline : text;
    }
}
