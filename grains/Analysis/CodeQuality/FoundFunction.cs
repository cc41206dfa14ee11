namespace Amas.Orleans.Analysis.CodeQuality;

/// <summary>A function located by a lexical finder, before it is measured.</summary>
/// <param name="NameOffset">Where the declaration starts for line counting and nesting exclusion.</param>
/// <param name="BodyStart">First offset of the body (inclusive).</param>
/// <param name="BodyEnd">Offset just past the body.</param>
/// <param name="LastOffset">The body's last character (its closing brace), for the end line.</param>
internal sealed record FoundFunction(string Name, int NameOffset, int BodyStart, int BodyEnd, int LastOffset);
