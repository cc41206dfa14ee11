namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>
/// One file's figures. Every line is exactly one of code, comment or blank: a line with any code (a string literal
/// counts as code) is code, else a line with comment text is a comment line, else it is blank.
/// </summary>
public sealed record FileMetrics(
    string Path,
    SourceLanguage Language,
    int CodeLines,
    int CommentLines,
    int BlankLines,
    IReadOnlyList<FunctionMetrics> Functions,
    IReadOnlyList<CommentMarker> Markers)
{
    public int TotalLines => CodeLines + CommentLines + BlankLines;

    public int TodoCount => Markers.Count;

    /// <summary>The index of the file as a whole (see <see cref="Maintainability.OfFile"/>); null without functions.</summary>
    public int? MaintainabilityIndex => Maintainability.OfFile(Functions);
}
