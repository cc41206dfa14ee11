namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>One function's figures.</summary>
/// <param name="Name">
/// Readable and stable across edits elsewhere in the file (C#: <c>Type.Method(int, string)</c>; Python:
/// <c>Class.method</c>; other languages: the declared name, Go methods as <c>Receiver.Name</c>). Findings anchor
/// their fingerprint on it, so it never contains a line number.
/// </param>
/// <param name="StartLine">1-based line of the declaration (after attributes and decorators).</param>
/// <param name="EndLine">1-based line where the body ends.</param>
/// <param name="NestingDepth">Deepest nesting of control blocks inside the body; 0 for straight-line code.</param>
public sealed record FunctionMetrics(
    string Name,
    int StartLine,
    int EndLine,
    int CyclomaticComplexity,
    int NestingDepth)
{
    public int Lines => EndLine - StartLine + 1;

    /// <summary>Halstead volume of the function's own tokens, from its name to its end (see <see cref="HalsteadMeasure"/>).</summary>
    public double HalsteadVolume { get; init; }

    /// <summary>Lines holding the function's own tokens: no blank or comment lines, no nested functions.</summary>
    public int CodeLines { get; init; }

    /// <summary>0 (worst) to 100; see <see cref="Maintainability"/>.</summary>
    public int MaintainabilityIndex => Maintainability.Index(HalsteadVolume, CyclomaticComplexity, CodeLines);
}
